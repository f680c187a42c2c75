package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.data.Datasets;
import dev.jotter.toolkit.data.Matrix;
import dev.jotter.toolkit.metrics.ClassificationReport;
import dev.jotter.toolkit.metrics.Metrics;
import dev.jotter.toolkit.prep.Split;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The road from a table to a model and back: class labels, label-only builders, probabilities on tables. */
class LabelsAndColumnsTest {

    /** Iris with its species as the numbers 1, 2, 3 (a grade, a rating, a wine cultivar). */
    static Table irisNumbered() {
        Table iris = Datasets.load("iris");
        int[] grade = new int[iris.rowCount()];
        for (int i = 0; i < grade.length; i++) {
            grade[i] = 1 + List.of("setosa", "versicolor", "virginica").indexOf(iris.stringColumn("species").get(i));
        }
        return iris.removeColumns("species").addColumns(IntColumn.create("grade", grade));
    }

    /** The share of rows whose predicted label is the label column's own value, computed without the toolkit. */
    static double accuracyByValue(String[] predicted, Table table, String label) {
        int ok = 0;
        for (int i = 0; i < predicted.length; i++) {
            ok += predicted[i].equals(table.column(label).getString(i)) ? 1 : 0;
        }
        return (double) ok / predicted.length;
    }

    @Test
    void labelsOneToKComeBackAsTheSameValuesAndScoreRight() {
        var split = Split.stratified(irisNumbered(), "grade", 0.25, 42);
        Table train = split.train();
        Table test = split.test();
        // A test set holding only classes 3 and 2, in that order, scores against the model's classes.
        Table tail = test.where(test.intColumn("grade").isGreaterThan(1)).sortDescendingOn("grade");
        List<Supplier<ClassificationModel>> trainers = List.of(
                () -> SmileClassification.logistic().setLabel("grade").build().fit(train),
                () -> MlpClassifier.builder().setLabel("grade").optHidden(16).optEpochs(60).optLearningRate(0.01).optProgress(false)
                        .build().fit(train));
        for (Supplier<ClassificationModel> trainer : trainers) {
            try (ClassificationModel model = trainer.get()) {
                assertEquals(List.of("1", "2", "3"), model.classes(), model.description());
                for (Table t : List.of(test, tail)) {
                    String[] predicted = model.predictLabels(t);
                    double byValue = accuracyByValue(predicted, t, "grade");
                    assertTrue(byValue > 0.85, model.description() + " accuracy " + byValue);
                    ClassificationReport report = model.evaluate(t);
                    assertEquals(byValue, report.accuracy(), 1e-12, model.description());
                    assertEquals(model.classes(), report.classNames());
                    int[] yTrue = Matrix.labels(t, "grade", model.classes());
                    assertEquals(byValue, Metrics.accuracy(yTrue, model.predict(t)), 1e-12);
                }
                assertEquals(0, model.evaluate(tail).support()[0], "class 1 is absent from the tail");
                assertEquals(tail.rowCount(), model.evaluate(tail).support()[1] + model.evaluate(tail).support()[2]);
            }
        }
    }

    @Test
    void predictProbabilitiesOnATableSumToOneAndAgreeWithPredict() {
        var split = Split.stratified(irisNumbered(), "grade", 0.25, 42);
        Table train = split.train();
        Table test = split.test();
        List<Supplier<ClassificationModel>> trainers = List.of(
                () -> SmileClassification.randomForest().optTrees(20).setLabel("grade").build().fit(train),
                () -> MlpClassifier.builder().setLabel("grade").optHidden(8).optEpochs(5).optProgress(false).build().fit(train));
        for (Supplier<ClassificationModel> trainer : trainers) {
            try (ClassificationModel model = trainer.get()) {
                double[][] p = model.predictProbabilities(test);
                assertEquals(test.rowCount(), p.length);
                for (double[] row : p) {
                    assertEquals(3, row.length);
                    assertEquals(1.0, java.util.Arrays.stream(row).sum(), 1e-5, model.description());
                }
                assertArrayEquals(ClassificationModel.argMax(p), model.predict(test), model.description());
                assertArrayEquals(p, model.predictProbabilities(Matrix.features(test, model.featureNames().toArray(String[]::new))));
            }
        }
    }

    @Test
    void aLabelAloneMeansEveryOtherNumericColumnPrintedOnce() {
        Table t = Table.create("t", DoubleColumn.create("a", 1, 2, 3, 4, 5, 6), StringColumn.create("name", "u", "v", "w", "x", "y", "z"),
                DoubleColumn.create("b", 0, 1, 0, 1, 0, 2), DoubleColumn.create("y", 1, 4, 3, 6, 5, 10));
        ClassicRegression ols = ClassicRegression.ols().setLabel("y").build();
        String printed = printedBy(() -> {
            assertEquals(List.of("a", "b"), ols.fit(t).featureNames());
            assertEquals(List.of("a", "b"), ols.fit(t.first(5)).featureNames());
        });
        assertEquals("Features (2): a, b" + System.lineSeparator(), printed);
        LinearModel model = ols.fit(t);
        assertArrayEquals(new double[] {1, 2}, model.coefficients(), 1e-9);
        assertEquals(1.0, model.evaluate(t).r2(), 1e-12);

        var e = assertThrows(IllegalArgumentException.class, () -> ClassicRegression.ols().setFeatures("a", "y").setLabel("y").build());
        assertEquals("Expected the label 'y' to be left out of the features [a, y]; remove it from setFeatures(...)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SmileClassification.logistic().setLabel("name").setFeatures("name", "a").build());
        assertTrue(e.getMessage().startsWith("Expected the label 'name' to be left out of the features"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ClassicRegression.ols().setLabel("y").build().fit(t.selectColumns("name", "y")));
        assertTrue(e.getMessage().startsWith("Expected numeric columns besides the label 'y'"), e.getMessage());
    }

    private static String printedBy(Runnable action) {
        PrintStream before = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(before);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
