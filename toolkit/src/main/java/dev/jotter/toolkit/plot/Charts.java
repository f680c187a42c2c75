package dev.jotter.toolkit.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Collectors;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;

/**
 * Turns charts and {@link Figure}s into images: a {@link BufferedImage}, PNG bytes or SVG text.
 * PNGs are drawn at {@link #HIDPI} times their nominal size by default so that they stay sharp on
 * HiDPI screens; a notebook shows them at the nominal size ({@code chart.getWidth()} pixels wide).
 *
 * <pre>{@code
 * jshell> byte[] png = Charts.toPng(Plots.line(new double[] {1, 4, 9}));
 * jshell> Files.write(Path.of("squares.png"), png);
 * }</pre>
 */
public final class Charts {

    /** The scale PNGs are drawn at by default: twice the nominal size, for HiDPI ("retina") screens. */
    public static final double HIDPI = 2.0;

    private Charts() {}

    /**
     * Wraps an XChart chart as a {@link Figure}, so code can treat single charts and grids alike.
     *
     * @param chart any XChart chart
     * @return a Figure that draws {@code chart} at its own size
     */
    public static Figure asFigure(Chart<?, ?> chart) {
        Objects.requireNonNull(chart, "chart");
        return new Figure() {
            @Override
            public int width() {
                return chart.getWidth();
            }

            @Override
            public int height() {
                return chart.getHeight();
            }

            @Override
            public void paint(Graphics2D g) {
                chart.paint(g, chart.getWidth(), chart.getHeight());
            }
        };
    }

    /**
     * Accepts what notebooks can show as a picture: an XChart chart or a {@link Figure}.
     *
     * @param value any value
     * @return the value as a Figure, or {@code null} when it is neither
     */
    public static Figure figureOf(Object value) {
        return switch (value) {
            case Figure figure -> figure;
            case Chart<?, ?> chart -> asFigure(chart);
            case null, default -> null;
        };
    }

    /**
     * Draws a figure into a new image.
     *
     * @param figure what to draw
     * @param scale how many image pixels per nominal pixel, e.g. 1 or {@link #HIDPI}
     * @return an opaque RGB image of {@code round(width * scale)} by {@code round(height * scale)} pixels
     */
    public static BufferedImage toImage(Figure figure, double scale) {
        if (!(scale > 0) || scale > 8) {
            throw new IllegalArgumentException("Expected a scale above 0 and at most 8, found " + scale + ".");
        }
        int w = (int) Math.round(figure.width() * scale);
        int h = (int) Math.round(figure.height() * scale);
        if (w < 1 || h < 1) {
            throw new IllegalArgumentException("Expected a figure of positive width and height, found " + figure.width() + "x"
                    + figure.height() + " pixels; give it a positive width and height.");
        }
        Warmup.yieldToUser();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            // Fractional metrics keep text widths proportional when the transform scales by 2.
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(scale, scale);
            figure.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Draws a chart into a new image.
     *
     * @param chart what to draw
     * @param scale how many image pixels per chart pixel
     * @return an opaque RGB image
     */
    public static BufferedImage toImage(Chart<?, ?> chart, double scale) {
        return toImage(asFigure(chart), scale);
    }

    /**
     * Encodes a figure as PNG at {@link #HIDPI}.
     *
     * @param figure what to draw
     * @return PNG bytes of an image twice the figure's nominal size
     */
    public static byte[] toPng(Figure figure) {
        return toPng(figure, HIDPI);
    }

    /**
     * Encodes a figure as PNG.
     *
     * @param figure what to draw
     * @param scale image pixels per nominal pixel
     * @return PNG bytes
     */
    public static byte[] toPng(Figure figure, double scale) {
        return Png.encode(toImage(figure, scale));
    }

    /**
     * Encodes a chart as PNG at {@link #HIDPI}.
     *
     * @param chart what to draw
     * @return PNG bytes of an image twice the chart's nominal size
     */
    public static byte[] toPng(Chart<?, ?> chart) {
        return toPng(asFigure(chart), HIDPI);
    }

    /**
     * Encodes a chart as PNG.
     *
     * @param chart what to draw
     * @param scale image pixels per chart pixel
     * @return PNG bytes
     */
    public static byte[] toPng(Chart<?, ?> chart, double scale) {
        return toPng(asFigure(chart), scale);
    }

    /**
     * Draws a figure as SVG. Text stays text (DejaVu Sans, falling back to the viewer's sans-serif)
     * and images are embedded, so the result needs no network.
     *
     * @param figure what to draw
     * @return a standalone SVG document
     */
    public static String toSvg(Figure figure) {
        VectorGraphics2D g = new VectorGraphics2D();
        figure.paint(g);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, figure.width(), figure.height())).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing SVG to memory failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Draws a chart as SVG.
     *
     * @param chart what to draw
     * @return a standalone SVG document
     */
    public static String toSvg(Chart<?, ?> chart) {
        return toSvg(asFigure(chart));
    }

    private static String seriesNames(Chart<?, ?> chart) {
        java.util.Collection<? extends Series> series;
        try {
            series = chart.getSeriesCollection();
        } catch (NoSuchMethodError olderXChart) {
            // A notebook's own XChart 3 (%maven) replaced the toolkit's 4, which renamed getSeriesMap: no names then.
            return "";
        }
        // Disabled series (such as Plots' tick helper) are invisible, so they are not listed.
        String names = series.stream().filter(Series::isEnabled).map(Series::getName).collect(Collectors.joining(", "));
        return names.isEmpty() ? "" : ": " + names;
    }

    /**
     * A one-line description for {@code text/plain} and logs, e.g.
     * {@code XYChart "Loss" 600x400: train, validation}.
     *
     * @param value a chart or Figure
     * @return the description
     */
    public static String describe(Object value) {
        return switch (value) {
            case Chart<?, ?> chart -> chart.getClass().getSimpleName()
                    + (chart.getTitle() == null || chart.getTitle().isEmpty() ? "" : " \"" + chart.getTitle() + "\"")
                    + " " + chart.getWidth() + "x" + chart.getHeight()
                    + seriesNames(chart);
            case ChartGrid grid -> "ChartGrid " + grid.rows() + "x" + Math.min(grid.columns(), grid.charts().size())
                    + " " + grid.width() + "x" + grid.height() + ": "
                    + grid.charts().stream().map(Charts::describe).collect(Collectors.joining("; "));
            case ImageGrid images -> "ImageGrid of " + images.pixels().length + " images "
                    + images.imageWidth() + "x" + images.imageHeight();
            case Figure figure -> figure.getClass().getSimpleName() + " " + figure.width() + "x" + figure.height();
            case null -> "null";
            default -> String.valueOf(value);
        };
    }
}
