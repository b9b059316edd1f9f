package dev.ailab.deployment.secrets;

import dev.ailab.core.io.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.util.Arrays;

/** Handling decrypted values in memory: digests without copies, reading back, wiping, discarding. */
final class Plaintext {
    /** Swallows what is written: for decrypting only to see that it works. */
    static final WritableByteChannel DISCARD = new WritableByteChannel() {
        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            src.position(src.limit());
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    };

    private Plaintext() {
    }

    /** The SHA-256 of the buffer's content, fed from its internal array. */
    static byte[] sha256(ByteArrayOutputStream bytes) {
        MessageDigest md = Sha256.digest();
        try {
            bytes.writeTo(new OutputStream() {
                @Override
                public void write(int b) {
                    md.update((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    md.update(b, off, len);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e); // the sink above never throws
        }
        return md.digest();
    }

    /** Overwrites the buffer's internal array (reached through a fresh reset+write of zeros). */
    static void wipe(ByteArrayOutputStream bytes) {
        int n = bytes.size();
        bytes.reset();
        bytes.write(new byte[n], 0, n);
        bytes.reset();
    }

    /** Reads the buffer's content back; the one copy this takes is zeroed once read or closed. */
    static ReadableByteChannel reader(ByteArrayOutputStream bytes) {
        return new BufferChannel(bytes);
    }

    private static final class BufferChannel implements ReadableByteChannel {
        private final byte[] copy;
        private final ReadableByteChannel delegate;

        BufferChannel(ByteArrayOutputStream bytes) {
            // toByteArray copies once; the copy is wiped after reading.
            byte[] copy = bytes.toByteArray();
            this.delegate = Channels.newChannel(new ByteArrayInputStream(copy) {
                @Override
                public void close() {
                    Arrays.fill(copy, (byte) 0);
                }
            });
            this.copy = copy;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = delegate.read(dst);
            if (n < 0) {
                Arrays.fill(copy, (byte) 0);
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public void close() throws IOException {
            Arrays.fill(copy, (byte) 0);
            delegate.close();
        }
    }
}
