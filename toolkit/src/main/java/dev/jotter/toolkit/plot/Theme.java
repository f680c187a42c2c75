package dev.jotter.toolkit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.theme.AbstractBaseTheme;

/**
 * The look every {@link Plots} one-liner starts from: white background, light grid, legend
 * inside the plot, DejaVu Sans (the font matplotlib uses, present on every Debian machine with
 * {@code fonts-dejavu-core}) and matplotlib's ten "tab" colours, so that a student moving
 * between a Python and a Java notebook sees the same palette.
 *
 * <p>Charts made by hand can get the same look:
 * <pre>{@code
 * jshell> XYChart c = new XYChart(600, 400);
 * jshell> Theme.apply(c);
 * }</pre>
 */
public final class Theme extends AbstractBaseTheme {

    /** Default chart width in pixels at 1x; charts are drawn at 2x for HiDPI screens. */
    public static final int WIDTH = 600;

    /** Default chart height in pixels at 1x. */
    public static final int HEIGHT = 400;

    /** matplotlib's "tab10" palette, in its order. */
    public static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
    };

    /** Text colour: near-black reads softer than pure black on a white page. */
    public static final Color INK = new Color(0x262626);

    /** Grid lines: visible enough to read values off, faint enough not to compete with data. */
    public static final Color GRID = new Color(0xE6E6E6);

    /** The single shared instance; the theme has no state. */
    public static final Theme DEFAULT = new Theme();

    /** The family used for all text: DejaVu Sans when installed, else Java's logical sans-serif. */
    public static final String FONT_FAMILY = pickFamily();

    private static final Font BASE = new Font(FONT_FAMILY, Font.PLAIN, 12);

    private Theme() {}

    private static String pickFamily() {
        // A Font made with an unknown name silently becomes "Dialog"; ask for its family to tell.
        Font dejaVu = new Font("DejaVu Sans", Font.PLAIN, 12);
        return "DejaVu Sans".equalsIgnoreCase(dejaVu.getFamily()) ? "DejaVu Sans" : Font.SANS_SERIF;
    }

    /**
     * Returns the theme's font at a size.
     *
     * @param style {@link Font#PLAIN} or {@link Font#BOLD}
     * @param size the size in pixels at 1x
     * @return a font of {@link #FONT_FAMILY}
     */
    public static Font font(int style, float size) {
        return BASE.deriveFont(style, size);
    }

    /**
     * Applies this theme to a chart made outside {@link Plots}, e.g. with {@code new XYChart(w, h)}.
     *
     * @param chart an XY, category or heat-map chart
     * @param <C> the chart's type
     * @return {@code chart}, for chaining
     * @throws IllegalArgumentException for a chart type the theme does not style (pie, dial, radar ...)
     */
    public static <C extends Chart<?, ?>> C apply(C chart) {
        switch (chart) {
            case XYChart xy -> xy.getStyler().setTheme(DEFAULT);
            case CategoryChart category -> category.getStyler().setTheme(DEFAULT);
            case HeatMapChart heat -> heat.getStyler().setTheme(DEFAULT);
            default -> throw new IllegalArgumentException(
                    "Expected an XYChart, CategoryChart or HeatMapChart for Theme.apply, found " + chart.getClass().getSimpleName()
                            + "; style it through chart.getStyler() instead.");
        }
        Styler styler = chart.getStyler();
        // These settings are not part of XChart's Theme interface, so setTheme cannot carry them.
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setAntiAlias(true);
        if (styler instanceof AxesChartStyler axes) {
            axes.setXAxisTitleColor(INK);
            axes.setYAxisTitleColor(INK);
            axes.setAxisTickLabelsColor(INK);
        }
        return chart;
    }

    /**
     * Makes the X axis show whole numbers only (epochs, counts, class indices): no "1.5" ticks and
     * no repeated labels, however many values the axis spans.
     *
     * @param chart an XY chart whose X values are integers
     * @return {@code chart}, for chaining
     */
    public static XYChart integerXAxis(XYChart chart) {
        // A pattern without decimals makes XChart choose a tick step of at least 1.
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        return chart;
    }

    /**
     * Markers for charts that show points rather than lines (scatter, residuals).
     *
     * @return a filled circle for every series colour
     */
    public static Marker[] pointMarkers() {
        Marker[] markers = new Marker[COLORS.length];
        Arrays.fill(markers, SeriesMarkers.CIRCLE);
        return markers;
    }

    // ---- XChart Theme ---------------------------------------------------------------------

    @Override public Font getBaseFont() { return BASE; }
    @Override public Color getChartBackgroundColor() { return Color.WHITE; }
    @Override public Color getChartFontColor() { return INK; }
    @Override public int getChartPadding() { return 12; }
    @Override public Color[] getSeriesColors() { return COLORS.clone(); }
    /** Lines without markers by default, as in matplotlib; {@link Plots} adds markers where points matter. */
    @Override public Marker[] getSeriesMarkers() {
        Marker[] markers = new Marker[COLORS.length];
        Arrays.fill(markers, SeriesMarkers.NONE);
        return markers;
    }
    @Override public BasicStroke[] getSeriesLines() {
        BasicStroke[] lines = new BasicStroke[COLORS.length];
        Arrays.fill(lines, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        return lines;
    }
    @Override public Font getChartTitleFont() { return font(Font.PLAIN, 15f); }
    @Override public boolean isChartTitleBoxVisible() { return false; }
    @Override public int getChartTitlePadding() { return 8; }
    @Override public Font getLegendFont() { return font(Font.PLAIN, 12f); }
    @Override public Color getLegendBackgroundColor() { return new Color(255, 255, 255, 220); }
    @Override public Color getLegendBorderColor() { return new Color(0xCCCCCC); }
    @Override public int getLegendPadding() { return 6; }
    @Override public int getLegendSeriesLineLength() { return 22; }
    /** Inside the plot, top right, as matplotlib's {@code loc="best"} usually ends up for falling curves. */
    @Override public LegendPosition getLegendPosition() { return LegendPosition.InsideNE; }
    @Override public Font getAxisTitleFont() { return font(Font.PLAIN, 13f); }
    @Override public Font getAxisTickLabelsFont() { return font(Font.PLAIN, 12f); }
    @Override public int getAxisTickMarkLength() { return 4; }
    @Override public int getAxisTickPadding() { return 4; }
    @Override public Color getAxisTickMarksColor() { return new Color(0x808080); }
    @Override public BasicStroke getAxisTickMarksStroke() { return new BasicStroke(1f); }
    @Override public Color getAxisTickLabelsColor() { return INK; }
    @Override public boolean isAxisTicksLineVisible() { return false; }
    @Override public boolean isAxisTicksMarksVisible() { return true; }
    @Override public int getAxisTitlePadding() { return 6; }
    /** Wider than XChart's 74 px so that labels such as "1,000,000" never touch. */
    @Override public int getXAxisTickMarkSpacingHint() { return 80; }
    @Override public int getYAxisTickMarkSpacingHint() { return 44; }
    @Override public boolean isPlotGridLinesVisible() { return true; }
    @Override public boolean isPlotGridVerticalLinesVisible() { return true; }
    @Override public boolean isPlotGridHorizontalLinesVisible() { return true; }
    @Override public Color getPlotBackgroundColor() { return Color.WHITE; }
    @Override public Color getPlotBorderColor() { return new Color(0x808080); }
    @Override public boolean isPlotBorderVisible() { return true; }
    @Override public boolean isPlotTicksMarksVisible() { return false; }
    @Override public Color getPlotGridLinesColor() { return GRID; }
    @Override public BasicStroke getPlotGridLinesStroke() { return new BasicStroke(1f); }
    /** Room between the data and the plot border, like matplotlib's axes margins. */
    @Override public int getPlotMargin() { return 8; }
    @Override public int getMarkerSize() { return 7; }
}
