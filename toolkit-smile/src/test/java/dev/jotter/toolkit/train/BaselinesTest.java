package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class BaselinesTest {

    static final double[][] X = {{1, 2, 0.5}, {2, 1, 1.5}, {3, 4, 2.0}, {4, 3, 0.0}, {5, 6, 1.0}, {6, 5, 3.0}, {7, 8, 2.5}, {8, 7, 0.5}};
    static final double[] Y = {3.1, 2.9, 7.2, 6.8, 11.5, 10.1, 15.2, 14.0};

    /**
     * Golden values: Debian python3-sklearn 1.2.1, bench/train/golden_metrics.py (Lasso with tol=1e-12: sklearn's default
     * tol=1e-4 stops early, at 0.5556). Features pass through float32, hence 1e-4.
     */
    @Test
    void linearBaselinesMatchSklearn(@TempDir Path dir) throws Exception {
        LinearModel ols = ClassicRegression.ols().build().fit(X, Y);
        assertArrayEquals(new double[] {0.562368421052632, 1.3728947368421052, -0.04210526315789284}, ols.coefficients(), 1e-4);
        assertEquals(0.19921052631578462, ols.intercept(), 1e-4);
        LinearModel ridge = ClassicRegression.ridge(1.0).build().fit(X, Y);
        assertArrayEquals(new double[] {0.6326132193257948, 1.2750860731716511, -0.012364269229313843}, ridge.coefficients(), 1e-4);
        assertEquals(0.28235405395179924, ridge.intercept(), 1e-4);
        LinearModel lasso = ClassicRegression.lasso(0.1).build().fit(X, Y);
        assertArrayEquals(new double[] {0.5550000000050169, 1.3549999999954616, 0.0}, lasso.coefficients(), 1e-4);
        assertEquals(0.25499999999784606, lasso.intercept(), 1e-4);
        assertEquals(List.of("loss"), List.copyOf(ols.history().names()));

        ridge.save(dir.resolve("ridge"));
        LinearModel back = LinearModel.load(dir.resolve("ridge"));
        assertArrayEquals(ridge.predict(X), back.predict(X), 0);

        double[][] collinear = {{1, 2}, {2, 4}, {3, 6}};
        var e = assertThrows(IllegalArgumentException.class, () -> ClassicRegression.ols().build().fit(collinear, new double[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("found 'x1' collinear with [x0]"), e.getMessage());
    }

    @Test
    void smileClassifiersShareTheShape(@TempDir Path dir) throws Exception {
        Table all = Blobs.of(300);
        Table train = all.inRange(0, 240);
        Table test = all.inRange(240, 300);
        for (SmileClassification.Builder<?> b : List.of(SmileClassification.logistic(), SmileClassification.randomForest().optTrees(50),
                SmileClassification.gradientBoosting().optTrees(50))) {
            SmileClassifier model = b.setFeatures("a", "b").setLabel("species").build().fit(train, test);
            assertTrue(model.evaluate(test).accuracy() > 0.95, model + " " + model.evaluate(test));
            assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), List.copyOf(model.history().names()));
            assertEquals(List.of("setosa", "versicolor", "virginica"), model.classes());
            Path saved = dir.resolve(model.description().split(" ")[1]);
            model.save(saved);
            SmileClassifier back = SmileClassifier.load(saved);
            assertArrayEquals(model.predict(test), back.predict(test));
            double[][] p = back.predictProbabilities(new double[][] {{0, 0}});
            assertEquals(1.0, p[0][0] + p[0][1] + p[0][2], 1e-6);
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> SmileClassification.randomForest().build().fit(new double[][] {{1}, {Double.NaN}}, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void aModelFileHoldingAnythingButAModelIsRefusedBeforeItIsCreated(@TempDir Path dir) throws Exception {
        Table all = Blobs.of(120);
        SmileClassifier model = SmileClassification.logistic().setFeatures("a", "b").setLabel("species").build().fit(all);
        Path saved = dir.resolve("shared");
        model.save(saved);
        // A file swapped in a shared folder: not a Smile model, and java.net is not what models hold.
        try (var out = new java.io.ObjectOutputStream(java.nio.file.Files.newOutputStream(saved.resolve("model.ser")))) {
            out.writeObject(new java.util.ArrayList<>(List.of(java.net.URI.create("http://example.org/"))));
        }
        var e = assertThrows(java.io.IOException.class, () -> SmileClassifier.load(saved));
        assertTrue(e.getMessage().contains("holds java.net.URI, which no saved Smile model contains"), e.getMessage());
    }

    @Test
    void eachSmileBuilderOffersOnlyItsAlgorithmsOptions() {
        assertEquals(List.of("optLambda"), optionsOf(SmileClassification.LogisticBuilder.class));
        // Of Smile 6.3's three, only the forest takes class weights.
        assertEquals(List.of("optClassWeights", "optMaxDepth", "optSeed", "optTrees"), optionsOf(SmileClassification.ForestBuilder.class));
        assertEquals(List.of("optMaxDepth", "optSeed", "optShrinkage", "optTrees"), optionsOf(SmileClassification.BoostingBuilder.class));
    }

    static List<String> optionsOf(Class<?> builder) {
        return java.util.Arrays.stream(builder.getMethods()).map(java.lang.reflect.Method::getName).filter(n -> n.startsWith("opt"))
                .distinct().sorted().toList();
    }

    @Test
    void settingsAreFrozenWhenTheTrainerIsBuilt() {
        Table all = Blobs.of(120);
        var builder = SmileClassification.randomForest().optTrees(5).setFeatures("a", "b").setLabel("species");
        SmileClassification trainer = builder.build();
        builder.optTrees(7);
        assertEquals("Smile RandomForest (trees=5, seed=42)", trainer.fit(all).description());
    }

    @Test
    void randomForestIsSeeded() {
        Table all = Blobs.of(120);
        var trainer = SmileClassification.randomForest().optTrees(20).setFeatures("a", "b").setLabel("species").build();
        assertArrayEquals(trainer.fit(all).predictProbabilities(new double[][] {{1.5, 1.5}})[0],
                trainer.fit(all).predictProbabilities(new double[][] {{1.5, 1.5}})[0], 0);
    }

    @Test
    void treeModelsRankInformativeFeaturesAboveNoise() {
        Table all = Blobs.of(300);
        java.util.Random r = new java.util.Random(3);
        double[] noise = new double[all.rowCount()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = r.nextGaussian();
        }
        all.addColumns(tech.tablesaw.api.DoubleColumn.create("noise", noise));
        for (SmileClassification.Builder<?> b : List.of(SmileClassification.randomForest().optTrees(50),
                SmileClassification.gradientBoosting().optTrees(30))) {
            SmileClassifier model = b.setFeatures("noise", "a", "b").setLabel("species").build().fit(all);
            java.util.Map<String, Double> importance = model.featureImportance();
            assertEquals(java.util.Set.of("noise", "a", "b"), importance.keySet(), model.description());
            assertEquals(1.0, importance.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
            List<Double> values = List.copyOf(importance.values());
            for (int i = 1; i < values.size(); i++) {
                assertTrue(values.get(i - 1) >= values.get(i), "largest first: " + importance);
            }
            assertEquals("noise", List.copyOf(importance.keySet()).get(2), model.description() + " " + importance);
        }
        SmileClassifier logistic = SmileClassification.logistic().setFeatures("a", "b").setLabel("species").build().fit(all);
        var e = assertThrows(UnsupportedOperationException.class, logistic::featureImportance);
        assertTrue(e.getMessage().contains("Smile LogisticRegression (lambda=0.1)"), e.getMessage());
    }
}
