package dev.ailab.sources.git;

import dev.ailab.core.testing.RequiredTool;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on a loopback port, run as a non-daemon child with its own config,
 * host key and authorized_keys inside a test folder.
 */
public final class TestSshd implements AutoCloseable {
    private final Process process;
    public final int port;
    public final Path dir;

    private TestSshd(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** True when sshd and ssh-keygen are on PATH (without deciding whether a test skips). */
    public static boolean installed() {
        return RequiredTool.find("sshd").isPresent() && RequiredTool.find("ssh-keygen").isPresent();
    }

    /** Skips the test, or fails it when CI_REQUIRE names sshd, unless sshd and ssh-keygen are on PATH. */
    public static void require() {
        RequiredTool.onPath("sshd");
        RequiredTool.onPath("sshd", "ssh-keygen");
    }

    /** Makes a key pair; an empty passphrase means an unencrypted key. */
    public static Path keygen(Path dir, String name, String type, String passphrase) throws Exception {
        Path key = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(RequiredTool.onPath("sshd", "ssh-keygen").toString(), "-q", "-t", type, "-f", key.toString(), "-N", passphrase, "-C", name));
        if (!passphrase.isEmpty()) {
            cmd.addAll(List.of("-a", "2")); // few KDF rounds: the tests decrypt the key several times
        }
        if (type.equals("rsa")) {
            cmd.addAll(List.of("-b", "2048"));
        }
        run(cmd);
        return key;
    }

    public static TestSshd start(Path dir, List<Path> authorizedPublicKeys) throws Exception {
        Files.createDirectories(dir);
        Path hostKey = keygen(dir, "host_ed25519", "ed25519", "");
        StringBuilder authorized = new StringBuilder();
        for (Path pub : authorizedPublicKeys) {
            authorized.append(Files.readString(pub));
        }
        Path authorizedKeys = dir.resolve("authorized_keys");
        Files.writeString(authorizedKeys, authorized);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "AuthorizedKeysFile " + authorizedKeys,
                "PidFile " + dir.resolve("sshd.pid"),
                "StrictModes no",
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "PermitRootLogin prohibit-password",
                "AllowUsers " + System.getProperty("user.name"),
                "LogLevel ERROR",
                ""));
        Path privsep = Path.of("/run/sshd");
        if (!Files.isDirectory(privsep)) {
            try {
                Files.createDirectories(privsep);
            } catch (IOException e) {
                // sshd will say what it misses
            }
        }
        ProcessBuilder pb = new ProcessBuilder(RequiredTool.onPath("sshd").toString(), "-D", "-e", "-f", config.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("sshd.log").toFile());
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("sshd exited: " + Files.readString(dir.resolve("sshd.log")));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return new TestSshd(p, port, dir);
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("sshd did not start: " + Files.readString(dir.resolve("sshd.log")));
    }

    public String url(Path bareRepo) {
        return "ssh://" + System.getProperty("user.name") + "@127.0.0.1:" + port + bareRepo.toAbsolutePath();
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd.subList(0, 2)) + " failed: " + out);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
