package dev.jotter.api.example;

import dev.jotter.magics.Renderer;
import java.util.Map;
import java.util.Set;

/** A third-party renderer written against {@code jotter-api} alone: a {@link Point} as an HTML snippet. */
public final class PointRenderer implements Renderer {

    /** Creates the renderer; ServiceLoader calls this. */
    public PointRenderer() {}

    @Override
    public boolean supports(Object value) {
        return value instanceof Point;
    }

    @Override
    public Map<String, Object> render(Object value, Set<String> requested) {
        Point p = (Point) value;
        return Map.of("text/html", "<code>(" + p.x() + ", " + p.y() + ")</code>", "text/plain", p.toString());
    }

    @Override
    public int priority() {
        return 10;
    }
}
