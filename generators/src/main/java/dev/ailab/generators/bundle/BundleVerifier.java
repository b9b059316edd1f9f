package dev.ailab.generators.bundle;

import dev.ailab.core.error.IoMessages;
import dev.ailab.core.error.OperationFailedException;
import dev.ailab.core.io.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a bundle offline in one pass: the manifest's own checksum, then every entry's size and
 * SHA-256 against the manifest, no file missing, no file extra, every image's manifest blob
 * present. Streams with a fixed buffer, so the heap needed does not grow with the bundle.
 */
public final class BundleVerifier {
    /** The manifest is read whole; a larger one is not ours. */
    static final int MAX_MANIFEST = 64 << 20;
    /** One read buffer for every entry: large reads keep the system calls few, and it is the only copy. */
    static final int BUFFER = 1 << 20;

    /** One thing wrong: the path in the bundle and what is wrong with it. */
    public record Problem(String path, String problem) {
    }

    public record Report(Path file, BundleManifest manifest, int filesChecked, long bytesChecked, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Report verify(Path bundle) {
        return verify(bundle, BundleProgress.NONE);
    }

    /** Reads each entry once, straight from the file into one buffer and the digest; {@code progress} counts bytes. */
    public Report verify(Path bundle, BundleProgress progress) {
        if (!Files.isRegularFile(bundle)) {
            throw new OperationFailedException("bundle " + bundle + " not found", "check the path");
        }
        List<Problem> problems = new ArrayList<>();
        BundleManifest manifest = null;
        int checked = 0;
        long bytes = 0;
        Map<String, BundleManifest.FileEntry> expected = new LinkedHashMap<>();
        try (TarReader tar = new TarReader(bundle, BUFFER)) {
            long total = Files.size(bundle);
            TarReader.Header first = tar.next();
            if (first == null || !first.name().equals(BundleManifest.PATH) || first.size() > MAX_MANIFEST) {
                problems.add(new Problem(BundleManifest.PATH, "missing: the bundle does not start with its manifest"));
                return new Report(bundle, null, 0, 0, problems);
            }
            byte[] raw = tar.read(first, MAX_MANIFEST);
            String digest = Sha256.of(raw);
            TarReader.Header second = tar.next();
            if (second == null || !second.name().equals(BundleManifest.CHECKSUM_PATH)) {
                problems.add(new Problem(BundleManifest.CHECKSUM_PATH, "missing: the manifest's checksum is not there"));
            } else {
                String line = new String(tar.read(second, 256), StandardCharsets.US_ASCII).trim();
                if (!line.equals(digest + "  " + BundleManifest.PATH)) {
                    problems.add(new Problem(BundleManifest.PATH, "changed: its SHA-256 is " + digest
                            + ", the checksum entry says " + line.split(" ")[0]));
                }
            }
            manifest = BundleManifest.parse(raw, bundle.toString());
            manifest.files().forEach(f -> expected.put(f.path(), f));
            TarReader.Header e;
            while ((e = tar.next()) != null) {
                if (!e.isFile()) {
                    continue;
                }
                BundleManifest.FileEntry want = expected.remove(e.name());
                if (want == null) {
                    problems.add(new Problem(e.name(), "extra: not in the manifest"));
                    continue;
                }
                MessageDigest d = Sha256.digest();
                long n = tar.digest(e, d);
                checked++;
                bytes += n;
                progress.count("verifying", e.dataAt() + n, total);
                if (n != want.size()) {
                    problems.add(new Problem(e.name(), "size " + n + " bytes, the manifest says " + want.size()));
                } else if (!Sha256.hex(d).equals(want.sha256())) {
                    problems.add(new Problem(e.name(), "changed: its SHA-256 is " + Sha256.hex(d) + ", the manifest says "
                            + want.sha256()));
                }
            }
            progress.count("verifying", total, total);
        } catch (IOException ex) {
            problems.add(new Problem(bundle.getFileName().toString(), "cannot be read to its end: " + IoMessages.describe(ex)));
        }
        if (manifest != null) {
            expected.keySet().forEach(p -> problems.add(new Problem(p, "missing: in the manifest but not in the bundle")));
            for (BundleManifest.Image image : manifest.images()) {
                if (image.digest() != null) {
                    String blob = BundleCreator.IMAGES + "blobs/" + image.digest().replace(':', '/');
                    if (manifest.files().stream().noneMatch(f -> f.path().equals(blob))) {
                        problems.add(new Problem(blob, "missing: the image " + image.reference() + " is not in the bundle"));
                    }
                }
            }
        }
        return new Report(bundle, manifest, checked, bytes, problems);
    }

    /** Only the manifest, from the bundle's first entry (for diff and validate --offline-check). */
    public static BundleManifest readManifest(Path bundle) {
        try (TarReader tar = new TarReader(bundle, 4096)) {
            TarReader.Header first = tar.next();
            if (first == null || !first.name().equals(BundleManifest.PATH) || first.size() > MAX_MANIFEST) {
                throw new OperationFailedException(bundle + " is not a vectorweight bundle: it does not start with its manifest",
                        "give a file made by 'vectorweight bundle create'");
            }
            return BundleManifest.parse(tar.read(first, MAX_MANIFEST), bundle.toString());
        } catch (java.nio.file.FileSystemException e) {
            throw new OperationFailedException("cannot read the bundle " + bundle + ": " + IoMessages.describe(e), IoMessages.hint(e));
        } catch (IOException e) {
            // the file is there and readable, but the tar reader gave up on its bytes
            throw new OperationFailedException(bundle + " is not a vectorweight bundle: it is not a tar archive",
                    "give a file made by 'vectorweight bundle create'; a partly copied bundle: copy it again");
        }
    }
}
