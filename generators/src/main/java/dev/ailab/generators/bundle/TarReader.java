package dev.ailab.generators.bundle;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Reads the tar a bundle is (ustar headers, PAX {@code x} records for long names and sizes, as
 * {@link BundleTar} writes them) straight from a {@link FileChannel} at each entry's offset:
 * each entry's bytes go once from the file into one reused buffer and from there into the
 * digest, with no stream layers copying them on the way. A header whose checksum does not add up is an error, so a
 * flipped byte in a header is named as such rather than read as another file.
 */
final class TarReader implements AutoCloseable {
    private static final int BLOCK = 512;

    /** One entry: its name, its size, its type flag ('0' a file, '5' a folder), where its data starts. */
    record Header(String name, long size, char type, long dataAt) {
        boolean isFile() {
            return type == '0' || type == '\0' || type == '7';
        }
    }

    private final FileChannel channel;
    private final ByteBuffer block = ByteBuffer.allocate(BLOCK);
    private final ByteBuffer buffer;
    private long next;

    TarReader(Path file, int bufferBytes) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        // A heap buffer: the channel fills it in one native copy and the digest reads its array
        // directly (a direct buffer would be copied again, in small pieces, into the digest).
        this.buffer = ByteBuffer.allocate(bufferBytes);
    }

    /** The next entry's header, or null at the end of the archive. */
    Header next() throws IOException {
        String paxName = null;
        long paxSize = -1;
        while (true) {
            if (!readBlock(next)) {
                return null; // a tar without its end blocks: the entries seen are all there is
            }
            byte[] h = block.array();
            if (allZero(h)) {
                return null;
            }
            checkSum(h, next);
            char type = (char) h[156];
            String name = text(h, 0, 100);
            String prefix = text(h, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            long size = octal(h, 124, 12, next);
            long dataAt = next + BLOCK;
            next = dataAt + padded(size);
            if (type == 'x' || type == 'g') {
                byte[] pax = readSmall(dataAt, size);
                if (type == 'x') {
                    for (String[] kv : paxRecords(pax)) {
                        if (kv[0].equals("path")) {
                            paxName = kv[1];
                        } else if (kv[0].equals("size")) {
                            paxSize = Long.parseLong(kv[1]);
                        }
                    }
                }
                continue;
            }
            if (paxSize >= 0) {
                size = paxSize;
                next = dataAt + padded(size);
            }
            return new Header(paxName != null ? paxName : name, size, type, dataAt);
        }
    }

    /** Feeds the entry's bytes to {@code digest}; returns how many there were (less than its size when the file ends early). */
    long digest(Header entry, MessageDigest digest) throws IOException {
        long at = entry.dataAt();
        long left = entry.size();
        while (left > 0) {
            buffer.clear();
            if (left < buffer.capacity()) {
                buffer.limit((int) left);
            }
            int n = channel.read(buffer, at);
            if (n <= 0) {
                break;
            }
            digest.update(buffer.array(), 0, n);
            at += n;
            left -= n;
        }
        return entry.size() - left;
    }

    /** The whole entry in memory (the manifest, its checksum). */
    byte[] read(Header entry, int max) throws IOException {
        if (entry.size() > max) {
            throw new IOException("the entry " + entry.name() + " is larger than " + max + " bytes");
        }
        return readSmall(entry.dataAt(), entry.size());
    }

    private byte[] readSmall(long at, long size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) size);
        while (b.hasRemaining()) {
            if (channel.read(b, at + b.position()) <= 0) {
                throw new EOFException("the file ends inside an entry");
            }
        }
        return b.array();
    }

    private boolean readBlock(long at) throws IOException {
        block.clear();
        while (block.hasRemaining()) {
            int n = channel.read(block, at + block.position());
            if (n <= 0) {
                if (block.position() == 0) {
                    return false;
                }
                throw new EOFException("the file ends inside a header");
            }
        }
        return true;
    }

    private static void checkSum(byte[] h, long at) throws IOException {
        long want = octal(h, 148, 8, at);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xff;
        }
        if (sum != want) {
            throw new IOException("the tar header at byte " + at + " is damaged (its checksum does not match)");
        }
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static boolean allZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] h, int off, int len, long at) throws IOException {
        long v = 0;
        boolean any = false;
        for (int i = off; i < off + len; i++) {
            byte b = h[i];
            if (b == 0 || b == ' ') {
                if (any) {
                    break;
                }
                continue;
            }
            if (b < '0' || b > '7') {
                throw new IOException("the tar header at byte " + at + " is damaged (a number is not octal)");
            }
            v = v * 8 + (b - '0');
            any = true;
        }
        return v;
    }

    /** PAX records: "LEN key=value\n", LEN counting the whole record. */
    private static java.util.List<String[]> paxRecords(byte[] pax) throws IOException {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < pax.length && pax[i] != 0) {
            int space = i;
            while (space < pax.length && pax[space] != ' ') {
                space++;
            }
            int len;
            try {
                len = Integer.parseInt(new String(pax, i, space - i, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("a PAX header is damaged");
            }
            if (len <= space - i || i + len > pax.length) {
                throw new IOException("a PAX header is damaged");
            }
            String record = new String(pax, space + 1, i + len - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq > 0) {
                out.add(new String[] {record.substring(0, eq), record.substring(eq + 1)});
            }
            i += len;
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
