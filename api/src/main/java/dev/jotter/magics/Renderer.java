package dev.jotter.magics;

import java.util.Map;
import java.util.Set;

/**
 * Turns a value into a Jupyter MIME bundle. Registered in
 * {@code META-INF/services/dev.jotter.magics.Renderer}; the kernel asks every renderer in
 * descending {@link #priority()} order and uses the first that {@linkplain #supports supports} the value.
 */
public interface Renderer {

    /**
     * @param value a non-null value to display
     * @return whether this renderer can render it
     */
    boolean supports(Object value);

    /**
     * Renders a value.
     *
     * @param value a value that {@link #supports} accepted
     * @param requested the MIME types asked for, e.g. by {@code display(chart, "image/svg+xml")};
     *                  empty means this renderer's defaults
     * @return MIME type to data: String for text types, base64 String for binary ones;
     *         include {@code text/plain} so every frontend shows something
     */
    Map<String, Object> render(Object value, Set<String> requested);

    /**
     * The display_data metadata to send with a bundle this renderer made, e.g.
     * {@code {"image/png": {"width": 600, "height": 400}}} so that a PNG drawn at twice its size
     * for HiDPI screens shows at its nominal size. Jupyter frontends read width and height per
     * MIME type.
     *
     * @param value the value that was rendered
     * @param bundle what {@link #render} returned for it
     * @return MIME type to metadata; empty (the default) for none
     */
    default Map<String, Object> metadata(Object value, Map<String, Object> bundle) {
        return Map.of();
    }

    /** @return higher runs first; built-in kernel renderers use 0 */
    default int priority() {
        return 0;
    }
}
