package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.data.TextSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ClassWeightsTest {

    /** 95% "common" around (0, 0), 5% "rare" around (1.5, 1.5): overlapping, so an unweighted fit rarely says "rare". */
    static Table imbalanced(int n, long seed) {
        Random r = new Random(seed);
        double[] a = new double[n];
        double[] b = new double[n];
        String[] label = new String[n];
        for (int i = 0; i < n; i++) {
            boolean rare = i % 20 == 0;
            double shift = rare ? 1.5 : 0;
            a[i] = shift + r.nextGaussian();
            b[i] = shift + r.nextGaussian();
            label[i] = rare ? "rare" : "common";
        }
        return Table.create("imbalanced", DoubleColumn.create("a", a), DoubleColumn.create("b", b), StringColumn.create("label", label));
    }

    static final Table TRAIN = imbalanced(2000, 1);
    static final Table TEST = imbalanced(2000, 2);

    /** Recall of "rare", the second class in sorted order. */
    static double rareRecall(ClassificationModel model) {
        assertEquals(List.of("common", "rare"), model.classes());
        return model.evaluate(TEST).recall()[1];
    }

    @Test
    void balancedIsSklearnFormulaAndMapsGoByClassName() {
        int[] y = {0, 0, 0, 1};
        assertArrayEquals(new double[] {4 / (2 * 3.0), 4 / (2 * 1.0)}, ClassWeights.BALANCED.resolve(y, List.of("a", "b")), 1e-12);
        assertArrayEquals(new double[] {1, 5}, ClassWeights.of(Map.of("b", 5.0)).resolve(y, List.of("a", "b")), 0);
        var e = assertThrows(IllegalArgumentException.class, () -> ClassWeights.of(Map.of("c", 5.0)).resolve(y, List.of("a", "b")));
        assertTrue(e.getMessage().startsWith("Expected class weights for the classes [a, b], found a weight for 'c'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClassWeights.of(Map.of("a", -1.0)));
        assertTrue(e.getMessage().startsWith("Expected a finite positive weight for class 'a', found -1.0"), e.getMessage());
        assertArrayEquals(new int[] {19, 1}, SmileClassification.bootstrapDivisors(new double[] {20 / 38.0, 10}));
    }

    @Test
    void balancedWeightsRaiseTheRareRecallOfAnMlp() {
        MlpClassifier.Builder b = MlpClassifier.builder().optHidden(8).optEpochs(5).optLearningRate(0.01).optProgress(false)
                .setFeatures("a", "b").setLabel("label");
        try (DjlClassifier plain = b.build().fit(TRAIN);
                DjlClassifier weighted = b.optClassWeights(ClassWeights.BALANCED).build().fit(TRAIN, TEST)) {
            double before = rareRecall(plain);
            double after = rareRecall(weighted);
            assertTrue(after > before + 0.3, "rare recall " + before + " unweighted, " + after + " balanced");
            assertTrue(weighted.description().contains("class weights"), weighted.description());
        }
    }

    @Test
    void balancedWeightsRaiseTheRareRecallOfARandomForest() {
        var b = SmileClassification.randomForest().optTrees(30).optMaxDepth(4).setFeatures("a", "b").setLabel("label");
        double before = rareRecall(b.build().fit(TRAIN));
        double after = rareRecall(b.optClassWeights(ClassWeights.BALANCED).build().fit(TRAIN));
        assertTrue(after > before + 0.3, "rare recall " + before + " unweighted, " + after + " balanced");
        double byMap = rareRecall(b.optClassWeights(Map.of("rare", 19.0)).build().fit(TRAIN));
        assertTrue(byMap > before + 0.3, "rare recall " + before + " unweighted, " + byMap + " with rare=19");
    }

    /**
     * 95% "common", 5% "rare" three-word texts, mostly from words both classes use; a word of the
     * class's own comes up one time in three, so an unweighted fit rarely says "rare".
     */
    static TextSet imbalancedTexts(int n, long seed) {
        String[] shared = {"the", "a", "item", "day", "thing", "one", "it", "this"};
        String[] common = {"blue", "calm", "plain"};
        String[] rare = {"red", "loud", "odd"};
        Random r = new Random(seed);
        List<String> texts = new ArrayList<>();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 20 == 0 ? 1 : 0;
            String[] own = labels[i] == 1 ? rare : common;
            StringBuilder t = new StringBuilder();
            for (int w = 0; w < 3; w++) {
                t.append(w == 0 ? "" : " ").append(r.nextInt(3) == 0 ? own[r.nextInt(own.length)] : shared[r.nextInt(shared.length)]);
            }
            texts.add(t.toString());
        }
        return new TextSet("imbalanced", texts, labels, List.of("common", "rare"));
    }

    @Test
    void balancedWeightsRaiseTheRareRecallOfATransformer() {
        TextSet train = imbalancedTexts(600, 1);
        TextSet test = imbalancedTexts(600, 2);
        TransformerClassifier.Builder b = TransformerClassifier.builder().optEmbeddingSize(16).optHeads(2).optLayers(1).optFeedForward(32)
                .optMaxLength(3).optEpochs(3).optBatchSize(32).optLearningRate(0.005).optProgress(false);
        try (TextClassifier plain = b.build().fit(train);
                TextClassifier weighted = b.optClassWeights(ClassWeights.BALANCED).build().fit(train, test)) {
            double before = plain.evaluate(test).recall()[1];
            double after = weighted.evaluate(test).recall()[1];
            assertTrue(after > before + 0.3, "rare recall " + before + " unweighted, " + after + " balanced");
            assertTrue(weighted.description().contains("class weights"), weighted.description());
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> b.optClassWeights(Map.of("rarely", 5.0)).build().fit(train));
        assertTrue(e.getMessage().startsWith("Expected class weights for the classes [common, rare], found a weight for 'rarely'"), e.getMessage());
    }
}
