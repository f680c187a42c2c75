package dev.jotter.kernel.display;

import dev.jotter.kernel.session.CellOutput;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * Replaces {@code System.out} and {@code System.err} so that everything user code prints, from
 * any thread, reaches the cell that is running (or the last one that ran).
 *
 * <p>Text is batched: a cell that prints 10,000 lines sends a handful of stream messages
 * instead of 10,000, which keeps ZeroMQ far from its high-water mark and the notebook fast.
 * A daemon flusher sends what has gathered every {@value #FLUSH_MILLIS} ms; callers flush
 * explicitly before anything that must come after the text (a display, a result, idle).
 */
public final class OutputRouter {
    static final int FLUSH_MILLIS = 40;
    private static final int MAX_BATCH_CHARS = 1 << 20;

    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final Channel out = new Channel("stdout");
    private final Channel err = new Channel("stderr");
    private volatile CellOutput target;
    private final Thread flusher;

    /** Captures the process's current System.out/err as the fallback for kernel logging. */
    public OutputRouter() {
        this.originalOut = System.out;
        this.originalErr = System.err;
        this.flusher = Thread.ofPlatform().daemon().name("jotter-output-flusher").unstarted(() -> {
            while (true) {
                LockSupport.parkNanos(FLUSH_MILLIS * 1_000_000L);
                flush();
            }
        });
    }

    /** Installs the routed streams as System.out and System.err and starts the flusher. */
    public void install() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        flusher.start();
    }

    /** @return the stderr the process started with, for the kernel's own log lines */
    public PrintStream log() {
        return originalErr;
    }

    /** @return the stdout the process started with */
    public PrintStream originalOut() {
        return originalOut;
    }

    /**
     * Points output at a new cell. Text still pending goes to the previous target first.
     *
     * @param output the cell's output
     */
    public void setTarget(CellOutput output) {
        flush();
        this.target = output;
    }

    /** @return the cell output that printed text goes to now, or null before the first cell */
    public CellOutput target() {
        return target;
    }

    /** Sends all pending text now. */
    public void flush() {
        out.drain();
        err.drain();
    }

    /** Collects bytes, decodes UTF-8 at whole-character boundaries, and hands text to the target. */
    private final class Channel extends OutputStream {
        private final String name;
        private final ByteBuffer bytes = ByteBuffer.allocate(8192);
        private final StringBuilder text = new StringBuilder();
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final CharBuffer chars = CharBuffer.allocate(8192);

        Channel(String name) {
            this.name = name;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            boolean big;
            synchronized (this) {
                while (len > 0) {
                    int n = Math.min(len, bytes.remaining());
                    bytes.put(b, off, n);
                    off += n;
                    len -= n;
                    decode();
                }
                big = text.length() >= MAX_BATCH_CHARS;
            }
            if (big) {
                drain();
            }
        }

        private void decode() {
            bytes.flip();
            while (true) {
                var result = decoder.decode(bytes, chars, false);
                chars.flip();
                text.append(chars);
                chars.clear();
                if (!result.isOverflow()) {
                    break;
                }
            }
            bytes.compact();
        }

        /** Synchronised as a whole so two drains never reorder text. */
        synchronized void drain() {
            if (text.isEmpty()) {
                return;
            }
            String s = text.toString();
            text.setLength(0);
            CellOutput t = target;
            if (t != null) {
                t.stream(name, s);
            } else {
                (name.equals("stdout") ? originalOut : originalErr).print(s);
            }
        }
    }

}
