package dev.jotter.toolkit.train.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

class WeightedSoftmaxCrossEntropyTest {

    @Test
    void unitWeightsGiveDjlsLossAndOtherWeightsScaleEachExample() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] logits = {2.0f, -1.0f, 0.5f, 0.1f, 0.3f, -0.7f, 1.5f, 1.4f, -2.0f};
            NDList scores = new NDList(m.create(logits, new Shape(3, 3)));
            NDList labels = new NDList(m.create(new int[] {0, 2, 1}));
            float plain = Loss.softmaxCrossEntropyLoss("loss").evaluate(labels, scores).getFloat();
            assertEquals(plain, new WeightedSoftmaxCrossEntropy("loss", new float[] {1, 1, 1}).evaluate(labels, scores).getFloat(), 1e-6);

            // By hand: the mean of weight(label) * -log softmax(row)[label].
            double expected = 0;
            int[] y = {0, 2, 1};
            float[] w = {0.5f, 2f, 3f};
            for (int i = 0; i < 3; i++) {
                double sum = 0;
                for (int j = 0; j < 3; j++) {
                    sum += Math.exp(logits[3 * i + j]);
                }
                expected += w[y[i]] * -(logits[3 * i + y[i]] - Math.log(sum));
            }
            assertEquals(expected / 3, new WeightedSoftmaxCrossEntropy("loss", w).evaluate(labels, scores).getFloat(), 1e-5);
        }
    }
}
