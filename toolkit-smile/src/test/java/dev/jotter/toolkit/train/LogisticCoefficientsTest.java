package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class LogisticCoefficientsTest {

    @Test
    void binaryWeightsPointAtTheFeatureThatDecides() {
        Random r = new Random(3);
        int n = 400;
        double[] signal = new double[n];
        double[] noise = new double[n];
        String[] label = new String[n];
        for (int i = 0; i < n; i++) {
            signal[i] = r.nextGaussian();
            noise[i] = r.nextGaussian();
            // "yes" when signal is large, with some label noise so the weights stay finite.
            label[i] = signal[i] + 0.3 * r.nextGaussian() > 0 ? "yes" : "no";
        }
        Table t = Table.create("binary", DoubleColumn.create("noise", noise), DoubleColumn.create("signal", signal),
                StringColumn.create("label", label));
        SmileClassifier model = SmileClassification.logistic().setLabel("label").build().fit(t);
        LogisticCoefficients coef = model.coefficients();
        assertEquals(List.of("yes"), coef.classes());
        assertEquals("no", coef.referenceClass());
        assertEquals(List.of("noise", "signal"), coef.features());
        assertTrue(coef.weight("yes", "signal") > 1, coef.toString());
        assertTrue(coef.weight("yes", "signal") > 5 * Math.abs(coef.weight("yes", "noise")), coef.toString());

        // The weights reproduce the model's probabilities: sigmoid(w . x + b).
        double[] x = {0.2, 0.7};
        double z = coef.intercept("yes") + coef.weight("yes", "noise") * x[0] + coef.weight("yes", "signal") * x[1];
        assertEquals(1 / (1 + Math.exp(-z)), model.predictProbabilities(new double[][] {x})[0][1], 1e-9);

        Table shown = coef.table();
        assertEquals(List.of("feature", "yes"), shown.columnNames());
        assertEquals("(intercept)", shown.stringColumn("feature").get(2));
        var e = assertThrows(IllegalArgumentException.class, () -> coef.weight("no", "signal"));
        assertTrue(e.getMessage().contains("found 'no', which is the reference class"), e.getMessage());
    }

    @Test
    void multinomialRowsAreAgainstTheLastClass() {
        // blobs: setosa at a = 0, versicolor at a = 3 with b = 3, virginica at a = 6.
        SmileClassifier model = SmileClassification.logistic().setFeatures("a", "b").setLabel("species").build()
                .fit(Blobs.of(300));
        LogisticCoefficients coef = model.coefficients();
        assertEquals(List.of("setosa", "versicolor"), coef.classes());
        assertEquals("virginica", coef.referenceClass());
        assertTrue(coef.weight("setosa", "a") < 0, coef.toString());
        assertTrue(coef.weight("versicolor", "b") > 0, coef.toString());
        assertTrue(coef.weight("versicolor", "b") > Math.abs(coef.weight("setosa", "b")), coef.toString());
        assertArrayEquals(new double[] {coef.intercept("setosa"), coef.intercept("versicolor")}, coef.intercepts());
    }

    @Test
    void treesHaveNoCoefficients() {
        SmileClassifier forest = SmileClassification.randomForest().optTrees(5).setFeatures("a", "b").setLabel("species").build()
                .fit(Blobs.of(60));
        var e = assertThrows(UnsupportedOperationException.class, forest::coefficients);
        assertTrue(e.getMessage().startsWith("Expected a logistic regression (SmileClassification.logistic()) for coefficients(), found Smile RandomForest"),
                e.getMessage());
    }
}
