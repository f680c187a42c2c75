package dev.jotter.toolkit.train;

import dev.jotter.toolkit.metrics.Metrics;
import dev.jotter.toolkit.train.djl.LoopControl;
import java.util.Map;

/**
 * Stops training when a monitored metric stops improving, as Keras' {@code EarlyStopping}, and by
 * default puts back the weights of the best epoch.
 *
 * <pre>{@code
 * jshell> var es = EarlyStopping.builder().optMonitor("val_loss").optPatience(3).build();
 * jshell> var model = MlpClassifier.builder()....optEarlyStopping(es).build().fit(train, valid);
 * jshell> es.bestEpoch()
 * }</pre>
 *
 * <p>A fresh instance per fit: it keeps the best value it has seen.
 */
public final class EarlyStopping implements TrainingListener, LoopControl.Aware {

    private final String monitor;
    private final int patience;
    private final double minDelta;
    private final boolean restoreBest;
    private final boolean maximize;
    private LoopControl control;
    private double best;
    private int bestEpoch;
    private int stoppedEpoch;
    private int wait;

    private EarlyStopping(Builder b) {
        this.monitor = b.monitor;
        this.patience = b.patience;
        this.minDelta = b.minDelta;
        this.restoreBest = b.restoreBest;
        this.maximize = b.maximize != null ? b.maximize : Metrics.higherIsBetter(monitor);
    }

    /** @return a builder monitoring {@code val_loss} with patience 5, restoring the best weights */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void attach(LoopControl control) {
        this.control = control;
        best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        bestEpoch = 0;
        stoppedEpoch = 0;
        wait = 0;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> metrics, History soFar) {
        Double value = metrics.get(monitor);
        if (value == null) {
            throw new IllegalStateException("Expected the early-stopping metric '" + monitor + "' among this fit's metrics, found "
                    + metrics.keySet() + "; pass validation data to fit(train, validation) or monitor \"loss\".");
        }
        boolean improved = maximize ? value > best + minDelta : value < best - minDelta;
        if (improved) {
            best = value;
            bestEpoch = epoch;
            wait = 0;
            if (restoreBest && control != null) {
                control.rememberBest();
            }
        } else if (++wait >= patience) {
            stoppedEpoch = epoch;
            if (control != null) {
                control.requestStop();
            }
        }
    }

    @Override
    public void onTrainEnd(History history) {
        if (restoreBest && control != null && bestEpoch > 0 && bestEpoch != history.epochs()) {
            control.restoreBest();
        }
    }

    /** @return the epoch (from 1) with the best monitored value, 0 before training */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** @return the best monitored value seen */
    public double bestValue() {
        return best;
    }

    /** @return the epoch at which training was stopped, or 0 if it ran to the end */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** Configures an {@link EarlyStopping}. */
    public static final class Builder {
        private String monitor = "val_loss";
        private int patience = 5;
        private double minDelta;
        private boolean restoreBest = true;
        private Boolean maximize;

        private Builder() {}

        /**
         * @param monitor the metric to watch, e.g. {@code "val_loss"} (default) or {@code "val_accuracy"}
         * @return this builder
         */
        public Builder optMonitor(String monitor) {
            this.monitor = monitor;
            return this;
        }

        /**
         * @param patience epochs without improvement before stopping (default 5)
         * @return this builder
         */
        public Builder optPatience(int patience) {
            if (patience < 1) {
                throw new IllegalArgumentException("Expected patience >= 1, found " + patience + ".");
            }
            this.patience = patience;
            return this;
        }

        /**
         * @param minDelta the smallest change that counts as an improvement (default 0)
         * @return this builder
         */
        public Builder optMinDelta(double minDelta) {
            this.minDelta = minDelta;
            return this;
        }

        /**
         * @param restoreBest whether to put back the best epoch's weights at the end (default true)
         * @return this builder
         */
        public Builder optRestoreBest(boolean restoreBest) {
            this.restoreBest = restoreBest;
            return this;
        }

        /**
         * @param maximize whether higher is better; by default {@link Metrics#higherIsBetter} of the monitor
         * @return this builder
         */
        public Builder optMaximize(boolean maximize) {
            this.maximize = maximize;
            return this;
        }

        /** @return the configured callback */
        public EarlyStopping build() {
            return new EarlyStopping(this);
        }
    }
}
