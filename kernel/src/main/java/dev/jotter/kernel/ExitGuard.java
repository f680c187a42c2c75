package dev.jotter.kernel;

/**
 * Stands in for {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in user
 * code: the kernel rewrites those calls to land here, so a cell that calls them fails with an
 * error the student can read instead of killing the kernel and losing every variable.
 * Public because the rewritten REPL classes call it from another class loader.
 */
public final class ExitGuard {
    private ExitGuard() {}

    /** The error a cell gets when it tries to end the kernel's JVM. */
    public static final class ExitAttemptedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExitAttemptedException(String call, int status) {
            super(call + "(" + status + ") was blocked: it would stop the kernel and lose every variable. "
                    + "To restart the kernel use the notebook's Kernel > Restart; to end a computation early, return or throw.");
        }
    }

    /**
     * Replaces {@code System.exit(status)}.
     *
     * @param status the requested exit status
     */
    public static void systemExit(int status) {
        throw new ExitAttemptedException("System.exit", status);
    }

    /**
     * Replaces {@code runtime.exit(status)}.
     *
     * @param runtime the receiver, ignored
     * @param status the requested exit status
     */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitAttemptedException("Runtime.exit", status);
    }

    /**
     * Replaces {@code runtime.halt(status)}.
     *
     * @param runtime the receiver, ignored
     * @param status the requested exit status
     */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw new ExitAttemptedException("Runtime.halt", status);
    }
}
