package dev.jotter.kernel.jshell;

/**
 * Receives the object each snippet evaluates to. JShell's execution hands the kernel only the
 * value's string, but charts, tables and images must be rendered from the object itself, so the
 * kernel passes each snippet's result here too: the tuned execution engine
 * ({@link CellThreadExecutionControl}) as each snippet returns, and the session from the value
 * variable it evaluates an expression into.
 */
public final class ValueCapture {
    private static final Object NONE = new Object();
    private static volatile Object last = NONE;

    private ValueCapture() {}

    /**
     * Called by the execution engine with the value a snippet returned.
     *
     * @param value the snippet's value
     */
    public static void capture(Object value) {
        last = value;
    }

    /** Forgets the last value, before a snippet runs. */
    public static void reset() {
        last = NONE;
    }

    /** @return whether a value was captured since the last {@link #reset()} */
    public static boolean present() {
        return last != NONE;
    }

    /** @return the last value captured and forgets it */
    public static Object take() {
        Object v = last;
        last = NONE;
        return v == NONE ? null : v;
    }
}
