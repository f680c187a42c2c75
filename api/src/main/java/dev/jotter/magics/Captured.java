package dev.jotter.magics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@code %%capture var} caught, as the value of {@code var} in the user's session.
 *
 * @param stdout everything printed to standard output
 * @param stderr everything printed to standard error
 * @param displays the MIME bundles (or values) that would have been displayed, in order
 * @param result the cell's result value, or {@code null}
 */
public record Captured(String stdout, String stderr, List<Object> displays, Object result) {

    // Hand-over between the magic and the snippet "var x = Captured.take(id)" that the magic evaluates.
    private static final Map<String, Captured> PENDING = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    /**
     * Parks a value for {@link #take}.
     *
     * @param captured the value
     * @return the id to take it with
     */
    public static String put(Captured captured) {
        String id = "c" + IDS.incrementAndGet();
        PENDING.put(id, captured);
        return id;
    }

    /**
     * Removes and returns a parked value; called from the user's session.
     *
     * @param id an id from {@link #put}
     * @return the value
     * @throws IllegalStateException if the id was already taken or never existed
     */
    public static Captured take(String id) {
        Captured c = PENDING.remove(id);
        if (c == null) {
            throw new IllegalStateException("No captured output under id " + id + "; it was already taken. Run the %%capture cell again.");
        }
        return c;
    }

    /** @return the captured standard output, so that printing the variable shows it */
    @Override
    public String toString() {
        return stdout;
    }
}
