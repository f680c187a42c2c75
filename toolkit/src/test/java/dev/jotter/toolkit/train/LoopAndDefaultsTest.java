package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.jotter.toolkit.data.Datasets;
import dev.jotter.toolkit.train.djl.BatchSource;
import dev.jotter.toolkit.train.djl.FitLoop;
import dev.jotter.toolkit.train.djl.FitOptions;
import dev.jotter.toolkit.train.djl.MlpSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class LoopAndDefaultsTest {

    static int managedArraysAfter(int epochs) {
        Random r = new Random(3);
        float[][] x = new float[200][4];
        int[] y = new int[200];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % 2;
            for (int j = 0; j < 4; j++) {
                x[i][j] = (float) r.nextGaussian() + y[i];
            }
        }
        FitOptions o = new FitOptions(epochs, 16, 0.01, LearningRateSchedule.constant(), 42, true, 1.0, 0, Device.cpu(), List.of(), false);
        FitLoop.Result result = FitLoop.run("leak", new MlpSpec(4, new int[] {8}, 2, 0.1f).build(), FitLoop.OptimizerKind.ADAM, o,
                new BatchSource.Dense(x, null, y), new BatchSource.Dense(x, null, y), (b, d) -> {}, null);
        try (var model = result.model()) {
            return model.getNDManager().getManagedArrays().size();
        }
    }

    @Test
    void fitLoopLeavesNoNativeArraysBehindPerStep() {
        // 13 steps per epoch with clipping and validation: any per-step leak would differ by dozens.
        assertEquals(managedArraysAfter(1), managedArraysAfter(4));
    }

    @Test
    void defaultListenersAreAttachedUnlessSwitchedOff() {
        List<String> seen = new ArrayList<>();
        DefaultListeners.register(() -> new TrainingListener() {
            @Override
            public void onTrainBegin(TrainingInfo info) {
                seen.add(info.model());
            }
        });
        String before = System.getProperty("jotter.progress");
        try {
            double[][] x = {{1}, {2}, {3}};
            double[] y = {1, 2, 3};
            System.setProperty("jotter.progress", "on");
            SgdRegressor.builder().optEpochs(1).build().fit(x, y).close();
            assertEquals(1, seen.size());
            SgdRegressor.builder().optEpochs(1).optProgress(false).build().fit(x, y).close();
            assertEquals(1, seen.size(), "optProgress(false) skips the default listeners");
            System.setProperty("jotter.progress", "off");
            SgdRegressor.builder().optEpochs(1).build().fit(x, y).close();
            assertEquals(1, seen.size(), "JOTTER_PROGRESS=off skips the default listeners");
        } finally {
            DefaultListeners.clear();
            if (before == null) {
                System.clearProperty("jotter.progress");
            } else {
                System.setProperty("jotter.progress", before);
            }
        }
    }

    @Test
    void cpuByDefaultOfflineAndQuiet() {
        assertEquals(Device.cpu(), Devices.preferred());
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertTrue(Devices.cpuNatives());
        assertEquals(Device.gpu(1), Devices.parse("gpu:1"));
    }

    @Test
    void oneLibtorchThreadOnTwoCoresUnlessChosen() {
        assertEquals("1", Devices.defaultThreads(2, null, null));
        assertEquals("1", Devices.defaultThreads(1, null, null));
        assertEquals(null, Devices.defaultThreads(4, null, null), "bigger machines keep libtorch's default");
        assertEquals(null, Devices.defaultThreads(2, "2", null), "an explicit property wins");
        assertEquals(null, Devices.defaultThreads(2, null, "2"), "OMP_NUM_THREADS wins");
    }

    @Test
    void infoSaysWhichDeviceAndWhy() {
        Devices.Info info = Devices.info();
        assertEquals("PyTorch", info.engine());
        assertTrue(info.engineVersion().startsWith("2."), info.engineVersion());
        if (info.gpuCount() == 0) {
            // The CPU natives from Maven Central, or a libtorch folder from JOTTER_TORCH_LIBRARY (its flavour).
            assertTrue(info.natives().startsWith("cpu") || info.natives().startsWith("cu"), info.natives());
            assertEquals(Device.cpu(), info.preferred());
            assertTrue(info.reason().contains("CPU natives") || info.reason().contains("no GPU"), info.reason());
            assertTrue(info.toString().contains("preferred: cpu()"), info.toString());
            // What DJL carries and where libtorch came from are named, whatever the machine.
            assertTrue(info.jni().startsWith("pytorch-jni 2.7.1-0.36.0 (cpu, cu128 for "), info.jni());
            assertTrue(info.toString().contains("\nJNI:       pytorch-jni") && info.toString().contains("\nlibtorch:  /"), info.toString());
            assertTrue(info.toString().contains("\ndriver:    "), info.toString());
            assertEquals(info.driver() != null, info.fix() != null, "a fix exactly when a driver is there: " + info);
        } else {
            assertEquals(Device.gpu(0), info.preferred(), info.reason());
        }
        String before = System.getProperty("jotter.device");
        try {
            System.setProperty("jotter.device", "gpu:1");
            Devices.Info forced = Devices.info();
            assertEquals(Device.gpu(1), forced.preferred());
            assertTrue(forced.reason().contains("jotter.device (gpu:1)"), forced.reason());
        } finally {
            if (before == null) {
                System.clearProperty("jotter.device");
            } else {
                System.setProperty("jotter.device", before);
            }
        }
    }

    @Test
    void carsNotebookFlowWithMlpRegressor() {
        Table cars = Datasets.load("cars").dropRowsWithMissingValues();
        int[] idx = new int[cars.rowCount()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        FitLoop.shuffle(idx, new Random(42));
        int cut = idx.length * 8 / 10;
        Table[] parts = {cars.rows(java.util.Arrays.copyOfRange(idx, 0, cut)), cars.rows(java.util.Arrays.copyOfRange(idx, cut, idx.length))};
        try (DjlRegressor model = MlpRegressor.builder().setFeatures("horsepower", "weight", "year").setLabel("mpg").optHidden(32, 16)
                .optEpochs(40).optLearningRate(0.01).optProgress(false).build().fit(parts[0], parts[1])) {
            var metrics = model.evaluate(parts[1]);
            assertTrue(metrics.r2() > 0.7, metrics.toString());
            assertEquals(model.predict(parts[1]).length, parts[1].rowCount());
        }
    }
}
