package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

class CustomLoopTest {

    @Test
    void learnsALineWithoutGrowingNativeMemory() {
        float[] xs = new float[64];
        float[] ys = new float[64];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i / 32f - 1;
            ys[i] = 2 * xs[i] + 1;
        }
        Loss mse = Loss.l2Loss("mse", 1);
        try (CustomLoop loop = CustomLoop.builder().setBlock(Linear.builder().setUnits(1).build()).setInputShape(new Shape(1, 1))
                .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build()).build()) {
            float first = 0;
            float last = 0;
            int arraysAfter10 = 0;
            for (int s = 0; s < 300; s++) {
                last = loop.step(m -> {
                    NDArray x = m.create(xs, new Shape(64, 1));
                    NDArray y = m.create(ys, new Shape(64, 1));
                    return mse.evaluate(new NDList(y), new NDList(loop.forward(x)));
                });
                if (s == 0) {
                    first = last;
                }
                if (s == 10) {
                    arraysAfter10 = loop.modelManager().getManagedArrays().size();
                }
            }
            assertTrue(last < 1e-4 && last < first, "loss " + first + " -> " + last);
            assertEquals(arraysAfter10, loop.modelManager().getManagedArrays().size(), "native arrays must not pile up across steps");
            try (NDManager m = loop.newManager()) {
                assertEquals(5f, loop.predict(m.create(new float[] {2f}, new Shape(1, 1))).getFloat(), 1e-2f);
            }
        }
    }
}
