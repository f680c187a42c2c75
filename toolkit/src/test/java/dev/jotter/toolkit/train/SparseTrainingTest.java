package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.data.Datasets;
import dev.jotter.toolkit.data.SparseMatrix;
import dev.jotter.toolkit.data.TextSet;
import dev.jotter.toolkit.prep.TfIdf;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Training on a {@link SparseMatrix} must be training on its dense rows, batch for batch. */
class SparseTrainingTest {

    @Test
    void tfIdfLogisticRegressionPredictsAsOnTheDenseMatrix() {
        TextSet texts = Datasets.text("sentiment");
        texts = texts.select(dev.jotter.toolkit.prep.Split.stratifiedIndices(texts.labels(), 0.5, 42).train());
        TextSet train = texts.head(240);
        TextSet test = texts.select(java.util.stream.IntStream.range(240, 320).toArray());
        TfIdf.Fitted tfidf = TfIdf.builder().build().fit(train.texts());
        SparseMatrix x = tfidf.transform(train.texts());
        SparseMatrix xTest = tfidf.transform(test.texts());
        MlpClassifier logistic = MlpClassifier.builder().optHidden().optStandardize(false).optLearningRate(0.01).optEpochs(3)
                .optProgress(false).build();
        try (DjlClassifier sparse = logistic.fit(x, train.labels(), xTest, test.labels());
                DjlClassifier dense = logistic.fit(x.toDense(), train.labels(), xTest.toDense(), test.labels())) {
            assertEquals(dense.history().get("val_loss"), sparse.history().get("val_loss"));
            assertArrayEquals(dense.predict(xTest.toDense()), sparse.predict(xTest));
            double[][] pDense = dense.predictProbabilities(xTest.toDense());
            double[][] pSparse = sparse.predictProbabilities(xTest);
            for (int i = 0; i < pDense.length; i++) {
                assertArrayEquals(pDense[i], pSparse[i], 1e-6, "row " + i);
            }
            assertEquals(dense.evaluate(xTest.toDense(), test.labels()).accuracy(), sparse.evaluate(xTest, test.labels()).accuracy());
        }
    }

    @Test
    void standardizedHiddenLayersTrainAsOnTheDenseMatrix() {
        Random r = new Random(7);
        double[][] d = new double[90][25];
        int[] y = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            for (int j = 0; j < d[i].length; j++) {
                d[i][j] = r.nextDouble() < 0.15 ? r.nextGaussian() : 0;
            }
            y[i] = d[i][0] + d[i][1] - d[i][2] > 0 ? 1 : i % 3 == 0 ? 2 : 0;
        }
        MlpClassifier mlp = MlpClassifier.builder().optHidden(8).optEpochs(4).optBatchSize(16).optProgress(false).build();
        try (DjlClassifier sparse = mlp.fit(SparseMatrix.fromDense(d), y); DjlClassifier dense = mlp.fit(d, y)) {
            assertEquals(dense.history().get("loss"), sparse.history().get("loss"));
            assertArrayEquals(dense.predict(d), sparse.predict(SparseMatrix.fromDense(d)));
        }
    }

    @Test
    void badSparseInputFailsBeforeTraining() {
        MlpClassifier t = MlpClassifier.builder().optProgress(false).build();
        SparseMatrix x = SparseMatrix.fromDense(new double[][] {{1, 0}, {0, 1}});
        var e = assertThrows(IllegalArgumentException.class, () -> t.fit(x, new int[] {0}));
        assertTrue(e.getMessage().contains("found 2 rows and 1 labels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.fit(x, new int[] {0, 0}));
        assertTrue(e.getMessage().contains("at least 2 classes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> t.fit(x, new int[] {0, 1}, SparseMatrix.fromDense(new double[][] {{1, 0, 0}}), new int[] {0}));
        assertEquals("Expected 2 validation features (as in training), found 3; transform both with the same fitted vectorizer.", e.getMessage());
        try (DjlClassifier m = MlpClassifier.builder().optHidden().optEpochs(1).optProgress(false).build().fit(x, new int[] {0, 1})) {
            e = assertThrows(IllegalArgumentException.class, () -> m.predict(SparseMatrix.fromDense(new double[][] {{1}})));
            assertTrue(e.getMessage().startsWith("Expected 2 features per row (as in training), found 1"), e.getMessage());
        }
    }
}
