package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.data.Datasets;
import dev.jotter.toolkit.prep.Split;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmileRegressionTest {

    @Test
    void treeEnsemblesFitDiabetes(@TempDir Path dir) throws Exception {
        var split = Split.trainTest(Datasets.load("diabetes"), 0.2, 42);
        for (SmileRegression.Builder<?> b : List.of(SmileRegression.randomForest().optTrees(100),
                SmileRegression.gradientBoosting().optTrees(100).optMaxDepth(3))) {
            SmileRegressor model = b.setLabel("target").build().fit(split.train(), split.test());
            // Published models reach an R² of about 0.4 to 0.5 on this table; predicting the mean scores 0.
            double r2 = model.evaluate(split.test()).r2();
            assertTrue(r2 > 0.3, model + ": R² " + r2);
            assertEquals(List.of("loss", "val_loss"), List.copyOf(model.history().names()));
            assertEquals("target", model.label());
            assertEquals(10, model.featureNames().size());
            Map<String, Double> importance = model.featureImportance();
            assertEquals(1.0, importance.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
            // bmi and s5 carry most of the signal in every published analysis of this table.
            assertTrue(List.of("bmi", "s5").contains(importance.keySet().iterator().next()), importance.toString());

            Path saved = dir.resolve(model.description().split(" ")[1]);
            model.save(saved);
            SmileRegressor back = SmileRegressor.load(saved);
            assertArrayEquals(model.predict(split.test()), back.predict(split.test()), 0);
            assertEquals(model.description(), back.description());
        }
    }

    @Test
    void sameSeedSameForestAndTreesBeatALineOnACurve() {
        int n = 300;
        double[][] x = new double[n][1];
        double[] y = new double[n];
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextDouble() * 6 - 3;
            y[i] = x[i][0] * x[i][0] + 0.1 * r.nextGaussian();
        }
        SmileRegression forest = SmileRegression.randomForest().optTrees(30).build();
        assertArrayEquals(forest.fit(x, y).predict(x), forest.fit(x, y).predict(x), 0);
        double trees = forest.fit(x, y).evaluate(x, y).r2();
        double line = ClassicRegression.ols().build().fit(x, y).evaluate(x, y).r2();
        assertTrue(trees > 0.9 && line < 0.1, "forest R² " + trees + ", OLS R² " + line);

        var e = assertThrows(IllegalArgumentException.class, () -> forest.fit(new double[][] {{1}, {2}}, new double[] {1}));
        assertTrue(e.getMessage().startsWith("Expected"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SmileRegression.gradientBoosting().optShrinkage(0));
        assertEquals("Expected a shrinkage in (0, 1], found 0.0.", e.getMessage());
    }

    @Test
    void eachBuilderOffersOnlyItsAlgorithmsOptions() {
        assertEquals(List.of("optMaxDepth", "optSeed", "optTrees"), BaselinesTest.optionsOf(SmileRegression.ForestBuilder.class));
        assertEquals(List.of("optMaxDepth", "optSeed", "optShrinkage", "optTrees"), BaselinesTest.optionsOf(SmileRegression.BoostingBuilder.class));
    }
}
