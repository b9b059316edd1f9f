package dev.ailab.generators.bundle;

import dev.ailab.core.error.ExternalSystemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Copies images with {@code skopeo} (Debian's package): from a registry into the bundle's OCI
 * layout, by digest, and from the layout into the site's registry. TLS is verified except for
 * loopback registries (tests and a registry on the same machine).
 */
final class Skopeo {
    private final String program;

    Skopeo(String program) {
        this.program = program == null ? "skopeo" : program;
    }

    /** The name an image has in the bundle's OCI layout: the reference with separators made safe. */
    static String layoutName(String reference) {
        return reference.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Copies {@code reference} into {@code layout}; returns the manifest digest ({@code sha256:...}). */
    String toLayout(String reference, Path layout, String platform, Path workDir) {
        Path digestFile = workDir.resolve("digest-" + layoutName(reference));
        List<String> cmd = new ArrayList<>(List.of(program, "copy", "--quiet", "--digestfile", digestFile.toString()));
        if (platform != null) {
            String[] p = platform.split("/");
            cmd.addAll(List.of("--override-os", p[0]));
            if (p.length > 1) {
                cmd.addAll(List.of("--override-arch", p[1]));
            }
        }
        if (loopback(reference)) {
            cmd.add("--src-tls-verify=false");
        }
        cmd.add("docker://" + reference);
        cmd.add("oci:" + layout + ":" + layoutName(reference));
        run(cmd, "copy the image " + reference);
        try {
            return Files.readString(digestFile).trim();
        } catch (IOException e) {
            throw new ExternalSystemException("the image " + reference + " was copied but its digest was not reported",
                    "check the skopeo installation");
        }
    }

    /** Pushes the layout's {@code reference} to {@code registry}, keeping its path and tag. */
    String push(Path layout, String reference, String registry) {
        String target = registry + "/" + pathOf(reference);
        List<String> cmd = new ArrayList<>(List.of(program, "copy", "--quiet"));
        if (loopback(target)) {
            cmd.add("--dest-tls-verify=false");
        }
        cmd.add("oci:" + layout + ":" + layoutName(reference));
        cmd.add("docker://" + target);
        run(cmd, "push the image " + reference + " to " + registry);
        return target;
    }

    /** The reference without its registry host: {@code docker.io/library/busybox:1} to {@code library/busybox:1}. */
    static String pathOf(String reference) {
        int slash = reference.indexOf('/');
        if (slash > 0) {
            String first = reference.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return reference.substring(slash + 1);
            }
        }
        return reference;
    }

    private static boolean loopback(String reference) {
        String host = reference.toLowerCase(Locale.ROOT);
        return host.startsWith("127.") || host.startsWith("localhost");
    }

    private void run(List<String> cmd, String what) {
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            p.getOutputStream().close();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                String reason = new String(err, StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElse("").trim();
                throw new ExternalSystemException("cannot " + what + ": " + reason.replaceAll("^time=\"[^\"]*\" level=\\w+ msg=", ""),
                        "check that the registry is reachable and holds the image");
            }
        } catch (IOException e) {
            throw new ExternalSystemException("cannot " + what + ": skopeo is not installed here",
                    "install skopeo (Debian package 'skopeo'), or leave out --images");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExternalSystemException("cannot " + what + ": interrupted", "run it again");
        }
    }
}
