package dev.jotter.kernel.session;

import java.util.List;
import java.util.Map;

/**
 * Where one cell's outputs go: iopub messages when the kernel serves a Jupyter client, nbformat
 * outputs when the headless runner executes a notebook. Implementations must be thread-safe:
 * background threads started by user code write here too.
 */
public interface CellOutput {

    /**
     * Text written to stdout or stderr.
     *
     * @param name "stdout" or "stderr"
     * @param text the text, already batched
     */
    void stream(String name, String text);

    /**
     * A display_data or, with {@code update}, an update_display_data.
     *
     * @param bundle MIME type to data
     * @param metadata MIME type to metadata, may be empty
     * @param displayId the display id, or null for an anonymous display
     * @param update whether this replaces an earlier display with the same id
     */
    void display(Map<String, Object> bundle, Map<String, Object> metadata, String displayId, boolean update);

    /**
     * The value of the cell's last expression.
     *
     * @param executionCount the cell's execution count
     * @param bundle MIME type to data
     * @param metadata MIME type to metadata
     */
    void result(int executionCount, Map<String, Object> bundle, Map<String, Object> metadata);

    /**
     * An error that ended the cell.
     *
     * @param ename the error's name, e.g. java.lang.ArithmeticException
     * @param evalue its message
     * @param traceback formatted lines (may hold ANSI colours)
     */
    void error(String ename, String evalue, List<String> traceback);

    /**
     * Clears the cell's output.
     *
     * @param wait whether to wait until new output arrives before clearing
     */
    void clear(boolean wait);
}
