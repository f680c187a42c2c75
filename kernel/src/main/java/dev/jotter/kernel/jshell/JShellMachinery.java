package dev.jotter.kernel.jshell;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ObjIntConsumer;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.spi.ExecutionControl;

/**
 * Everything between a {@link dev.jotter.kernel.session.Session} and JShell that may reach into the JDK's internals: how the
 * JShell is built, whether a snippet can skip JShell's two compilations, and what is tidied between
 * cells. {@link TunedJShell} reaches private members of {@code jdk.jshell} and {@code jdk.compiler}
 * to keep cells fast; {@link PlainJShell} uses JShell's public API only, for a JDK where those
 * members have moved or to rule the machinery out when hunting a bug. The system property
 * {@value #PROPERTY} chooses: {@code plain} or {@code tuned} (the default).
 */
public sealed interface JShellMachinery permits TunedJShell, PlainJShell {
    /** The system property that chooses the machinery: {@code plain} or {@code tuned}. */
    String PROPERTY = "jotter.jshell";

    /**
     * @return the machinery the system property {@value #PROPERTY} names
     * @throws IllegalArgumentException when it names neither
     */
    static JShellMachinery fromSystemProperty() {
        String chosen = System.getProperty(PROPERTY, "tuned");
        return switch (chosen) {
            case "tuned" -> new TunedJShell();
            case "plain" -> new PlainJShell();
            default -> throw new IllegalArgumentException("Expected -D" + PROPERTY + "=plain or =tuned, found \"" + chosen
                    + "\"; drop the option for the tuned default.");
        };
    }

    /**
     * Names a frame of a class that {@link #runDirect} compiled as JShell names its snippets'
     * frames: "#" and the top-level class, also where JShell passed the frame on as it was (a
     * lambda made in an expression cell that throws in a later cell).
     *
     * @param className a stack frame's class
     * @return the frame's file name, or null when the class is not one of those
     */
    static String wrapperFrameFile(String className) {
        return ExpressionCompiler.isWrapper(className) ? "#" + CompilerHousekeeping.outerClass(className) : null;
    }

    /**
     * Builds the session's JShell.
     *
     * @param out where JShell's own output goes
     * @param err where JShell's own errors go
     * @param libraries what snippets compile and run against: the user API, the toolkit layer and
     *                  the jars the notebook adds (ahead of the toolkit's)
     * @return the JShell, with nothing evaluated yet
     */
    JShell build(PrintStream out, PrintStream err, Libraries libraries);

    /**
     * Called once the JShell has its imports and has been warmed.
     *
     * @param shell the JShell from {@link #build}
     * @param log the kernel's log, for a warning when the JDK's internals are out of reach
     */
    void started(JShell shell, PrintStream log);

    /**
     * Called after every cell.
     *
     * @param shell the JShell from {@link #build}
     */
    void afterCell(JShell shell);

    /** @return the execution control JShell runs snippets with, or null before it made one */
    JotterExecutionControl control();

    /**
     * @return whether {@link #runDirect} compiles expressions; where it does not, the session has
     *     JShell evaluate an expression as the value of a variable of its own
     */
    boolean compilesExpressions();

    /**
     * What {@link #runDirect} ran.
     *
     * @param hasValue whether the snippet was an expression whose value to show
     * @param text JShell's text form of the value, when it has one
     */
    record Ran(boolean hasValue, String text) {}

    /**
     * Compiles and runs a snippet without JShell's snippet machinery, when that is possible.
     *
     * @param expression the snippet without its semicolon when it may be an expression, else null
     * @param statement whether the snippet, when not an expression, can declare nothing a later
     *     cell could use, so that it may be compiled as a statement
     * @param snippetSource the snippet as written
     * @param wrapperAt told the class that runs the snippet and the line of its source on which the
     *     snippet begins, before it runs
     * @return what ran, or null when JShell must evaluate the snippet, in which case nothing ran
     * @throws JShellException the user's code threw, as JShell reports it
     * @throws ExecutionControl.StoppedException the cell was interrupted
     * @throws ExecutionControl.ExecutionControlException the engine failed, or the user's error
     *     could not be worded as JShell words it
     */
    Ran runDirect(String expression, boolean statement, String snippetSource, ObjIntConsumer<String> wrapperAt)
            throws JShellException, ExecutionControl.ExecutionControlException;
}
