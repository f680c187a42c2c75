package dev.jotter.magics;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The kernel's services as magics see them. The kernel implements this; magics never see
 * JShell, ZeroMQ or the wire protocol.
 */
public interface MagicContext {

    /**
     * Adds jars or class folders to the classpath of the user's code, for both compiling and running.
     *
     * @param paths jars or directories; ones already added are ignored
     */
    void addToClasspath(List<Path> paths);

    /** @return everything added with {@link #addToClasspath} so far, in order */
    List<Path> classpath();

    /**
     * Evaluates Java code as if it were a cell (snippets may declare variables visible later).
     *
     * @param code Java source, one or more snippets
     * @return the value of the last expression, or {@code null}
     * @throws Exception the user code's exception or a compile error
     */
    Object eval(String code) throws Exception;

    /**
     * Shows a value as display_data, rendered through the kernel's renderer registry.
     *
     * @param value the value
     * @param mimeTypes MIME types to render; none means the renderer's defaults
     * @return the display id, for {@link #updateDisplay}
     */
    String display(Object value, String... mimeTypes);

    /**
     * Replaces an earlier display in place (update_display_data).
     *
     * @param displayId an id from {@link #display}
     * @param value the new value
     */
    void updateDisplay(String displayId, Object value);

    /**
     * Shows a ready MIME bundle as display_data, e.g. {@code {"text/html": "<b>hi</b>"}}.
     *
     * @param bundle MIME type to data (String for text types, base64 String for binary ones)
     */
    void displayBundle(Map<String, Object> bundle);

    /** @return the cell's standard output; what is printed here reaches the notebook */
    PrintStream out();

    /** @return the cell's standard error */
    PrintStream err();

    /**
     * Runs an action with what user code prints to {@code System.out} and {@code System.err}
     * sent to other streams instead of the notebook; {@code %%capture} uses it.
     *
     * <p>The default swaps {@link System#setOut} and {@link System#setErr} for the duration,
     * which is right for a kernel that installs its cell streams once. A kernel that routes
     * output some other way (per eval, per thread) must override this.
     *
     * @param out where standard output goes meanwhile
     * @param err where standard error goes meanwhile
     * @param action what to run, typically calls to {@link #eval}
     * @param <T> the action's result type
     * @return the action's result
     * @throws Exception whatever the action threw; the streams are restored either way
     */
    default <T> T redirectOutput(PrintStream out, PrintStream err, Callable<T> action) throws Exception {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(out);
        System.setErr(err);
        try {
            return action.call();
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** @return the kernel's working directory, which {@code %cd} changes */
    Path workingDirectory();

    /**
     * Changes the working directory that relative paths in magics resolve against.
     *
     * @param dir an existing directory
     */
    void setWorkingDirectory(Path dir);

    /**
     * The environment as the user's code and subprocesses see it: the process environment
     * plus what {@code %env NAME=value} set.
     *
     * @return a live, modifiable view
     */
    Map<String, String> environment();

    /** @return the user's declared variables, in declaration order */
    List<Variable> variables();

    /** @return every magic the kernel knows, for {@code %lsmagic}, {@code %help} and suggestions */
    List<Magic> magics();

    /**
     * A variable declared in the user's session.
     *
     * @param name its name
     * @param type its declared type as written by JShell, e.g. {@code "int"}
     * @param value a short string form of its value
     */
    record Variable(String name, String type, String value) {}
}
