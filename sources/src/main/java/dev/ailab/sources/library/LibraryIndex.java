package dev.ailab.sources.library;

import dev.ailab.core.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cached discovery of library/ and personal/: for each file its size, modification time and
 * content hash (git's blob id, so it can be compared with what git stores). A refresh stats the
 * files and keeps the hash of every file whose size and time did not change, so nothing
 * unchanged is read or hashed again; hashes are computed only when a command needs them.
 */
public final class LibraryIndex {
    private static final int MAGIC = 0x41494932; // "AII2"
    private static final Set<String> SKIPPED = Set.of(".git", ".stfolder", ".stversions", ".stignore", ".DS_Store",
            ".ai-config");

    /** One file. {@code hash} is null until needed. */
    public record Entry(String path, long size, long mtime, String hash) {
    }

    /** What a refresh found. */
    public record Refresh(int files, int added, int changed, int removed, long millis) {
        public boolean fresh() {
            return added == 0 && changed == 0 && removed == 0;
        }
    }

    private final Path file;
    private final Map<String, Entry> library;
    private final Map<String, Entry> personal;
    private final Map<String, Long> libraryDirs = new HashMap<>();
    private final Map<String, Long> personalDirs = new HashMap<>();
    private boolean dirty;
    private final boolean existed;

    private LibraryIndex(Path file, Map<String, Entry> library, Map<String, Entry> personal, boolean existed) {
        this.file = file;
        this.library = library;
        this.personal = personal;
        this.existed = existed;
    }

    public static LibraryIndex load(Path file) {
        Map<String, Entry> library = new TreeMap<>();
        Map<String, Entry> personal = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return new LibraryIndex(file, library, personal, false);
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                return new LibraryIndex(file, new TreeMap<>(), new TreeMap<>(), false);
            }
            readLayer(in, library);
            readLayer(in, personal);
            LibraryIndex index = new LibraryIndex(file, library, personal, true);
            readDirs(in, index.libraryDirs);
            readDirs(in, index.personalDirs);
            return index;
        } catch (IOException e) {
            // A damaged index is rebuilt, never trusted.
            return new LibraryIndex(file, new TreeMap<>(), new TreeMap<>(), false);
        }
    }

    private static void readLayer(DataInputStream in, Map<String, Entry> into) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String path = in.readUTF();
            long size = in.readLong();
            long mtime = in.readLong();
            String hash = in.readBoolean() ? HexFormat.of().formatHex(in.readNBytes(20)) : null;
            into.put(path, new Entry(path, size, mtime, hash));
        }
    }

    private static void readDirs(DataInputStream in, Map<String, Long> into) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String path = in.readUTF();
            into.put(path, in.readLong());
        }
    }

    private static void writeDirs(DataOutputStream out, Map<String, Long> dirs) throws IOException {
        out.writeInt(dirs.size());
        for (Map.Entry<String, Long> e : dirs.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue());
        }
    }

    public boolean existed() {
        return existed;
    }

    public Map<String, Entry> library() {
        return library;
    }

    public Map<String, Entry> personal() {
        return personal;
    }

    /** Brings both layers up to date with the disk, keeping hashes of unchanged files (stats every file). */
    public Refresh refresh(Path libraryDir, Path personalDir) {
        return refresh(libraryDir, personalDir, false);
    }

    /**
     * Brings both layers up to date. With {@code namesOnly}, a folder whose modification time
     * did not change since the last refresh is known to hold the same names, so its files are
     * not even stat'ed: enough for listing names. Otherwise every file is stat'ed (never read).
     */
    public Refresh refresh(Path libraryDir, Path personalDir, boolean namesOnly) {
        long start = System.nanoTime();
        int[] counts = new int[4];
        refreshLayer(libraryDir, library, libraryDirs, counts, namesOnly);
        refreshLayer(personalDir, personal, personalDirs, counts, namesOnly);
        if (counts[1] + counts[2] + counts[3] > 0) {
            dirty = true;
        }
        return new Refresh(counts[0], counts[1], counts[2], counts[3], (System.nanoTime() - start) / 1_000_000);
    }

    private void refreshLayer(Path root, Map<String, Entry> layer, Map<String, Long> dirs, int[] counts, boolean namesOnly) {
        Map<String, List<Entry>> filesByDir = new HashMap<>();
        Map<String, List<String>> subdirsByDir = new HashMap<>();
        if (namesOnly) {
            for (Entry e : layer.values()) {
                filesByDir.computeIfAbsent(parentOf(e.path()), k -> new ArrayList<>()).add(e);
            }
            for (String d : dirs.keySet()) {
                if (!d.isEmpty()) {
                    subdirsByDir.computeIfAbsent(parentOf(d), k -> new ArrayList<>()).add(d);
                }
            }
        }
        Map<String, Entry> seen = new HashMap<>(layer.size() * 2 + 16);
        Map<String, Long> seenDirs = new HashMap<>(dirs.size() * 2 + 16);
        if (Files.isDirectory(root)) {
            scan(root, "", layer, dirs, filesByDir, subdirsByDir, namesOnly, seen, seenDirs, counts);
        }
        for (String old : layer.keySet()) {
            if (!seen.containsKey(old)) {
                counts[3]++;
            }
        }
        if (!seenDirs.equals(dirs)) {
            dirty = true;
        }
        layer.clear();
        layer.putAll(new TreeMap<>(seen));
        dirs.clear();
        dirs.putAll(seenDirs);
    }

    private static String parentOf(String rel) {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }

    private static void scan(Path root, String rel, Map<String, Entry> layer, Map<String, Long> dirs,
                             Map<String, List<Entry>> filesByDir, Map<String, List<String>> subdirsByDir, boolean namesOnly,
                             Map<String, Entry> seen, Map<String, Long> seenDirs, int[] counts) {
        Path dir = rel.isEmpty() ? root : root.resolve(rel);
        long mtime;
        try {
            mtime = Files.getLastModifiedTime(dir).to(java.util.concurrent.TimeUnit.MICROSECONDS);
        } catch (IOException e) {
            return;
        }
        seenDirs.put(rel, mtime);
        Long known = dirs.get(rel);
        if (namesOnly && known != null && known == mtime) {
            for (Entry e : filesByDir.getOrDefault(rel, List.of())) {
                seen.put(e.path(), e);
                counts[0]++;
            }
            for (String sub : subdirsByDir.getOrDefault(rel, List.of())) {
                scan(root, sub, layer, dirs, filesByDir, subdirsByDir, namesOnly, seen, seenDirs, counts);
            }
            return;
        }
        try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path f : entries) {
                String name = f.getFileName().toString();
                if (SKIPPED.contains(name)) {
                    continue;
                }
                String childRel = rel.isEmpty() ? name : rel + "/" + name;
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(f, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    continue;
                }
                if (attrs.isDirectory()) {
                    scan(root, childRel, layer, dirs, filesByDir, subdirsByDir, namesOnly, seen, seenDirs, counts);
                    continue;
                }
                if (attrs.isSymbolicLink()) {
                    try {
                        attrs = Files.readAttributes(f, BasicFileAttributes.class);
                    } catch (IOException e) {
                        continue;
                    }
                }
                if (!attrs.isRegularFile()) {
                    continue;
                }
                long size = attrs.size();
                long fileTime = attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.MICROSECONDS);
                Entry old = layer.get(childRel);
                counts[0]++;
                if (old == null) {
                    counts[1]++;
                    seen.put(childRel, new Entry(childRel, size, fileTime, null));
                } else if (old.size() != size || old.mtime() != fileTime) {
                    counts[2]++;
                    seen.put(childRel, new Entry(childRel, size, fileTime, null));
                } else {
                    seen.put(childRel, old);
                }
            }
        } catch (IOException e) {
            // an unreadable folder is skipped; health reports permissions
        }
    }

    static String relative(Path root, Path file) {
        String rel = root.relativize(file).toString();
        return java.io.File.separatorChar == '/' ? rel : rel.replace(java.io.File.separatorChar, '/');
    }

    /**
     * The content hash of a file of one layer: the indexed one when the file's size and time
     * still match (one stat, no read), else computed now and kept.
     */
    public String hash(boolean personalLayer, Path root, String path) {
        Map<String, Entry> layer = personalLayer ? personal : library;
        Entry e = layer.get(path);
        Path f = root.resolve(path);
        long size;
        long mtime;
        try {
            BasicFileAttributes attrs = Files.readAttributes(f, BasicFileAttributes.class);
            size = attrs.size();
            mtime = attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.MICROSECONDS);
        } catch (IOException ex) {
            return null;
        }
        if (e != null && e.hash() != null && e.size() == size && e.mtime() == mtime) {
            return e.hash();
        }
        String h = blobHash(f);
        if (h != null) {
            layer.put(path, new Entry(path, size, mtime, h));
            dirty = true;
        }
        return h;
    }

    /** git's blob id of a file: SHA-1 of "blob SIZE\0" and the bytes. Null when unreadable. */
    public static String blobHash(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            long size = Files.size(f);
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(("blob " + size + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String blobHash(byte[] content) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(("blob " + content.length + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(md.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the index when something changed since it was loaded. */
    public void saveIfChanged() {
        if (!dirty && existed) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * (library.size() + personal.size()) + 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            writeLayer(out, library);
            writeLayer(out, personal);
            writeDirs(out, libraryDirs);
            writeDirs(out, personalDirs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            AtomicFiles.write(file, channel -> channel.write(ByteBuffer.wrap(bytes.toByteArray())), null);
        } catch (UncheckedIOException e) {
            // the index is a cache: failing to save it only costs time next run
        }
        dirty = false;
    }

    private static void writeLayer(DataOutputStream out, Map<String, Entry> layer) throws IOException {
        out.writeInt(layer.size());
        for (Entry e : layer.values()) {
            out.writeUTF(e.path());
            out.writeLong(e.size());
            out.writeLong(e.mtime());
            out.writeBoolean(e.hash() != null);
            if (e.hash() != null) {
                out.write(HexFormat.of().parseHex(e.hash()));
            }
        }
    }
}
