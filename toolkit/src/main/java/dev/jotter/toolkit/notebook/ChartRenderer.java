package dev.jotter.toolkit.notebook;

import dev.jotter.magics.Renderer;
import dev.jotter.toolkit.plot.ChartGrid;
import dev.jotter.toolkit.plot.Charts;
import dev.jotter.toolkit.plot.Figure;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Shows XChart charts and toolkit {@link Figure}s ({@link ChartGrid}, image grids) inline: a PNG
 * drawn at twice the chart's size so it stays sharp on HiDPI screens, or SVG when asked for with
 * {@code display(chart, "image/svg+xml")}. Everything is drawn in the kernel's JVM, headless,
 * with no JavaScript and no network.
 *
 * <p>A PNG is twice as wide as the chart; {@link #metadata} gives its nominal width and height,
 * which the kernel sends with the display_data so that frontends show it at the chart's size.
 */
public final class ChartRenderer implements Renderer {

    /** Jupyter's MIME type for PNG images (base64 in the bundle). */
    public static final String PNG = "image/png";

    /** Jupyter's MIME type for SVG images (XML text in the bundle). */
    public static final String SVG = "image/svg+xml";

    /** Plain text, which every frontend can show. */
    public static final String TEXT = "text/plain";

    /** Creates the renderer; the kernel finds it through {@link java.util.ServiceLoader}. */
    public ChartRenderer() {}

    @Override
    public boolean supports(Object value) {
        return Charts.figureOf(value) != null;
    }

    /**
     * Renders PNG by default, SVG when requested, both when both are requested; always a
     * one-line text description.
     */
    @Override
    public Map<String, Object> render(Object value, Set<String> requested) {
        Figure figure = Charts.figureOf(value);
        if (figure == null) {
            throw new IllegalArgumentException("ChartRenderer cannot render a " + value.getClass().getName()
                    + "; it renders XChart charts and dev.jotter.toolkit.plot.Figure values");
        }
        boolean svg = requested.contains(SVG);
        // PNG unless only SVG (or only text) was asked for: an image is what a chart cell is for.
        boolean png = requested.contains(PNG) || !svg;
        Map<String, Object> bundle = new LinkedHashMap<>();
        if (png) {
            bundle.put(PNG, Base64.getEncoder().encodeToString(Charts.toPng(figure, Charts.HIDPI)));
        }
        if (svg) {
            bundle.put(SVG, Charts.toSvg(figure));
        }
        bundle.put(TEXT, Charts.describe(value));
        return bundle;
    }

    /**
     * The display_data metadata that makes a HiDPI PNG show at the chart's nominal size, e.g.
     * {@code {"image/png": {"width": 600, "height": 400}}}; empty when the bundle has no PNG.
     */
    @Override
    public Map<String, Object> metadata(Object value, Map<String, Object> bundle) {
        Figure figure = Charts.figureOf(value);
        if (figure == null || !bundle.containsKey(PNG)) {
            return Map.of();
        }
        return Map.of(PNG, Map.of("width", figure.width(), "height", figure.height()));
    }

    /** Above the kernel's built-in renderers (0), so a chart is never shown by its toString. */
    @Override
    public int priority() {
        return 10;
    }
}
