package dev.jotter.api;

import dev.jotter.kernel.MimeBundle;
import java.util.Objects;

/**
 * The running kernel, as {@link dev.jotter.kernel.Display} reaches it. A kernel (Jupyter or the
 * headless {@code jotter run}) implements this and {@linkplain #install installs} itself when
 * its session starts, so that {@code display(chart)} in a cell shows the chart below that cell.
 *
 * <p>With no host installed, in a plain Java program or a unit test, {@code Display} still
 * works: {@code display} and {@code updateDisplay} show nothing, {@code render} returns a
 * {@code text/plain} bundle. Code that renders values therefore depends on {@code jotter-api}
 * alone, never on the kernel.
 *
 * <p>One host is installed per JVM; the last one installed wins, as a kernel runs one session
 * at a time.
 */
public interface DisplayHost {

    /**
     * Shows a value now as display_data below the running cell.
     *
     * @param value the value, rendered through the kernel's renderers
     * @param mimeTypes the MIME types to produce; none means the renderer's defaults
     * @return a display id for {@link #updateDisplay}
     */
    String display(Object value, String... mimeTypes);

    /**
     * Replaces, in place, what an earlier {@link #display} showed.
     *
     * @param displayId the id {@code display} returned
     * @param value the new value
     * @param mimeTypes the MIME types to produce; none means the renderer's defaults
     */
    void updateDisplay(String displayId, Object value, String... mimeTypes);

    /**
     * Renders a value without showing it.
     *
     * @param value the value
     * @param text how the value prints when the caller already knows (JShell's text of a cell's
     *             value), or null to let the renderers decide
     * @param mimeTypes the MIME types to produce; none means the renderer's defaults
     * @return the rendered bundle
     */
    MimeBundle render(Object value, String text, String... mimeTypes);

    /**
     * Clears the running cell's output.
     *
     * @param wait if true, clear only when new output arrives (avoids flicker in animations)
     */
    void clearOutput(boolean wait);

    /**
     * Makes a host the one {@code Display} talks to, replacing any other.
     *
     * @param host the kernel session that starts running cells
     */
    static void install(DisplayHost host) {
        InstalledHost.HOST.set(Objects.requireNonNull(host, "Expected a DisplayHost to install, found null; call uninstall to remove one"));
    }

    /**
     * Removes a host if it is the installed one; a host that was already replaced stays replaced,
     * so a closing session never unplugs the one that started after it.
     *
     * @param host the host to remove
     */
    static void uninstall(DisplayHost host) {
        InstalledHost.HOST.compareAndSet(host, null);
    }

    /** @return the installed host, or null outside a kernel */
    static DisplayHost installed() {
        return InstalledHost.HOST.get();
    }
}
