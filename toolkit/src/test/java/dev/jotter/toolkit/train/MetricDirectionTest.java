package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.metrics.Metrics;
import dev.jotter.toolkit.train.djl.LoopControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EarlyStopping and Checkpoint decide "better" by one rule, so a checkpoint on val_r2 keeps the best model. */
class MetricDirectionTest {

    /** One value per epoch: rises to its best at epoch 3, then falls; the opposite for a loss. */
    private static final double[] UP_THEN_DOWN = {0.2, 0.6, 0.9, 0.4, 0.1};

    /**
     * The loop's side of the callbacks: a save writes the epoch it was made in, so the files on
     * disk say which model each directory holds.
     */
    private static final class RecordingControl implements LoopControl {
        int epoch;

        @Override
        public void requestStop() {}

        @Override
        public void rememberBest() {}

        @Override
        public void restoreBest() {}

        @Override
        public void save(Path dir) throws IOException {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("epoch"), String.valueOf(epoch));
        }
    }

    /** Runs the epochs through a checkpoint and an early stopping on one metric; returns {checkpoint's epoch, early stopping's}. */
    private static int[] bestEpochs(Path dir, String metric, double[] values) throws IOException {
        RecordingControl control = new RecordingControl();
        Checkpoint checkpoint = Checkpoint.bestOnly(dir, metric);
        EarlyStopping stopping = EarlyStopping.builder().optMonitor(metric).optPatience(values.length).build();
        checkpoint.attach(control);
        stopping.attach(control);
        for (int e = 1; e <= values.length; e++) {
            control.epoch = e;
            Map<String, Double> metrics = Map.of(metric, values[e - 1]);
            checkpoint.onEpochEnd(e, metrics, History.of(Map.of()));
            stopping.onEpochEnd(e, metrics, History.of(Map.of()));
        }
        return new int[] {Integer.parseInt(Files.readString(dir.resolve("best").resolve("epoch"))), stopping.bestEpoch()};
    }

    @Test
    void checkpointOnValR2KeepsTheHighestR2(@TempDir Path dir) throws IOException {
        assertEquals(3, bestEpochs(dir, "val_r2", UP_THEN_DOWN)[0], "the epoch with val_r2 = 0.9");
    }

    @Test
    void earlyStoppingAndCheckpointAgreeForEveryMetricName(@TempDir Path dir) throws IOException {
        List<String> higher = List.of("accuracy", "r2", "auc", "f1", "precision", "recall", "val_macro_f1", "roc_auc");
        List<String> lower = List.of("loss", "mse", "rmse", "mae", "log_loss");
        for (String base : List.of(higher, lower).stream().flatMap(List::stream).toList()) {
            for (String metric : List.of(base, "val_" + base)) {
                boolean up = higher.contains(base);
                assertEquals(up, Metrics.higherIsBetter(metric), metric);
                int[] best = bestEpochs(dir.resolve(metric), metric, UP_THEN_DOWN);
                assertEquals(best[0], best[1], metric + ": checkpoint and early stopping disagree");
                assertEquals(up ? 3 : 5, best[0], metric);
            }
        }
        assertTrue(Metrics.higherIsBetter("val_accuracy"));
        assertFalse(Metrics.higherIsBetter("val_loss"));
    }
}
