package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
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

    @Test
    void trainsABlockWithSeveralOutputsAndRunsItsPartsAlone() {
        // Two heads on one body: outputs (a, b), as a VAE's encoder returns (mean, log-variance).
        Linear body = Linear.builder().setUnits(4).build();
        Linear headA = Linear.builder().setUnits(1).build();
        Linear headB = Linear.builder().setUnits(2).build();
        ParallelBlock heads = new ParallelBlock(
                outs -> new NDList(outs.get(0).singletonOrThrow(), outs.get(1).singletonOrThrow()), List.of(headA, headB));
        SequentialBlock net = new SequentialBlock().add(body).add(heads);
        float[] xs = {1, 2, 3, 4, -1, -2};
        try (CustomLoop loop = CustomLoop.builder().setBlock(net).setInputShape(new Shape(1, 2))
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.05f)).build()).build()) {
            float first = 0;
            float last = 0;
            for (int s = 0; s < 200; s++) {
                last = loop.step(m -> {
                    NDList out = loop.forward(new NDList(m.create(xs, new Shape(3, 2))));
                    assertEquals(2, out.size());
                    assertEquals(new Shape(3, 2), out.get(1).getShape());
                    // Pull a towards 1 and b towards 0.
                    return out.get(0).sub(1).square().mean().add(out.get(1).square().mean());
                });
                if (s == 0) {
                    first = last;
                }
            }
            assertTrue(last < first / 10, "loss " + first + " -> " + last);
            try (NDManager m = loop.newManager()) {
                NDArray x = m.create(xs, new Shape(3, 2));
                NDList whole = loop.predict(new NDList(x));
                assertEquals(2, whole.size());
                NDList hidden = loop.predict(body, new NDList(x));
                NDList a = loop.predict(headA, hidden);
                assertArrayEquals(whole.get(0).toFloatArray(), a.singletonOrThrow().toFloatArray(), 1e-5f);
                assertEquals(1f, a.singletonOrThrow().mean().getFloat(), 0.1f);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> loop.predict(Linear.builder().setUnits(1).build(), new NDList(x)));
                assertEquals("Expected the trained block or a block inside it, found a Linear that is not part of SequentialBlock;"
                        + " pass the very block object you built the network from.", e.getMessage());
            }
        }
    }
}
