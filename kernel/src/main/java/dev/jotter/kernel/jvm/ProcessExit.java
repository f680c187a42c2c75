package dev.jotter.kernel.jvm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Ends the kernel process at once. {@link Runtime#halt} is not immediate: HotSpot's exit
 * safepoint waits for threads in native code to come to rest, up to a timeout, and a kernel
 * always has some (JeroMQ's sockets wait in {@code epoll_wait}), so every shutdown took that
 * timeout longer than the work it did. C's {@code _exit} skips that wait; like {@code halt} it runs no shutdown
 * hooks, so callers flush what must reach the client first. It also skips the JVM's own exit
 * work: a flight recording started with {@code dumponexit=true} is not written (dump it with
 * {@code jcmd <pid> JFR.dump} before shutting the kernel down).
 */
public final class ProcessExit {
    private static final MethodHandle EXIT = lookup();

    private ProcessExit() {}

    private static MethodHandle lookup() {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("_exit")
                    .map(symbol -> linker.downcallHandle(symbol, FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT)))
                    .orElse(null);
        } catch (RuntimeException | LinkageError e) {
            // No native access (a JVM started without --enable-native-access): halt still works.
            return null;
        }
    }

    /**
     * Terminates the process with {@code status}, never returning. Processes the kernel started
     * (a cell's {@code ProcessBuilder}, a {@code %%bash} script, and what they started) are killed
     * first: {@code _exit} would leave them running, orphaned, after the kernel is gone.
     *
     * @param status the exit status
     */
    public static void now(int status) {
        killDescendants();
        if (EXIT != null) {
            try {
                EXIT.invokeExact(status);
            } catch (Throwable e) {
                // fall through to halt
            }
        }
        Runtime.getRuntime().halt(status);
    }

    /** Kills every process this one started, children and their children, without waiting for them. */
    public static void killDescendants() {
        try {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        } catch (RuntimeException e) {
            // Not allowed or not supported here: the exit must happen anyway.
        }
    }
}
