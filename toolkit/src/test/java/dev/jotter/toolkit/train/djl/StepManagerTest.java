package dev.jotter.toolkit.train.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.jotter.toolkit.train.CustomLoop;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepManagerTest {

    /**
     * What a garbage collection between the forward and the backward pass does: the JVM frees the
     * direct buffers that nothing references any more, and the next small native allocations
     * (here our own, filled with 7) take their place.
     */
    private static void collectAndReuseFreedMemory() {
        List<ByteBuffer> fill = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            System.gc();
            try {
                Thread.sleep(20); // the buffers' cleaners run on the reference handler thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < 4_000; i++) {
                fill.add(ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, 7f));
            }
        }
    }

    @Test
    void theScalarOfMulByANumberSurvivesACollectionBeforeBackward() {
        assertTrue(StepManager.guarded(), "DJL's resource table or PtNDArray.dataRef was not found: see StepManager");
        try (NDManager parent = NDManager.newBaseManager(); NDManager step = StepManager.open(parent)) {
            NDArray x = step.create(new float[] {1, 2, 3});
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // mul(Number) makes a scalar array, uses it and closes it; autograd keeps it for backward.
                NDArray y = x.mul(0.5f).sum();
                collectAndReuseFreedMemory();
                gc.backward(y);
            }
            assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, x.getGradient().toFloatArray());
        }
    }

    @Test
    void aCustomLoopStepIsTheSameWithAndWithoutACollectionInIt() {
        float[][] weights = new float[2][];
        for (int run = 0; run < 2; run++) {
            boolean collect = run == 1;
            try (CustomLoop loop = CustomLoop.builder().setBlock(Linear.builder().setUnits(1).build()).setInputShape(new Shape(1, 2))
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build()).optSeed(7).build()) {
                for (int s = 0; s < 3; s++) {
                    loop.step(m -> {
                        NDArray pred = loop.forward(m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2)));
                        NDArray loss = pred.mul(-0.5f).square().mul(3).mean();
                        if (collect) {
                            collectAndReuseFreedMemory();
                        }
                        return loss;
                    });
                }
                weights[run] = loop.block().getParameters().get(0).getValue().getArray().toFloatArray();
            }
        }
        assertArrayEquals(weights[0], weights[1]);
    }

    /**
     * A penalty on the weights themselves (L2 regularisation written by hand): the arrays it
     * makes live in the weights' manager, not the step's, and so does the scalar of
     * {@code mul(number)} that DJL closes at once.
     */
    @Test
    void aPenaltyOnTheWeightsIsTheSameWithAndWithoutACollectionInTheStep() {
        float[][] weights = new float[2][];
        for (int run = 0; run < 2; run++) {
            boolean collect = run == 1;
            try (CustomLoop loop = CustomLoop.builder().setBlock(Linear.builder().setUnits(1).build()).setInputShape(new Shape(1, 2))
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build()).optSeed(7).build()) {
                for (int s = 0; s < 3; s++) {
                    loop.step(m -> {
                        NDArray pred = loop.forward(m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2)));
                        NDArray w = loop.block().getParameters().get(0).getValue().getArray();
                        NDArray loss = pred.square().mean().add(w.square().sum().mul(0.25f));
                        if (collect) {
                            collectAndReuseFreedMemory();
                        }
                        return loss;
                    });
                }
                weights[run] = loop.block().getParameters().get(0).getValue().getArray().toFloatArray();
            }
        }
        assertArrayEquals(weights[0], weights[1]);
    }

    /** Plain DJL, no toolkit loop: a manager of the user's own, a collector of the user's own. */
    @Test
    void aPlainDjlGradientSurvivesACollectionBeforeBackward() {
        StepManager.guardProcess();
        try (NDManager mine = NDManager.newBaseManager()) {
            NDArray x = mine.create(new float[] {1, 2, 3});
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = x.mul(0.5f).sum();
                collectAndReuseFreedMemory();
                gc.backward(y);
            }
            assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, x.getGradient().toFloatArray());
        }
    }
}
