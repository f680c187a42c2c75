package dev.jotter.toolkit.notebook;

import dev.jotter.magics.Renderer;
import dev.jotter.toolkit.plot.ProgressView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Shows a {@link ProgressView}, such as the training progress bar, as HTML with a plain-text
 * fallback. The kernel re-renders it on every update_display_data of the same display id.
 */
public final class ProgressRenderer implements Renderer {

    /** Creates the renderer; the kernel finds it through {@link java.util.ServiceLoader}. */
    public ProgressRenderer() {}

    @Override
    public boolean supports(Object value) {
        return value instanceof ProgressView;
    }

    /** Renders {@code text/html} and {@code text/plain}, or only the one requested. */
    @Override
    public Map<String, Object> render(Object value, Set<String> requested) {
        if (!(value instanceof ProgressView view)) {
            throw new IllegalArgumentException("ProgressRenderer renders ProgressView values, not "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        if (requested.isEmpty() || requested.contains("text/html")) {
            bundle.put("text/html", view.html());
        }
        bundle.put("text/plain", view.text());
        return bundle;
    }

    /** Above the kernel's built-in renderers (0), which would show the record's toString. */
    @Override
    public int priority() {
        return 10;
    }
}
