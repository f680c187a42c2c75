package dev.jotter.kernel.protocol;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.zeromq.ZMQ;

/**
 * The largest message the kernel accepts from a client, checked before a message is signed off or
 * parsed: anyone who can reach the kernel's ports can send bytes, and only an authenticated client
 * may make the kernel do work for them (docs/security.md).
 *
 * <p>Two layers. JeroMQ's {@code ZMQ_MAXMSGSIZE} on the receiving sockets refuses a single frame
 * over the limit from its size header, before allocating it, and closes that connection (clients
 * reconnect). A message of many frames, each under the limit, is counted here while it is read:
 * once the total passes the limit the rest is read and thrown away, and the message is dropped with
 * a log line naming its size and the limit. Only incoming messages are limited: a cell may still
 * print a 100 MB line.
 *
 * <p>The limit is {@value #DEFAULT_TEXT} unless the system property {@value #PROPERTY} says
 * otherwise, e.g. {@code jotter install --jvm-opt -Djotter.maxMessageBytes=512m}.
 */
public final class MessageLimit {
    /** The system property that sets the limit: bytes, or a number with k, m or g (powers of 1024). */
    public static final String PROPERTY = "jotter.maxMessageBytes";
    /** Generous for code, comms and a widget's file upload; far from what a 2 GB heap survives several of. */
    static final long DEFAULT = 128L << 20;
    private static final String DEFAULT_TEXT = "128m";

    private final long bytes;

    /** @param bytes the most bytes a message may have, all frames together */
    MessageLimit(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("the message size limit must be positive, got " + bytes);
        }
        this.bytes = bytes;
    }

    /**
     * The limit the system property {@value #PROPERTY} sets, or the default when it is unset or
     * unreadable (then with a line in the log naming the value).
     *
     * @param log the kernel log
     * @return the limit
     */
    public static MessageLimit fromSystemProperty(PrintStream log) {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return new MessageLimit(DEFAULT);
        }
        try {
            return new MessageLimit(parse(value));
        } catch (IllegalArgumentException e) {
            log.println("[jotter] ignoring -D" + PROPERTY + "=" + value + ": " + e.getMessage() + "; using " + DEFAULT_TEXT
                    + ". Write a number of bytes, or one with k, m or g, e.g. -D" + PROPERTY + "=512m");
            return new MessageLimit(DEFAULT);
        }
    }

    /**
     * @param text bytes, or a number followed by k, m or g (case-insensitive, powers of 1024)
     * @return the number of bytes
     * @throws IllegalArgumentException when it is not such a positive number
     */
    static long parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int shift = 0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> shift = 10;
                case 'm' -> shift = 20;
                case 'g' -> shift = 30;
                default -> shift = 0;
            }
        }
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size");
        }
        if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("'" + text + "' is not a positive size");
        }
        return n << shift;
    }

    /** @return the most bytes a message may have */
    public long bytes() {
        return bytes;
    }

    /**
     * Sets JeroMQ's per-frame limit on a socket that receives from clients.
     *
     * @param socket a ROUTER or REP socket
     */
    public void apply(ZMQ.Socket socket) {
        socket.setMaxMsgSize(bytes);
    }

    /**
     * Reads one multipart message, keeping its frames only while their total stays within the
     * limit.
     *
     * @param socket the socket to read
     * @param channel the socket's name for the log, e.g. "shell"
     * @param log the kernel log, for a dropped message
     * @return the frames, or null when none came (a timeout, the socket closing) or the message was over the limit
     */
    public List<byte[]> receive(ZMQ.Socket socket, String channel, PrintStream log) {
        byte[] first = socket.recv(0);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        long total = first.length;
        int count = 1;
        while (socket.hasReceiveMore()) {
            byte[] next = socket.recv(0);
            count++;
            total += next == null ? 0 : next.length;
            if (frames != null && total <= bytes) {
                frames.add(next);
            } else {
                // Over the limit: the rest of the message must still be read off the socket, but is not kept.
                frames = null;
            }
        }
        if (frames == null) {
            log.println("[jotter] dropped an oversized message on " + channel + ": " + total + " bytes in " + count
                    + " frames, over the limit of " + bytes + " bytes (-D" + PROPERTY + ")");
        }
        return frames;
    }

    /** @return the limit's description for logs, e.g. "134217728 bytes" */
    @Override
    public String toString() {
        return bytes + " bytes";
    }
}
