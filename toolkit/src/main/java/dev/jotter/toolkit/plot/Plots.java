package dev.jotter.toolkit.plot;

import dev.jotter.toolkit.metrics.ConfusionMatrix;
import dev.jotter.toolkit.metrics.Metrics;
import dev.jotter.toolkit.metrics.RocCurve;
import dev.jotter.toolkit.train.History;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One call per plot, the way {@code plt.plot(x, y)} is one call in matplotlib. Every method
 * returns the XChart object, already styled with {@link Theme}, so it can be customised
 * further before a notebook shows it:
 *
 * <pre>{@code
 * jshell> XYChart c = Plots.line(new double[] {0, 1, 2, 3}, new double[] {0, 1, 4, 9});
 * jshell> c.setTitle("Squares");
 * jshell> c.addSeries("cubes", new double[] {0, 1, 2, 3}, new double[] {0, 1, 8, 27});
 * jshell> c.getStyler().setLegendVisible(true);
 * jshell> c   // the notebook shows the chart
 * }</pre>
 *
 * <p>Charts are {@value Theme#WIDTH}x{@value Theme#HEIGHT} unless said otherwise; notebooks
 * display them at that size, drawn at twice the resolution.
 */
public final class Plots {

    /** Series drawn as points rather than lines get this many pixels per marker. */
    private static final int MARKER = 6;

    /** Curves with up to this many points get a marker on each, so single epochs stay visible. */
    private static final int MARK_POINTS_UP_TO = 30;

    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {6f, 4f}, 0f);

    /**
     * Name of the hidden one-point series that the XY one-liners add so that XChart picks round
     * tick values (it would otherwise tick every value of equally spaced data); it is disabled,
     * so it is neither drawn nor listed in the legend.
     */
    public static final String TICK_HELPER = "tick helper";

    private Plots() {}

    // ---- line -----------------------------------------------------------------------------

    /**
     * Plots values against their index 0, 1, 2 ... as a line.
     *
     * @param y the values
     * @return a chart with one series named {@code "y"}
     */
    public static XYChart line(double[] y) {
        checkData("y", y);
        XYChart chart = line(indices(y.length), y);
        return Theme.integerXAxis(chart);
    }

    /**
     * Plots y against x as a line, in the order given (sort x first for a function plot).
     *
     * @param x the horizontal values
     * @param y the vertical values, as many as {@code x}
     * @return a chart with one series named {@code "y"}, legend hidden
     * @throws IllegalArgumentException when x and y differ in length or are empty
     */
    public static XYChart line(double[] x, double[] y) {
        checkPair("x", x, "y", y);
        XYChart chart = xyChart(Theme.WIDTH, Theme.HEIGHT);
        XYSeries series = chart.addSeries("y", x, y);
        if (y.length <= 1) {
            // A line through one point draws nothing; show the point.
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        chart.getStyler().setLegendVisible(false);
        return roundTicks(chart);
    }

    // ---- scatter --------------------------------------------------------------------------

    /**
     * Plots points (x[i], y[i]).
     *
     * @param x the horizontal values
     * @param y the vertical values, as many as {@code x}
     * @return a chart with one series named {@code "data"}, legend hidden
     */
    public static XYChart scatter(double[] x, double[] y) {
        return scatter(x, y, false);
    }

    /**
     * Plots points (x[i], y[i]) and, when asked, the least-squares line through them.
     *
     * @param x the horizontal values
     * @param y the vertical values, as many as {@code x}
     * @param fitLine whether to add a series {@code "fit"} for y = a·x + b, labelled with its equation
     * @return a chart with series {@code "data"} and, with {@code fitLine}, {@code "fit"}
     * @throws IllegalArgumentException when the lengths differ, or a fit is asked for and all x are equal
     */
    public static XYChart scatter(double[] x, double[] y, boolean fitLine) {
        checkPair("x", x, "y", y);
        XYChart chart = pointChart(Theme.WIDTH, Theme.HEIGHT);
        chart.addSeries("data", x, y);
        chart.getStyler().setLegendVisible(fitLine);
        if (fitLine) {
            double[] ab = leastSquares(x, y);
            double lo = Arrays.stream(x).filter(Double::isFinite).min().orElse(0);
            double hi = Arrays.stream(x).filter(Double::isFinite).max().orElse(0);
            XYSeries fit = chart.addSeries("fit", new double[] {lo, hi}, new double[] {ab[0] * lo + ab[1], ab[0] * hi + ab[1]});
            fit.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            fit.setMarker(SeriesMarkers.NONE);
            fit.setLabel(String.format(Locale.ROOT, "fit: y = %s·x %s %s", number(ab[0]), ab[1] < 0 ? "−" : "+", number(Math.abs(ab[1]))));
            chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
        }
        return roundTicks(chart);
    }

    /**
     * Plots points (x[i], y[i]) coloured by group, one series per group with a legend, as
     * seaborn's {@code scatterplot(x, y, hue=groups)} does: for classes, clusters or categories.
     *
     * <pre>{@code
     * jshell> Plots.scatter(penguins.doubleColumn("beak_length_mm").asDoubleArray(),
     *    ...>               penguins.doubleColumn("beak_depth_mm").asDoubleArray(),
     *    ...>               penguins.stringColumn("species").asList())
     * }</pre>
     *
     * @param x the horizontal values
     * @param y the vertical values, as many as {@code x}
     * @param groups the group of each point, as many as {@code x}; series follow the order in which groups first appear
     * @return a chart with one series per group, named after it
     * @throws IllegalArgumentException when the lengths differ or a group is null
     */
    public static XYChart scatter(double[] x, double[] y, List<String> groups) {
        checkPair("x", x, "y", y);
        checkGroups(groups, x.length);
        XYChart chart = pointChart(Theme.WIDTH, Theme.HEIGHT);
        addGroups(chart, x, y, groups);
        return roundTicks(chart);
    }

    // ---- decision boundary ----------------------------------------------------------------

    /** Grid cells across the plot for {@link #decisionBoundary}; rows follow the chart's aspect. */
    private static final int BOUNDARY_COLUMNS = 100;

    /**
     * A two-feature classifier's decision regions: a fine grid over the data is classified in one
     * call and painted in pale class colours, with the points on top in the same colours, so
     * mistakes stand out as dots on the wrong background.
     *
     * <pre>{@code
     * jshell> Plots.decisionBoundary(points, labels, List.of("blue", "orange"), model::predict)
     * }</pre>
     *
     * @param points the examples, {@code points[i] = {x, y}}
     * @param labels the true class index of each point, 0 to {@code classNames.size() - 1}
     * @param classNames the class names, by index
     * @param classifier predicts a class index for each row of a {@code double[][]} (e.g. {@code model::predict});
     *        called once, with every grid point
     * @return a chart with one series per class (the points, named after the class) and hidden-from-legend
     *         {@code "region <class>"} series for the background
     * @throws IllegalArgumentException when a point does not have 2 coordinates, a label is out of range,
     *         or the classifier returns the wrong number of classes or an unknown class
     */
    public static XYChart decisionBoundary(double[][] points, int[] labels, List<String> classNames,
            Function<double[][], int[]> classifier) {
        if (points == null || points.length == 0) {
            throw new IllegalArgumentException("Expected at least one {x, y} point, found none.");
        }
        if (labels.length != points.length) {
            throw new IllegalArgumentException("Expected one label per point, found " + points.length + " points and " + labels.length
                    + " labels.");
        }
        int k = classNames.size();
        double[] x = new double[points.length];
        double[] y = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != 2) {
                throw new IllegalArgumentException("Expected 2 coordinates per point (a decision boundary is drawn for exactly 2 features), found "
                        + points[i].length + " in points[" + i + "]; pick two feature columns.");
            }
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("Expected class indices from 0 to " + (k - 1) + " for classNames " + classNames + ", found "
                        + labels[i] + " in labels[" + i + "].");
            }
            x[i] = points[i][0];
            y[i] = points[i][1];
        }
        checkPair("x coordinates", x, "y coordinates", y);
        double[] xr = paddedRange(x);
        double[] yr = paddedRange(y);
        int columns = BOUNDARY_COLUMNS;
        int rows = Math.max(2, columns * (Theme.HEIGHT - 90) / (Theme.WIDTH - 90));
        double[][] grid = new double[columns * rows][];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                grid[r * columns + c] = new double[] {xr[0] + (xr[1] - xr[0]) * c / (columns - 1),
                        yr[0] + (yr[1] - yr[0]) * r / (rows - 1)};
            }
        }
        int[] predicted = classifier.apply(grid);
        if (predicted == null || predicted.length != grid.length) {
            throw new IllegalArgumentException("Expected the classifier to return one class index per grid point (" + grid.length + "), found "
                    + (predicted == null ? "null" : predicted.length + " classes") + ".");
        }
        for (int i = 0; i < grid.length; i++) {
            if (predicted[i] < 0 || predicted[i] >= k) {
                throw new IllegalArgumentException("Expected the classifier to predict classes 0 to " + (k - 1) + ", found " + predicted[i]
                        + " for grid point " + Arrays.toString(grid[i]) + ".");
            }
        }
        double[] gx = new double[grid.length];
        double[] gy = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            gx[i] = grid[i][0];
            gy[i] = grid[i][1];
        }
        XYChart chart = pointChart(Theme.WIDTH, Theme.HEIGHT);
        // Squares a little larger than a grid cell at the default size, so the regions close up.
        Marker cell = new CellMarker((int) Math.ceil((Theme.WIDTH - 90.0) / columns) + 2);
        for (XYSeries region : addClassSeries(chart, gx, gy, predicted, classNames, "region ")) {
            region.setMarker(cell);
            region.setMarkerColor(pale(region.getMarkerColor()));
            region.setShowInLegend(false);
        }
        for (XYSeries dots : addClassSeries(chart, x, y, labels, classNames, "")) {
            dots.setMarker(SeriesMarkers.CIRCLE);
        }
        var styler = chart.getStyler();
        styler.setXAxisMin(xr[0]).setXAxisMax(xr[1]).setYAxisMin(yr[0]).setYAxisMax(yr[1]);
        // The regions fill the plot to its border; the grid's 5% margin keeps points off it.
        styler.setPlotContentSize(1.0);
        styler.setLegendPosition(LegendPosition.OutsideE);
        return chart;
    }

    /**
     * Plots points coloured by class, one series and legend entry per class, as
     * {@code plt.scatter(x, y, c=labels)} with a legend does: a 2-D embedding of digits, say, or
     * two features of a labelled table.
     *
     * @param x the horizontal values
     * @param y the vertical values, as many as {@code x}
     * @param classes the class index of each point, into {@code classNames}
     * @param classNames one name per class; an empty list numbers them 0, 1, 2 ...
     * @return a chart with one series per class that has points, named after the class, legend on the right
     * @throws IllegalArgumentException when the lengths differ or a class index has no name
     */
    public static XYChart scatter(double[] x, double[] y, int[] classes, List<String> classNames) {
        checkPair("x", x, "y", y);
        if (classes.length != x.length) {
            throw new IllegalArgumentException("Expected one class per x value, found " + x.length + " x values and " + classes.length
                    + " classes.");
        }
        int max = Arrays.stream(classes).max().orElse(0);
        List<String> names = classNames.isEmpty() ? indexLabels(max + 1) : List.copyOf(classNames);
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] < 0 || classes[i] >= names.size()) {
                throw new IllegalArgumentException("Expected class indices in 0.." + (names.size() - 1) + " for the class names " + names
                        + ", found " + classes[i] + " in classes[" + i + "].");
            }
        }
        XYChart chart = pointChart(Theme.WIDTH, Theme.HEIGHT);
        addClassSeries(chart, x, y, classes, names, "");
        var styler = chart.getStyler();
        styler.setLegendVisible(true);
        styler.setLegendPosition(LegendPosition.OutsideE);
        // Hundreds of points in full-size markers hide each other; smaller ones show the clusters.
        styler.setMarkerSize(x.length > 300 ? 4 : MARKER);
        return roundTicks(chart);
    }

    // ---- histogram ------------------------------------------------------------------------

    /**
     * Counts values in 10 equal-width bins, as {@code plt.hist(values)} does.
     *
     * @param values the values; NaN and infinite values are left out
     * @return a chart with one series {@code "count"}: x holds the 11 bin edges, y each bin's count
     *         (repeated at the last edge, where the step ends)
     */
    public static XYChart histogram(double[] values) {
        return histogram(values, 10);
    }

    /**
     * Counts values in equal-width bins between their minimum and maximum.
     *
     * @param values the values; NaN and infinite values are left out
     * @param bins how many bins, at least 1
     * @return a chart with one series {@code "count"}: x holds the {@code bins + 1} bin edges, y each
     *         bin's count (repeated at the last edge, where the step ends)
     */
    public static XYChart histogram(double[] values, int bins) {
        checkData("values", values);
        if (bins < 1) {
            throw new IllegalArgumentException("Expected at least 1 bin, found " + bins + ".");
        }
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            throw new IllegalArgumentException("Expected finite numbers in values, found all " + values.length + " NaN or infinite.");
        }
        double min = Arrays.stream(finite).min().orElseThrow();
        double max = Arrays.stream(finite).max().orElseThrow();
        if (max == min) {
            // One distinct value: centre a single unit-wide bin on it, as matplotlib does.
            min -= 0.5;
            max += 0.5;
        }
        double width = (max - min) / bins;
        double[] counts = new double[bins];
        for (double v : finite) {
            counts[Math.min(bins - 1, (int) ((v - min) / width))]++;
        }
        // Steps from each bin's left edge, plus the last right edge, draw touching bars on a
        // numeric axis (nice ticks, unlike category labels at odd bin centres).
        double[] edges = new double[bins + 1];
        double[] heights = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = i == bins ? max : min + i * width;
            heights[i] = counts[Math.min(i, bins - 1)];
        }
        XYChart chart = xyChart(Theme.WIDTH, Theme.HEIGHT);
        XYSeries series = chart.addSeries("count", edges, heights);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.StepArea);
        series.setFillColor(Theme.COLORS[0]);
        roundTicks(chart);
        chart.setYAxisTitle("count");
        var styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setYAxisMin(0.0);
        styler.setYAxisDecimalPattern("#,##0");
        return chart;
    }

    // ---- bar ------------------------------------------------------------------------------

    /**
     * Draws one bar per category.
     *
     * @param categories the bar labels, left to right
     * @param values one value per category
     * @return a bar chart with one series named {@code "value"}
     */
    public static CategoryChart bar(List<String> categories, double[] values) {
        checkData("values", values);
        if (categories.size() != values.length) {
            throw new IllegalArgumentException("Expected one value per category, found " + categories.size() + " categories and "
                    + values.length + " values.");
        }
        CategoryChart chart = Theme.apply(new CategoryChart(Theme.WIDTH, Theme.HEIGHT));
        List<Double> ys = Arrays.stream(values).boxed().toList();
        chart.addSeries("value", new ArrayList<>(categories), ys);
        var styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setAvailableSpaceFill(0.7);
        styler.setPlotGridVerticalLinesVisible(false);
        int labelChars = categories.stream().mapToInt(String::length).sum();
        if (labelChars * 8 > Theme.WIDTH - 100) {
            // Long or many labels would run into each other; tilt them as matplotlib users do by hand.
            styler.setXAxisLabelRotation(45);
        }
        return chart;
    }

    /**
     * Draws one bar per map entry, in the map's iteration order (use a LinkedHashMap to choose it).
     *
     * @param values category to value
     * @return a bar chart with one series named {@code "value"}
     */
    public static CategoryChart bar(Map<String, ? extends Number> values) {
        double[] ys = values.values().stream().mapToDouble(Number::doubleValue).toArray();
        return bar(new ArrayList<>(values.keySet()), ys);
    }

    // ---- training history -----------------------------------------------------------------

    /**
     * Training curves side by side, as the matplotlib cell at the end of a training notebook
     * draws them: one chart per metric (loss first), each with {@code "train"} and, when
     * recorded, {@code "validation"} (the {@code val_} metric) against the epoch.
     *
     * @param history what {@code fit} returned, or the history so far
     * @return a grid of up to two charts per row, each 450x320
     * @throws IllegalArgumentException when the history has no metrics
     */
    public static ChartGrid history(History history) {
        List<String> metrics = baseMetrics(history);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("Expected a history with metrics, found none; train for at least one epoch first.");
        }
        List<Chart<?, ?>> charts = new ArrayList<>();
        for (String metric : metrics) {
            charts.add(historyChart(history, metric, 450, 320));
        }
        return new ChartGrid(charts, Math.min(2, charts.size()));
    }

    /**
     * One training curve: a metric and its validation counterpart against the epoch.
     *
     * @param history what {@code fit} returned
     * @param metric {@code "loss"}, {@code "accuracy"}, ... ({@code "val_loss"} means the same as {@code "loss"})
     * @return a chart with series {@code "train"} and, when recorded, {@code "validation"}
     * @throws IllegalArgumentException naming the metric and the ones recorded when it is absent
     */
    public static XYChart history(History history, String metric) {
        String base = metric.startsWith("val_") ? metric.substring(4) : metric;
        if (!history.has(base) && !history.has("val_" + base)) {
            throw new IllegalArgumentException("Expected a metric this history recorded, " + history.names() + ", found '" + metric + "'.");
        }
        return historyChart(history, base, Theme.WIDTH, Theme.HEIGHT);
    }

    private static List<String> baseMetrics(History history) {
        List<String> bases = new ArrayList<>();
        for (String name : history.names()) {
            String base = name.startsWith("val_") ? name.substring(4) : name;
            if (!bases.contains(base)) {
                bases.add(base);
            }
        }
        // Loss first: it is the curve every reader looks for.
        if (bases.remove("loss")) {
            bases.addFirst("loss");
        }
        return bases;
    }

    private static XYChart historyChart(History history, String metric, int width, int height) {
        XYChart chart = xyChart(width, height);
        chart.setTitle(title(metric));
        chart.setXAxisTitle("epoch");
        chart.setYAxisTitle(metric);
        addEpochSeries(chart, "train", history, metric);
        addEpochSeries(chart, "validation", history, "val_" + metric);
        roundTicks(chart);
        Theme.integerXAxis(chart);
        if (metric.contains("acc") || metric.contains("auc") || metric.contains("f1") || metric.contains("precision")
                || metric.contains("recall")) {
            // Scores that grow are best read with the legend out of their way.
            chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        }
        return chart;
    }

    private static void addEpochSeries(XYChart chart, String name, History history, String metric) {
        if (!history.has(metric) || history.get(metric).isEmpty()) {
            return;
        }
        List<Double> values = history.get(metric);
        double[] epochs = new double[values.size()];
        double[] ys = new double[values.size()];
        for (int i = 0; i < ys.length; i++) {
            epochs[i] = i + 1;
            ys[i] = values.get(i) == null ? Double.NaN : values.get(i);
        }
        XYSeries series = chart.addSeries(name, epochs, ys);
        if (ys.length <= MARK_POINTS_UP_TO) {
            series.setMarker(SeriesMarkers.CIRCLE);
        }
    }

    // ---- confusion matrix -----------------------------------------------------------------

    /**
     * A confusion matrix as a heat map, its rows and columns named by the matrix's own classes
     * (those of the model that was scored, e.g. {@code model.evaluate(test).confusionMatrix()}).
     *
     * @param matrix the counts and class names
     * @return a heat map with one series {@code "counts"}
     */
    public static HeatMapChart confusionMatrix(ConfusionMatrix matrix) {
        return confusionMatrix(matrix.counts(), matrix.classNames(), false);
    }

    /**
     * A confusion matrix as a heat map with the count in every cell: rows are the true
     * classes (first class on top, as scikit-learn draws it), columns the predicted ones.
     *
     * @param counts {@code counts[true][predicted]}, square
     * @param labels the class names, one per row; an empty list numbers them 0, 1, 2 ...
     * @return a heat map with one series {@code "counts"}
     */
    public static HeatMapChart confusionMatrix(int[][] counts, List<String> labels) {
        return confusionMatrix(counts, labels, false);
    }

    /**
     * A confusion matrix as a heat map, with counts or, normalised, the share of each true
     * class predicted as each class (every row sums to 1; the diagonal is per-class recall).
     *
     * @param counts {@code counts[true][predicted]}, square
     * @param labels the class names, one per row; an empty list numbers them 0, 1, 2 ...
     * @param normalise whether to divide each row by its total
     * @return a heat map with one series, {@code "counts"} or {@code "fraction of true class"}
     */
    public static HeatMapChart confusionMatrix(int[][] counts, List<String> labels, boolean normalise) {
        int n = counts.length;
        if (n == 0) {
            throw new IllegalArgumentException("Expected counts[true][predicted] for at least one class, found an empty matrix.");
        }
        for (int r = 0; r < n; r++) {
            if (counts[r].length != n) {
                throw new IllegalArgumentException("Expected a square confusion matrix of " + n + " rows, found row " + r + " with "
                        + counts[r].length + " columns.");
            }
        }
        List<String> names = labels.isEmpty() ? indexLabels(n) : List.copyOf(labels);
        if (names.size() != n) {
            throw new IllegalArgumentException("Expected one label per class, found " + n + " classes and " + names.size()
                    + " labels; pass one label per class or an empty list.");
        }
        int side = Math.max(360, Math.min(720, 120 + 44 * n));
        HeatMapChart chart = Theme.apply(new HeatMapChart(side + 110, side));
        chart.setTitle(normalise ? "Confusion matrix (normalised by true class)" : "Confusion matrix");
        chart.setXAxisTitle("predicted");
        chart.setYAxisTitle("true");
        List<String> rowsTopDown = new ArrayList<>(names).reversed();
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            long total = Arrays.stream(counts[t]).asLongStream().sum();
            for (int p = 0; p < n; p++) {
                // XChart's y index grows upwards, so the first class goes in the top row (index n-1).
                Number value = normalise ? (total == 0 ? 0.0 : counts[t][p] / (double) total) : (Number) counts[t][p];
                cells.add(new Number[] {p, n - 1 - t, value});
            }
        }
        chart.addSeries(normalise ? "fraction of true class" : "counts", new ArrayList<>(names), rowsTopDown, cells);
        var styler = chart.getStyler();
        styler.setShowValue(n <= 20);
        styler.setValueFont(Theme.font(java.awt.Font.PLAIN, n <= 10 ? 13f : 10f));
        styler.setValueFontColor(Theme.INK);
        styler.setRangeColors(new Color[] {Color.WHITE, new Color(0xc6dbef), new Color(0x6baed6)});
        styler.setPlotGridLinesVisible(false);
        styler.setDrawBorder(true);
        styler.setLegendPosition(LegendPosition.OutsideE);
        styler.setHeatMapValueDecimalPattern(normalise ? "0.00" : "#,##0");
        if (normalise) {
            styler.setMin(0);
            styler.setMax(1);
        }
        if (names.stream().mapToInt(String::length).sum() * 8 > side - 60) {
            styler.setXAxisLabelRotation(45);
        }
        return chart;
    }

    // ---- ROC ------------------------------------------------------------------------------

    /**
     * The receiver operating characteristic of a binary classifier, with its area under the
     * curve in the legend and the diagonal of a random guess for comparison: draws
     * {@link Metrics#rocCurve(int[], double[])}, so the chart and the metric never disagree.
     *
     * @param yTrue the true class of each example: 1 positive, 0 negative
     * @param yScore the classifier's score for the positive class (a probability or any monotone score)
     * @return a chart with series {@code "ROC"} (labelled with the AUC) and {@code "chance"}
     * @throws IllegalArgumentException when lengths differ, a label is not 0 or 1, or one class is missing
     */
    public static XYChart roc(int[] yTrue, double[] yScore) {
        return roc(Metrics.rocCurve(yTrue, yScore));
    }

    /**
     * Draws a ROC curve already computed with {@link Metrics#rocCurve(int[], double[])}.
     *
     * @param curve the curve; its points are drawn as they are
     * @return a chart with series {@code "ROC"} (labelled with the AUC) and {@code "chance"}
     */
    public static XYChart roc(RocCurve curve) {
        XYChart chart = xyChart(480, 440);
        chart.setTitle("ROC curve");
        chart.setXAxisTitle("false positive rate");
        chart.setYAxisTitle("true positive rate");
        XYSeries line = chart.addSeries("ROC", curve.falsePositiveRate(), curve.truePositiveRate());
        line.setLabel(String.format(Locale.ROOT, "ROC (AUC = %.3f)", curve.auc()));
        XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        chance.setLineStyle(DASHED);
        chance.setLineColor(Theme.COLORS[7]);
        roundTicks(chart);
        var styler = chart.getStyler();
        styler.setLegendPosition(LegendPosition.InsideSE);
        return chart;
    }

    // ---- residuals ------------------------------------------------------------------------

    /**
     * A regression's residuals (true minus predicted) against its predictions, with a dashed
     * zero line: a good model leaves a shapeless band around it. Arguments in the order of
     * {@code Metrics.r2(yTrue, yPred)}.
     *
     * @param yTrue the true values
     * @param yPred the model's predictions, as many as {@code yTrue}
     * @return a chart with series {@code "residuals"} (x: prediction, y: true minus predicted) and {@code "zero"}
     */
    public static XYChart residuals(double[] yTrue, double[] yPred) {
        checkPair("yTrue", yTrue, "yPred", yPred);
        double[] residuals = new double[yTrue.length];
        for (int i = 0; i < residuals.length; i++) {
            residuals[i] = yTrue[i] - yPred[i];
        }
        XYChart chart = pointChart(Theme.WIDTH, Theme.HEIGHT);
        chart.setTitle("Residuals");
        chart.setXAxisTitle("predicted");
        chart.setYAxisTitle("true − predicted");
        chart.addSeries("residuals", yPred, residuals);
        double lo = Arrays.stream(yPred).filter(Double::isFinite).min().orElse(0);
        double hi = Arrays.stream(yPred).filter(Double::isFinite).max().orElse(0);
        XYSeries zero = chart.addSeries("zero", new double[] {lo, hi}, new double[] {0, 0});
        zero.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineStyle(DASHED);
        zero.setLineColor(Theme.COLORS[7]);
        zero.setShowInLegend(false);
        chart.getStyler().setLegendVisible(false);
        return roundTicks(chart);
    }

    // ---- images ---------------------------------------------------------------------------

    /**
     * Shows small greyscale images (digits, say) in a grid, each titled with its label.
     *
     * @param pixels one row-major array of {@code width * height} values per image, in [0, 1] or [0, 255]
     * @param width pixels per image row, e.g. 28 for MNIST
     * @param height pixel rows per image
     * @param labels one title per image, or an empty list for none
     * @return the grid (the first {@value ImageGrid#MAX_SHOWN} images at most)
     */
    public static ImageGrid images(float[][] pixels, int width, int height, List<String> labels) {
        return images(pixels, width, height, labels, List.of());
    }

    /**
     * Shows images titled with the model's predictions; a wrong one is titled in red as
     * {@code "prediction (true label)"}.
     *
     * @param pixels one row-major array of {@code width * height} values per image
     * @param width pixels per image row
     * @param height pixel rows per image
     * @param labels the true label of each image
     * @param predictions the predicted label of each image
     * @return the grid, 10 images to a row, fewer when long titles would make it wider than
     *         {@value ImageGrid#MAX_WIDTH} pixels (the first {@value ImageGrid#MAX_SHOWN} images at most)
     */
    public static ImageGrid images(float[][] pixels, int width, int height, List<String> labels, List<String> predictions) {
        int columns = Math.min(10, Math.max(1, pixels.length));
        ImageGrid grid = new ImageGrid(pixels, width, height, labels, predictions, columns, ImageGrid.MAX_SHOWN);
        while (columns > 1 && grid.width() > ImageGrid.MAX_WIDTH) {
            columns--;
            grid = new ImageGrid(pixels, width, height, labels, predictions, columns, ImageGrid.MAX_SHOWN);
        }
        return grid;
    }

    // ---- helpers --------------------------------------------------------------------------

    /** A filled square of a fixed size, whatever the chart's marker size: one decision-region cell. */
    private static final class CellMarker extends Marker {
        private final int size;

        CellMarker(int size) {
            this.size = size;
        }

        @Override
        public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
            g.fill(new Rectangle2D.Double(xOffset - size / 2.0, yOffset - size / 2.0, size, size));
        }
    }

    /** The colour a quarter of the way from white, for backgrounds under points of that colour. */
    private static Color pale(Color c) {
        return new Color(255 - (255 - c.getRed()) / 4, 255 - (255 - c.getGreen()) / 4, 255 - (255 - c.getBlue()) / 4);
    }

    /** The finite values' range widened by 5% on each side (1 either side of a single value). */
    private static double[] paddedRange(double[] v) {
        double lo = Arrays.stream(v).filter(Double::isFinite).min().orElse(0);
        double hi = Arrays.stream(v).filter(Double::isFinite).max().orElse(0);
        double pad = hi > lo ? (hi - lo) * 0.05 : 1;
        return new double[] {lo - pad, hi + pad};
    }

    private static void checkGroups(List<String> groups, int n) {
        if (groups.size() != n) {
            throw new IllegalArgumentException("Expected one group per x value, found " + n + " x values and " + groups.size() + " groups.");
        }
        for (int i = 0; i < n; i++) {
            if (groups.get(i) == null) {
                throw new IllegalArgumentException("Expected a group name for every point, found null in groups[" + i + "].");
            }
        }
    }

    /** One point series per group, in order of first appearance. */
    private static void addGroups(XYChart chart, double[] x, double[] y, List<String> groups) {
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            members.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            double[] gx = e.getValue().stream().mapToDouble(i -> x[i]).toArray();
            double[] gy = e.getValue().stream().mapToDouble(i -> y[i]).toArray();
            chart.addSeries(e.getKey(), gx, gy);
        }
        chart.getStyler().setLegendVisible(true);
    }

    /**
     * One series per class that has points, in class order, each in its class index's colour,
     * so that a class keeps its colour across charts (scatter by class, decision boundaries)
     * even when another class has no points in one of them.
     *
     * @param classes a valid class index per point
     * @param prefix put before each class name to name its series
     * @return the series added, for the caller to style
     */
    private static List<XYSeries> addClassSeries(XYChart chart, double[] x, double[] y, int[] classes, List<String> names,
            String prefix) {
        int[] counts = new int[names.size()];
        for (int c : classes) {
            counts[c]++;
        }
        List<XYSeries> added = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (counts[c] == 0) {
                continue;
            }
            double[] xs = new double[counts[c]];
            double[] ys = new double[counts[c]];
            int n = 0;
            for (int i = 0; i < classes.length; i++) {
                if (classes[i] == c) {
                    xs[n] = x[i];
                    ys[n++] = y[i];
                }
            }
            XYSeries series = chart.addSeries(prefix + names.get(c), xs, ys);
            series.setMarkerColor(Theme.COLORS[c % Theme.COLORS.length]);
            added.add(series);
        }
        return added;
    }

    private static XYChart xyChart(int width, int height) {
        return Theme.apply(new XYChart(width, height));
    }

    private static XYChart pointChart(int width, int height) {
        XYChart chart = xyChart(width, height);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        chart.getStyler().setSeriesMarkers(Theme.pointMarkers());
        chart.getStyler().setMarkerSize(MARKER);
        return chart;
    }

    /**
     * XChart puts ticks on the data values themselves when they are equally spaced (histogram
     * edges, ROC rates k/n) and then labels long runs with unrounded, even shifted, values. A
     * disabled point that breaks the spacing makes it choose round ticks, as matplotlib does.
     * Call it last, once the data series are in.
     */
    static XYChart roundTicks(XYChart chart) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesCollection()) {
            xMin = Math.min(xMin, series.getXMin());
            xMax = Math.max(xMax, series.getXMax());
            yMin = Math.min(yMin, series.getYMin());
            yMax = Math.max(yMax, series.getYMax());
        }
        if (!Double.isFinite(xMin + xMax + yMin + yMax)) {
            return chart;
        }
        // Inside the data's box so the axes keep their range, and off any k/n grid so that the
        // point is never a duplicate value the axis would ignore.
        double x = (xMin + xMax) / 2 + Math.PI * 1e-9 * Math.max(1, Math.abs(xMax - xMin));
        double y = (yMin + yMax) / 2 + Math.PI * 1e-9 * Math.max(1, Math.abs(yMax - yMin));
        XYSeries helper = chart.addSeries(TICK_HELPER, new double[] {x}, new double[] {y});
        helper.setEnabled(false);
        helper.setShowInLegend(false);
        return chart;
    }

    private static double[] indices(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    private static List<String> indexLabels(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    private static void checkData(String name, double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("Expected at least one value in " + name + ", found none.");
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i])) {
                throw new IllegalArgumentException("Expected finite values or NaN (a gap) in " + name + ", found " + values[i] + " in " + name
                        + "[" + i + "]; a chart cannot place infinite values.");
            }
        }
    }

    private static void checkPair(String xName, double[] x, String yName, double[] y) {
        checkData(xName, x);
        checkData(yName, y);
        if (x.length != y.length) {
            throw new IllegalArgumentException("Expected " + xName + " and " + yName + " of one length, found " + x.length + " values in "
                    + xName + " and " + y.length + " in " + yName + ".");
        }
    }

    /** Returns {slope, intercept} of the least-squares line, skipping pairs with NaN. */
    static double[] leastSquares(double[] x, double[] y) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sx += x[i];
                sy += y[i];
                n++;
            }
        }
        if (n < 2) {
            throw new IllegalArgumentException("Expected at least 2 points without NaN for a fitted line, found " + n + ".");
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sxx += (x[i] - mx) * (x[i] - mx);
                sxy += (x[i] - mx) * (y[i] - my);
            }
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("Expected x values that differ for a fitted line, found every x equal to " + mx
                    + "; a vertical line has no slope.");
        }
        double slope = sxy / sxx;
        return new double[] {slope, my - slope * mx};
    }

    /** Three significant digits, without exponent for everyday magnitudes. */
    private static String number(double v) {
        if (v == 0) {
            return "0";
        }
        double magnitude = Math.abs(v);
        if (magnitude >= 1e-3 && magnitude < 1e6) {
            int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(magnitude)));
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static String title(String metric) {
        String words = metric.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
