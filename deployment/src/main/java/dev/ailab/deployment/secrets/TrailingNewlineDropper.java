package dev.ailab.deployment.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/** Passes a stream through, dropping one trailing "\n" or "\r\n" (what echo and editors add). */
final class TrailingNewlineDropper implements ReadableByteChannel {
    private final InputStream in;
    private final byte[] chunk = new byte[64 * 1024];
    private byte[] held = new byte[0];
    private boolean eof;
    private boolean open = true;

    TrailingNewlineDropper(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (eof) {
            return -1;
        }
        int max = Math.min(dst.remaining(), chunk.length - 2);
        int n = in.read(chunk, 2, Math.max(1, max));
        if (n < 0) {
            eof = true;
            int keep = held.length;
            if (keep > 0 && held[keep - 1] == '\n') {
                keep--;
                if (keep > 0 && held[keep - 1] == '\r') {
                    keep--;
                }
            }
            dst.put(held, 0, keep);
            Arrays.fill(held, (byte) 0);
            return keep == 0 ? -1 : keep;
        }
        // Combine what was held back with the new bytes, then hold back the last two again.
        int total = held.length + n;
        byte[] all = new byte[total];
        System.arraycopy(held, 0, all, 0, held.length);
        System.arraycopy(chunk, 2, all, held.length, n);
        Arrays.fill(chunk, (byte) 0);
        Arrays.fill(held, (byte) 0);
        int release = Math.max(0, total - 2);
        dst.put(all, 0, release);
        held = Arrays.copyOfRange(all, release, total);
        Arrays.fill(all, (byte) 0);
        return release;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
