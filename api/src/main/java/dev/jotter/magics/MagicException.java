package dev.jotter.magics;

/**
 * A user-facing magic failure: the kernel shows its message (which must say what was wrong
 * and what to do next) as a cell error without a Java stack trace.
 */
public class MagicException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value, and what to do next */
    public MagicException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do next
     * @param cause the underlying failure
     */
    public MagicException(String message, Throwable cause) {
        super(message, cause);
    }
}
