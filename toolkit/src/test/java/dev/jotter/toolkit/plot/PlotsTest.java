package dev.jotter.toolkit.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.metrics.Metrics;
import dev.jotter.toolkit.metrics.RocCurve;
import dev.jotter.toolkit.train.History;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class PlotsTest {

    private static final Color BLUE = Theme.COLORS[0];
    private static final Color ORANGE = Theme.COLORS[1];

    /** The series a reader sees: the one-liners add a hidden helper for round ticks. */
    private static List<String> visibleSeries(XYChart chart) {
        return chart.getSeriesCollection().stream().filter(XYSeries::isEnabled).map(XYSeries::getName).toList();
    }

    @Test
    void lineHasOneSeriesWithTheGivenValuesAndDrawsIt() {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {0, 1, 4, 9, 16};
        XYChart chart = Plots.line(x, y);

        assertEquals(List.of("y"), visibleSeries(chart));
        assertArrayEquals(x, chart.getSeries("y").getXData());
        assertArrayEquals(y, chart.getSeries("y").getYData());
        assertEquals(Theme.WIDTH, chart.getWidth());
        assertEquals(Theme.HEIGHT, chart.getHeight());

        BufferedImage image = Pixels.hidpiPng(Charts.asFigure(chart));
        assertTrue(Pixels.inPlotArea(image, BLUE) > 500, "the line is drawn in the plot area");
    }

    @Test
    void lineOfValuesUsesTheirIndicesAsX() {
        XYChart chart = Plots.line(new double[] {3, 1, 4});
        assertArrayEquals(new double[] {0, 1, 2}, chart.getSeries("y").getXData());
        assertTrue(Pixels.inPlotArea(Pixels.hidpiPng(Charts.asFigure(chart)), BLUE) > 200);
    }

    @Test
    void lineRejectsMismatchedLengthsNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.line(new double[10], new double[9]));
        assertEquals("Expected x and y of one length, found 10 values in x and 9 in y.", e.getMessage());
    }

    @Test
    void lineRejectsEmptyAndInfiniteValues() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Plots.line(new double[0]))
                .getMessage().contains("Expected at least one value in y, found none."));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Plots.line(new double[] {1, Double.POSITIVE_INFINITY})).getMessage().contains("found Infinity in y[1]"));
    }

    @Test
    void scatterWithFitAddsTheLeastSquaresLine() {
        double[] x = {0, 1, 2, 3, 4, 5};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 2 * x[i] + 1 + (i % 2 == 0 ? 0.1 : -0.1);
        }
        XYChart chart = Plots.scatter(x, y, true);

        assertEquals(List.of("data", "fit"), visibleSeries(chart));
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, chart.getStyler().getDefaultSeriesRenderStyle());
        XYSeries fit = chart.getSeries("fit");
        assertArrayEquals(new double[] {0, 5}, fit.getXData());
        double[] ab = Plots.leastSquares(x, y);
        assertEquals(ab[0] * 0 + ab[1], fit.getYData()[0], 1e-12);
        assertEquals(ab[0] * 5 + ab[1], fit.getYData()[1], 1e-12);
        assertEquals(2.0, ab[0], 0.1);
        assertTrue(fit.getLabel().startsWith("fit: y = "), fit.getLabel());

        BufferedImage image = Pixels.hidpiPng(Charts.asFigure(chart));
        assertTrue(Pixels.inPlotArea(image, BLUE) > 100, "points are drawn");
        assertTrue(Pixels.inPlotArea(image, ORANGE) > 100, "the fitted line is drawn");
    }

    @Test
    void scatterWithoutFitHasOnlyTheData() {
        XYChart chart = Plots.scatter(new double[] {1, 2, 3}, new double[] {3, 1, 2});
        assertEquals(List.of("data"), visibleSeries(chart));
        assertFalse(chart.getStyler().isLegendVisible());
    }

    @Test
    void scatterByClassHasOneColouredSeriesPerClass() {
        double[] x = {0, 1, 2, 3, 4, 5};
        double[] y = {5, 4, 3, 2, 1, 0};
        int[] classes = {0, 2, 0, 2, 2, 0};
        XYChart chart = Plots.scatter(x, y, classes, List.of("cat", "dog", "bird"));

        assertEquals(List.of("cat", "bird"), visibleSeries(chart), "a class without points gets no legend entry");
        assertArrayEquals(new double[] {0, 2, 5}, chart.getSeries("cat").getXData());
        assertArrayEquals(new double[] {4, 2, 1}, chart.getSeries("bird").getYData());
        assertTrue(chart.getStyler().isLegendVisible());
        BufferedImage image = Pixels.hidpiPng(Charts.asFigure(chart));
        assertTrue(Pixels.inPlotArea(image, BLUE) > 20, "the first class is blue");
        assertTrue(Pixels.inPlotArea(image, Theme.COLORS[2]) > 20, "bird, class 2, has class 2's colour");
        assertTrue(Pixels.inPlotArea(image, Theme.COLORS[1]) < 5, "dog's colour is not given to another class");

        assertEquals(List.of("0", "1"), visibleSeries(Plots.scatter(new double[] {1, 2}, new double[] {1, 2}, new int[] {0, 1}, List.of())));
    }

    @Test
    void scatterByClassNamesABadClassIndex() {
        assertEquals("Expected class indices in 0..1 for the class names [a, b], found 3 in classes[1].",
                assertThrows(IllegalArgumentException.class, () -> Plots.scatter(new double[] {1, 2}, new double[] {1, 2},
                        new int[] {0, 3}, List.of("a", "b"))).getMessage());
        assertEquals("Expected one class per x value, found 2 x values and 1 classes.",
                assertThrows(IllegalArgumentException.class, () -> Plots.scatter(new double[] {1, 2}, new double[] {1, 2},
                        new int[] {0}, List.of())).getMessage());
    }

    @Test
    void fittingAVerticalLineSaysWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.scatter(new double[] {2, 2, 2}, new double[] {1, 2, 3}, true));
        assertTrue(e.getMessage().contains("found every x equal to 2.0"), e.getMessage());
    }

    @Test
    void histogramCountsEveryValueIntoEqualBins() {
        double[] values = {0, 1, 1, 2, 2, 2, 3, 3, 3, 3, Double.NaN};
        XYChart chart = Plots.histogram(values, 4);

        assertEquals(List.of("count"), visibleSeries(chart));
        XYSeries counts = chart.getSeries("count");
        assertArrayEquals(new double[] {0, 0.75, 1.5, 2.25, 3}, counts.getXData(), 1e-12);
        // One count per bin, the last repeated at the right edge where the step ends.
        assertArrayEquals(new double[] {1, 2, 3, 4, 4}, counts.getYData());
        assertEquals(10, Arrays.stream(counts.getYData()).limit(4).sum(), "NaN is left out");

        BufferedImage image = Pixels.hidpiPng(Charts.asFigure(chart));
        assertTrue(Pixels.inPlotArea(image, BLUE) > 5000, "the bars are filled");
    }

    @Test
    void histogramDefaultsToTenBinsLikeMatplotlib() {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        XYSeries counts = Plots.histogram(values).getSeries("count");
        assertEquals(11, counts.getXData().length);
        assertEquals(100, Arrays.stream(counts.getYData()).limit(10).sum());
    }

    @Test
    void barHasOneBarPerCategory() {
        CategoryChart chart = Plots.bar(List.of("cat", "dog", "bird"), new double[] {3, 7, 2});
        CategorySeries series = chart.getSeries("value");
        assertEquals(List.of("cat", "dog", "bird"), List.copyOf(series.getXData()));
        assertEquals(List.of(3.0, 7.0, 2.0), Arrays.stream(series.getYData()).boxed().toList());

        BufferedImage image = Pixels.hidpiPng(Charts.asFigure(chart));
        assertTrue(Pixels.inPlotArea(image, BLUE) > 5000, "the bars are drawn");
    }

    @Test
    void barFromAMapKeepsItsOrder() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("b", 2);
        counts.put("a", 1);
        CategorySeries series = Plots.bar(counts).getSeries("value");
        assertEquals(List.of("b", "a"), List.copyOf(series.getXData()));
    }

    @Test
    void barRejectsMismatchedLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.bar(List.of("a"), new double[] {1, 2}));
        assertEquals("Expected one value per category, found 1 categories and 2 values.", e.getMessage());
    }

    private static History history() {
        Map<String, List<Double>> m = new LinkedHashMap<>();
        m.put("accuracy", List.of(0.7, 0.8, 0.9));
        m.put("loss", List.of(0.9, 0.6, 0.4));
        m.put("val_loss", List.of(1.0, 0.7, 0.6));
        m.put("val_accuracy", List.of(0.65, 0.75, 0.8));
        return History.of(m);
    }

    @Test
    void historyPutsLossFirstAndPairsTrainWithValidation() {
        ChartGrid grid = Plots.history(history());

        assertEquals(2, grid.charts().size());
        assertEquals(2, grid.columns());
        XYChart loss = (XYChart) grid.chart(0);
        XYChart accuracy = (XYChart) grid.chart(1);
        assertEquals("Loss", loss.getTitle());
        assertEquals("Accuracy", accuracy.getTitle());
        assertEquals(List.of("train", "validation"), visibleSeries(loss));
        assertArrayEquals(new double[] {1, 2, 3}, loss.getSeries("train").getXData());
        assertArrayEquals(new double[] {0.9, 0.6, 0.4}, loss.getSeries("train").getYData());
        assertArrayEquals(new double[] {1.0, 0.7, 0.6}, loss.getSeries("validation").getYData());
        assertArrayEquals(new double[] {0.65, 0.75, 0.8}, accuracy.getSeries("validation").getYData());

        BufferedImage image = Pixels.hidpiPng(grid);
        assertEquals(2 * 900, image.getWidth(), "two 450 px charts side by side");
        int half = image.getWidth() / 2;
        assertTrue(Pixels.count(image, BLUE, 24, 0.05, 0.1, 0.48, 0.85) > 200, "train curve on the left chart");
        assertTrue(Pixels.count(image, ORANGE, 24, 0.55, 0.1, 0.98, 0.85) > 200, "validation curve on the right chart");
        assertTrue(half > 0);
    }

    @Test
    void historyOfOneMetricWithoutValidation() {
        History h = History.of(Map.of("loss", List.of(1.0, 0.5)));
        XYChart chart = Plots.history(h, "val_loss");
        assertEquals(List.of("train"), visibleSeries(chart));
        assertEquals(1, Plots.history(h).charts().size());
        assertEquals(1, Plots.history(h).columns());
    }

    @Test
    void historyNamesTheMissingMetric() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.history(history(), "f1"));
        assertTrue(e.getMessage().startsWith("Expected a metric this history recorded, [") && e.getMessage().endsWith("found 'f1'."), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plots.history(History.of(Map.of())));
    }

    @Test
    void confusionMatrixShowsCountsWithTheFirstClassOnTop() {
        int[][] counts = {{50, 10}, {5, 35}};
        HeatMapChart chart = Plots.confusionMatrix(counts, List.of("cat", "dog"));

        var series = chart.getHeatMapSeries();
        assertEquals("counts", series.getName());
        assertEquals(List.of("cat", "dog"), series.getXData());
        assertEquals(List.of("dog", "cat"), series.getYData(), "y grows upwards, so the first class is last");
        // {predicted index, row index from the bottom, value}
        assertEquals(List.of(List.of(0, 1, 50), List.of(1, 1, 10), List.of(0, 0, 5), List.of(1, 0, 35)),
                series.getHeatData().stream().map(Arrays::asList).toList());
        assertTrue(chart.getStyler().isShowValue());

        BufferedImage image = Pixels.hidpiPng(Charts.asFigure(chart));
        assertTrue(Pixels.nonWhite(image) > 10_000, "cells are coloured");
    }

    @Test
    void normalisedConfusionMatrixDividesEachRowByItsTotal() {
        HeatMapChart chart = Plots.confusionMatrix(new int[][] {{50, 10}, {5, 35}, }, List.of(), true);
        var series = chart.getHeatMapSeries();
        assertEquals(List.of("0", "1"), series.getXData());
        double[] values = series.getHeatData().stream().mapToDouble(c -> ((Number[]) c)[2].doubleValue()).toArray();
        assertArrayEquals(new double[] {50 / 60.0, 10 / 60.0, 5 / 40.0, 35 / 40.0}, values, 1e-12);
        assertTrue(chart.getTitle().contains("normalised"));
        assertTrue(Pixels.nonWhite(Pixels.hidpiPng(Charts.asFigure(chart))) > 10_000);
    }

    @Test
    void confusionMatrixOfAReportIsNamedByItsClasses() {
        // Labels 1..3 read as a model reads them: classes "1", "2", "3" at indices 0, 1, 2.
        var cm = Metrics.confusionMatrix(new int[] {0, 1, 2, 2}, new int[] {0, 2, 2, 2}, List.of("1", "2", "3"));
        var series = Plots.confusionMatrix(cm).getHeatMapSeries();
        assertEquals(List.of("1", "2", "3"), series.getXData());
        assertTrue(series.getHeatData().stream().map(Arrays::asList).toList().contains(List.of(2, 0, 2)),
                "two of the last class predicted right, drawn in the bottom row");
    }

    @Test
    void confusionMatrixMustBeSquareAndLabelled() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Plots.confusionMatrix(new int[][] {{1, 2}, {3}}, List.of()))
                .getMessage().contains("found row 1 with 1 columns"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Plots.confusionMatrix(new int[][] {{1}}, List.of("a", "b")))
                .getMessage().startsWith("Expected one label per class, found 1 classes and 2 labels"));
    }

    @Test
    void rocOfAPerfectClassifierHasAreaOne() {
        XYChart chart = Plots.roc(new int[] {1, 1, 0, 0}, new double[] {0.9, 0.8, 0.3, 0.1});
        assertEquals(List.of("ROC", "chance"), visibleSeries(chart));
        XYSeries roc = chart.getSeries("ROC");
        assertArrayEquals(new double[] {0, 0, 0, 0.5, 1}, roc.getXData());
        assertArrayEquals(new double[] {0, 0.5, 1, 1, 1}, roc.getYData());
        assertEquals("ROC (AUC = 1.000)", roc.getLabel());
    }

    @Test
    void rocDrawsExactlyWhatMetricsComputes() {
        // Scores with ties and labels that overlap, so the curve has steps, diagonals and an AUC strictly between 0.5 and 1.
        java.util.Random random = new java.util.Random(7);
        int[] yTrue = new int[200];
        double[] yScore = new double[200];
        for (int i = 0; i < yTrue.length; i++) {
            yTrue[i] = random.nextInt(2);
            yScore[i] = Math.round((yTrue[i] * 0.8 + random.nextDouble()) * 20) / 20.0;
        }
        RocCurve expected = Metrics.rocCurve(yTrue, yScore);
        XYSeries roc = Plots.roc(yTrue, yScore).getSeries("ROC");
        assertArrayEquals(expected.falsePositiveRate(), roc.getXData());
        assertArrayEquals(expected.truePositiveRate(), roc.getYData());
        assertEquals(String.format(java.util.Locale.ROOT, "ROC (AUC = %.3f)", expected.auc()), roc.getLabel());
        assertTrue(expected.auc() > 0.6 && expected.auc() < 1, "auc " + expected.auc());
        assertArrayEquals(roc.getYData(), Plots.roc(expected).getSeries("ROC").getYData());
    }

    @Test
    void rocTreatsTiedScoresAsOneThreshold() {
        XYChart chart = Plots.roc(new int[] {1, 0, 1, 0}, new double[] {0.5, 0.5, 0.5, 0.5});
        XYSeries roc = chart.getSeries("ROC");
        assertArrayEquals(new double[] {0, 1}, roc.getXData());
        assertArrayEquals(new double[] {0, 1}, roc.getYData());
        assertEquals("ROC (AUC = 0.500)", roc.getLabel());
        BufferedImage image = Pixels.hidpiPng(Charts.asFigure(chart));
        assertTrue(Pixels.inPlotArea(image, BLUE) > 200);
    }

    @Test
    void rocNeedsBinaryLabelsOfBothClasses() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Plots.roc(new int[] {1, 2}, new double[] {0.1, 0.2})).getMessage().contains("Expected 0 or 1 in yTrue for a ROC curve, found 2 at index 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Plots.roc(new int[] {1, 1}, new double[] {0.1, 0.2})).getMessage().contains("0 negatives"));
    }

    @Test
    void residualsTakeTrueThenPredictedAsTheMetricsDo() {
        double[] yTrue = {1.5, 1.5, 3, 5};
        double[] yPred = {1, 2, 3, 4};
        XYChart chart = Plots.residuals(yTrue, yPred);
        XYSeries residuals = chart.getSeries("residuals");
        // x is the prediction, y is true minus predicted: positive where the model predicted too low.
        assertArrayEquals(yPred, residuals.getXData());
        assertArrayEquals(new double[] {0.5, -0.5, 0, 1}, residuals.getYData());
        assertEquals(Metrics.mae(yTrue, yPred), Arrays.stream(residuals.getYData()).map(Math::abs).average().orElseThrow(), 1e-12);
        assertArrayEquals(new double[] {0, 0}, chart.getSeries("zero").getYData());
        assertArrayEquals(new double[] {1, 4}, chart.getSeries("zero").getXData());
        assertTrue(Pixels.inPlotArea(Pixels.hidpiPng(Charts.asFigure(chart)), BLUE) > 100);
    }

    @Test
    void imagesTitleWrongPredictionsWithTheTrueLabel() {
        float[][] pixels = new float[12][8 * 8];
        for (float[] image : pixels) {
            for (int p = 16; p < 48; p++) {
                image[p] = 1f;
            }
        }
        List<String> labels = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "1");
        List<String> predictions = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "6", "1");
        ImageGrid grid = Plots.images(pixels, 8, 8, labels, predictions);

        assertEquals(10, grid.columns());
        assertEquals(2, grid.rows());
        assertEquals("0", grid.title(0));
        assertEquals("6 (0)", grid.title(10));
        assertTrue(grid.wrong(10));
        assertFalse(grid.wrong(11));

        BufferedImage image = Pixels.hidpiPng(grid);
        int ink = Pixels.count(image, Color.BLACK, 8, 0, 0, 1, 1);
        assertTrue(ink > 12 * 32 * 4, "every image's lit pixels are drawn dark: " + ink);
        assertTrue(Pixels.count(image, Theme.COLORS[3], 40, 0, 0, 1, 1) > 10, "the wrong title is red");
    }

    @Test
    void imageCellsAreWideEnoughForLongTitles() {
        float[][] pixels = new float[10][28 * 28];
        List<String> labels = List.of("Ankle boot", "Pullover", "Coat", "Shirt", "Bag", "Trouser", "Dress", "Sandal", "Sneaker",
                "T-shirt/top");
        List<String> predictions = List.of("Sneaker", "Pullover", "Coat", "T-shirt/top", "Bag", "Trouser", "Dress", "Sandal",
                "Sneaker", "Shirt");
        ImageGrid grid = Plots.images(pixels, 28, 28, labels, predictions);

        assertEquals("T-shirt/top (Shirt)", grid.title(3));
        int imageOnly = 10 * (28 * grid.zoom() + 16);
        assertTrue(grid.titleWidth() > 28 * grid.zoom(), "a long title is wider than its image: " + grid.titleWidth());
        assertTrue(grid.width() >= grid.columns() * (grid.titleWidth() + 8), "each cell holds its widest title: " + grid.width());
        assertTrue(grid.columns() < 10 && grid.width() <= ImageGrid.MAX_WIDTH, "fewer to a row, a page wide: " + grid.columns()
                + " columns, " + grid.width() + " px");
        assertTrue(grid.width() > imageOnly / 10 * grid.columns());
        // Short titles keep the compact layout.
        ImageGrid digits = Plots.images(new float[10][64], 8, 8, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        assertEquals(10, digits.columns());
        assertEquals(10 * (8 * digits.zoom() + 16), digits.width());
        Pixels.hidpiPng(grid);
    }

    @Test
    void imagesCheckTheirSizeAndLabels() {
        assertEquals("Expected 28x28 = 784 pixels per image, found 10 in image 0; check the width and height, or reshape the data to one row per image.",
                assertThrows(IllegalArgumentException.class,
                        () -> Plots.images(new float[][] {new float[10]}, 28, 28, List.of())).getMessage());
        assertEquals("Expected one label per image, found 1 images and 2 labels.",
                assertThrows(IllegalArgumentException.class,
                        () -> Plots.images(new float[][] {new float[4]}, 2, 2, List.of("a", "b"))).getMessage());
    }

    @Test
    void imagesShowAtMostAHundred() {
        ImageGrid grid = Plots.images(new float[250][4], 2, 2, List.of());
        assertEquals(ImageGrid.MAX_SHOWN, grid.shown());
        assertEquals(10, grid.rows());
        assertEquals(2 * grid.height(), Pixels.hidpiPng(grid).getHeight());
    }

    @Test
    void scatterByGroupHasOneSeriesPerGroupInOrderOfAppearance() {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {0, 1, 2, 3, 4};
        XYChart chart = Plots.scatter(x, y, List.of("b", "a", "b", "a", "b"));

        assertEquals(List.of("b", "a"), visibleSeries(chart));
        assertArrayEquals(new double[] {0, 2, 4}, chart.getSeries("b").getXData());
        assertArrayEquals(new double[] {1, 3}, chart.getSeries("a").getXData());
        assertTrue(chart.getStyler().isLegendVisible());
        BufferedImage image = Pixels.hidpiPng(Charts.asFigure(chart));
        int blue = Pixels.inPlotArea(image, BLUE);
        int orange = Pixels.inPlotArea(image, ORANGE);
        assertTrue(blue > 20 && orange > 20, "both groups are drawn in their colours: " + blue + " blue, " + orange + " orange pixels");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.scatter(x, y, List.of("a")));
        assertEquals("Expected one group per x value, found 5 x values and 1 groups.", e.getMessage());
    }

    @Test
    void decisionBoundaryPaintsEachPredictedRegionUnderThePoints() {
        double[][] points = {{-1, 0}, {-2, 1}, {1, 0}, {2, -1}};
        int[] labels = {0, 0, 1, 1};
        int[] calls = {0};
        XYChart chart = Plots.decisionBoundary(points, labels, List.of("left", "right"), grid -> {
            calls[0]++;
            return Arrays.stream(grid).mapToInt(p -> p[0] < 0 ? 0 : 1).toArray();
        });

        assertEquals(1, calls[0], "the whole grid is classified in one call");
        assertEquals(List.of("region left", "region right", "left", "right"), visibleSeries(chart));
        assertFalse(chart.getSeries("region left").isShowInLegend());
        for (double gx : chart.getSeries("region left").getXData()) {
            assertTrue(gx < 0, "a grid point left of 0 is in the left region: " + gx);
        }
        assertArrayEquals(new double[] {1, 2}, chart.getSeries("right").getXData());

        BufferedImage image = Pixels.hidpiPng(Charts.asFigure(chart));
        Color paleBlue = new Color(255 - (255 - BLUE.getRed()) / 4, 255 - (255 - BLUE.getGreen()) / 4, 255 - (255 - BLUE.getBlue()) / 4);
        Color paleOrange = new Color(255 - (255 - ORANGE.getRed()) / 4, 255 - (255 - ORANGE.getGreen()) / 4,
                255 - (255 - ORANGE.getBlue()) / 4);
        int blueBackground = Pixels.count(image, paleBlue, 6, 0.15, 0.2, 0.35, 0.8);
        int orangeBackground = Pixels.count(image, paleOrange, 6, 0.55, 0.2, 0.75, 0.8);
        assertTrue(blueBackground > 10_000, "left half painted pale blue: " + blueBackground);
        assertTrue(orangeBackground > 10_000, "right half painted pale orange: " + orangeBackground);
        assertTrue(Pixels.inPlotArea(image, BLUE) > 50 && Pixels.inPlotArea(image, ORANGE) > 50, "points drawn on top");
    }

    @Test
    void decisionBoundaryRejectsBadInputsNamingThem() {
        double[][] points = {{0, 0}, {1, 1}};
        List<String> names = List.of("a", "b");
        assertEquals("Expected class indices from 0 to 1 for classNames [a, b], found 2 in labels[1].",
                assertThrows(IllegalArgumentException.class,
                        () -> Plots.decisionBoundary(points, new int[] {0, 2}, names, g -> new int[g.length])).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Plots.decisionBoundary(new double[][] {{0, 0, 0}}, new int[] {0}, names, g -> new int[g.length]))
                .getMessage().contains("found 3 in points[0]"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Plots.decisionBoundary(points, new int[] {0, 1}, names, g -> new int[3]))
                .getMessage().startsWith("Expected the classifier to return one class index per grid point ("));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Plots.decisionBoundary(points, new int[] {0, 1}, names, g -> Arrays.stream(g).mapToInt(p -> 5).toArray()))
                .getMessage().startsWith("Expected the classifier to predict classes 0 to 1, found 5 for grid point"));
    }
}
