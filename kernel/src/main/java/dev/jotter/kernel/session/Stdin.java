package dev.jotter.kernel.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/** System.in for user code: each read that needs more asks the front end for a line. */
public final class Stdin extends InputStream {
    private final Runnable beforeAsking;
    private volatile BiFunction<String, Boolean, String> provider;
    private byte[] buffer = new byte[0];
    private int pos;

    /** @param beforeAsking run before the front end is asked, to show the output printed so far first */
    public Stdin(Runnable beforeAsking) {
        this.beforeAsking = beforeAsking;
    }

    /**
     * Provides input for the reads that follow: {@code (prompt, password) -> line}, or null when
     * the front end cannot answer input requests (reads then see end of input).
     *
     * @param provider the provider, or null
     */
    public void setProvider(BiFunction<String, Boolean, String> provider) {
        this.provider = provider;
    }

    @Override
    public synchronized int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buffer[pos++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, buffer.length - pos);
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean fill() {
        if (pos < buffer.length) {
            return true;
        }
        BiFunction<String, Boolean, String> p = provider;
        if (p == null) {
            return false;
        }
        beforeAsking.run();
        String line = p.apply("", false);
        if (line == null) {
            return false;
        }
        buffer = (line + "\n").getBytes(StandardCharsets.UTF_8);
        pos = 0;
        return true;
    }
}
