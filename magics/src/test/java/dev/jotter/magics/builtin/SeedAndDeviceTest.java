package dev.jotter.magics.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.magics.JShellContext;
import dev.jotter.magics.MagicException;
import dev.jotter.toolkit.notebook.DeviceMagic;
import dev.jotter.toolkit.notebook.SeedMagic;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one test class that loads the DJL engine (PyTorch natives), for %seed and %device. */
class SeedAndDeviceTest {
    @TempDir
    Path dir;

    @Test
    void seedMakesDjlSmileAndTheToolkitRepeatable() throws Exception {
        try (JShellContext ctx = new JShellContext(dir)) {
            ctx.run("%seed 7");
            assertEquals("7", System.getProperty(SeedMagic.PROPERTY));
            assertEquals("Seeded with 7: toolkit (jotter.seed), DJL, Smile.\n", ctx.takeOut());
            assertEquals(7, ai.djl.engine.Engine.getInstance().getSeed());
            double a = smileDrawOnANewThread();
            ctx.run("%seed 7");
            assertEquals(a, smileDrawOnANewThread(), "a new thread after %seed draws the same number");
            MagicException e = assertThrows(MagicException.class, () -> ctx.run("%seed x"));
            assertTrue(e.getMessage().startsWith("'x' is not a whole number"), e.getMessage());
        } finally {
            System.clearProperty(SeedMagic.PROPERTY);
        }
    }

    /**
     * A cell that trains Smile's gradient boosting with row subsampling, which draws from the
     * generator of the thread running the cell, and shows the fitted trees' feature importance.
     */
    private static final String TRAIN_SMILE = """
            double[][] x = new double[200][2];
            int[] y = new int[200];
            java.util.Random data = new java.util.Random(1);
            for (int i = 0; i < x.length; i++) {
                x[i][0] = data.nextGaussian();
                x[i][1] = data.nextGaussian();
                y[i] = x[i][0] + 0.5 * data.nextGaussian() > 0 ? 1 : 0;
            }
            var frame = smile.data.DataFrame.of(x, "a", "b").add(smile.data.vector.ValueVector.of("y", y));
            var boost = smile.classification.GradientTreeBoost.fit(smile.data.formula.Formula.lhs("y"), frame,
                    new smile.classification.GradientTreeBoost.Options(20, 3, 6, 5, 0.1, 0.7, null, null));
            java.util.Arrays.toString(boost.importance())
            """;

    @Test
    void seedReseedsSmileForAModelTrainedInALaterCell() throws Exception {
        try (JShellContext ctx = new JShellContext(dir)) {
            // Smile's generator on the cell thread exists before %seed, as in a notebook that already trained.
            ctx.run(TRAIN_SMILE);
            ctx.run("%seed 7");
            Object first = ctx.run(TRAIN_SMILE);
            ctx.run(TRAIN_SMILE);
            ctx.run("%seed 7");
            assertEquals(first, ctx.run(TRAIN_SMILE), "the same model after a fresh %seed 7");
            ctx.run("%seed 8");
            assertNotEquals(first, ctx.run(TRAIN_SMILE), "the subsampling does follow the seed");
        } finally {
            System.clearProperty(SeedMagic.PROPERTY);
        }
    }

    private static double smileDrawOnANewThread() throws InterruptedException {
        double[] out = new double[1];
        Thread t = Thread.ofPlatform().start(() -> out[0] = smile.math.MathEx.random());
        t.join();
        return out[0];
    }

    @Test
    void deviceReportsEngineVersionGpusAndDevice() throws Exception {
        try (JShellContext ctx = new JShellContext(dir)) {
            DeviceMagic.DeviceInfo info = assertInstanceOf(DeviceMagic.DeviceInfo.class, ctx.run("%device"));
            assertEquals("PyTorch", info.engine());
            assertEquals(ai.djl.engine.Engine.getDjlVersion(), info.djlVersion());
            assertTrue(info.gpus() >= 0);
            assertEquals(info.gpus() > 0 ? "gpu(0)" : "cpu()", info.device());
            assertTrue(info.toString().contains("Training device: " + info.device()));
            // Where libtorch came from, what DJL's JNI jar carries, the driver and why this device.
            assertTrue(info.toString().contains("\nJNI: pytorch-jni 2.7.1-0.36.0 (cpu, cu128 for "), info.toString());
            assertTrue(info.toString().contains("\nlibtorch: /"), info.toString());
            assertTrue(info.toString().contains("\nNVIDIA driver: "), info.toString());
            assertTrue(info.toString().contains("\nWhy: " + info.details().reason()), info.toString());
        }
    }
}
