package dev.jotter.toolkit.train;

import dev.jotter.toolkit.data.WorkingDirectory;
import dev.jotter.toolkit.metrics.Metrics;
import dev.jotter.toolkit.train.djl.LoopControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Saves the model during training, as Keras' {@code ModelCheckpoint}: after every epoch into
 * {@code dir/epoch-N}, or with {@link #bestOnly} only when the monitored metric improves, into
 * {@code dir/best}. Each saved directory loads with the fitted model's {@code load(path)}.
 *
 * <pre>{@code
 * jshell> var trainer = MlpClassifier.builder()....optListener(Checkpoint.bestOnly(Path.of("ckpt"), "val_loss")).build();
 * }</pre>
 */
public final class Checkpoint implements TrainingListener, LoopControl.Aware {

    private final Path dir;
    private final String monitor;
    private LoopControl control;
    private double best;

    private Checkpoint(Path dir, String monitor) {
        this.dir = dir;
        this.monitor = monitor;
    }

    /**
     * @param dir where to write {@code epoch-1}, {@code epoch-2}, ...
     * @return a checkpoint saving after every epoch
     */
    public static Checkpoint everyEpoch(Path dir) {
        dir = WorkingDirectory.resolve(dir);
        return new Checkpoint(dir, null);
    }

    /**
     * @param dir where to write {@code best}
     * @param monitor the metric whose improvement triggers a save; higher is better as {@link Metrics#higherIsBetter}
     *     says (accuracy, r2, auc, ...), lower otherwise, as for {@link EarlyStopping}
     * @return a checkpoint saving only improvements
     */
    public static Checkpoint bestOnly(Path dir, String monitor) {
        dir = WorkingDirectory.resolve(dir);
        return new Checkpoint(dir, monitor);
    }

    @Override
    public void attach(LoopControl control) {
        this.control = control;
        best = Double.NaN;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> metrics, History soFar) {
        try {
            if (monitor == null) {
                control.save(dir.resolve("epoch-" + epoch));
                return;
            }
            Double v = metrics.get(monitor);
            if (v == null) {
                throw new IllegalStateException("Expected the checkpoint's metric '" + monitor + "' among this fit's metrics, found "
                        + metrics.keySet() + "; pass validation data to fit(train, validation) or monitor \"loss\".");
            }
            boolean maximize = Metrics.higherIsBetter(monitor);
            if (Double.isNaN(best) || (maximize ? v > best : v < best)) {
                best = v;
                control.save(dir.resolve("best"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write checkpoint under " + dir + ": " + e.getMessage(), e);
        }
    }
}
