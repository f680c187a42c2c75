package dev.jotter.kernel;

import dev.jotter.api.DisplayHost;

/**
 * The notebook API user code calls, compatible with IJava so IJava notebooks run unchanged.
 * Every cell imports it statically, so {@code display(chart)} works as written.
 *
 * <pre>{@code
 * String id = display("Training...");
 * updateDisplay(id, "Done");
 * render("<b>bold</b>", "text/html")   // as a cell's value: shown as HTML
 * }</pre>
 *
 * <p>It reaches the kernel through the installed {@link DisplayHost}. Outside a kernel (a plain
 * Java program, a unit test) {@code display} shows nothing and returns null, and {@code render}
 * returns the value's {@code text/plain} form.
 */
public final class Display {
    private Display() {}

    /**
     * Shows a value now, below the cell, rendered through the MIME renderer registry.
     *
     * @param value anything: text, a chart, a Table, an image, a {@link MimeBundle}
     * @param mimeTypes the MIME types to produce; none means the renderer's defaults
     * @return a display id for {@link #updateDisplay}
     */
    public static String display(Object value, String... mimeTypes) {
        DisplayHost host = DisplayHost.installed();
        return host == null ? null : host.display(value, mimeTypes);
    }

    /**
     * Replaces what an earlier {@link #display} showed, in place.
     *
     * @param displayId the id {@code display} returned
     * @param value the new value
     * @param mimeTypes the MIME types to produce; none means defaults
     */
    public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
        if (displayId == null) {
            throw new IllegalArgumentException("updateDisplay needs the id that display(...) returned, found null");
        }
        DisplayHost host = DisplayHost.installed();
        if (host != null) {
            host.updateDisplay(displayId, value, mimeTypes);
        }
    }

    /**
     * Renders a value without showing it; as a cell's last expression it is shown as rendered.
     *
     * @param value the value
     * @param mimeTypes the MIME types to produce; none means defaults
     * @return the rendered bundle
     */
    public static MimeBundle render(Object value, String... mimeTypes) {
        DisplayHost host = DisplayHost.installed();
        return host == null ? MimeBundle.of("text/plain", String.valueOf(value)) : host.render(value, null, mimeTypes);
    }

    /**
     * Prints formatted text, as the {@code printf} that IJava's start-up script defines:
     * {@code printf("%d items%n", n)}.
     *
     * @param format a {@link java.util.Formatter} format
     * @param args the values it formats
     */
    public static void printf(String format, Object... args) {
        System.out.printf(format, args);
    }

    /** Clears the cell's output now. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /**
     * Clears the cell's output.
     *
     * @param wait if true, clear only when new output arrives (avoids flicker in animations)
     */
    public static void clearOutput(boolean wait) {
        DisplayHost host = DisplayHost.installed();
        if (host != null) {
            host.clearOutput(wait);
        }
    }
}
