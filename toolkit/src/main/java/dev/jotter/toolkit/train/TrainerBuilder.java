package dev.jotter.toolkit.train;

import ai.djl.Device;
import dev.jotter.toolkit.train.djl.FitOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Options shared by the builders of the DJL trainers, which all train with one loop, in DJL's
 * convention: {@code setX} for what is required, {@code optX} for what has a default. Defaults:
 * 10 epochs, batch size 32, seed 42, shuffled every epoch, no clipping, no weight decay,
 * {@link Devices#preferred()}, progress shown. Table columns are not among them: only the
 * trainers that read tables offer {@code setFeatures}/{@code setLabel}.
 *
 * @param <B> the concrete builder, so chained calls keep their type
 */
public abstract class TrainerBuilder<B extends TrainerBuilder<B>> {

    /** Default seed of every random step (weight init, dropout, shuffling). */
    public static final long DEFAULT_SEED = 42;

    int epochs = 10;
    int batchSize = 32;
    double learningRate;
    LearningRateSchedule schedule = LearningRateSchedule.constant();
    long seed = DEFAULT_SEED;
    boolean shuffle = true;
    double clipNorm;
    double weightDecay;
    Device device;
    final List<TrainingListener> listeners = new ArrayList<>();
    boolean progress = true;

    TrainerBuilder(double defaultLearningRate) {
        this.learningRate = defaultLearningRate;
    }

    /** @return this builder, typed */
    @SuppressWarnings("unchecked")
    protected B self() {
        // Safe: B is bound to the subclass itself by every builder's declaration.
        return (B) this;
    }

    /**
     * @param epochs passes over the training data (default 10)
     * @return this builder
     */
    public B optEpochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("Expected at least 1 epoch, found " + epochs + ".");
        }
        this.epochs = epochs;
        return self();
    }

    /**
     * @param batchSize examples per gradient step (default 32)
     * @return this builder
     */
    public B optBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("Expected a batch size of at least 1, found " + batchSize + ".");
        }
        this.batchSize = batchSize;
        return self();
    }

    /**
     * @param learningRate the optimizer's step size (default depends on the model)
     * @return this builder
     */
    public B optLearningRate(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("Expected a positive learning rate, found " + learningRate + ".");
        }
        this.learningRate = learningRate;
        return self();
    }

    /**
     * @param schedule the learning rate per epoch (default constant)
     * @return this builder
     */
    public B optLearningRateSchedule(LearningRateSchedule schedule) {
        this.schedule = schedule;
        return self();
    }

    /**
     * @param seed seeds weight initialization, dropout and shuffling (default 42)
     * @return this builder
     */
    public B optSeed(long seed) {
        this.seed = seed;
        return self();
    }

    /**
     * @param shuffle whether to reshuffle the training examples every epoch (default true)
     * @return this builder
     */
    public B optShuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return self();
    }

    /**
     * @param maxNorm rescale gradients whose global L2 norm exceeds this (default off)
     * @return this builder
     */
    public B optGradientClipNorm(double maxNorm) {
        this.clipNorm = maxNorm;
        return self();
    }

    /**
     * @param weightDecay L2 penalty applied by the optimizer (default 0)
     * @return this builder
     */
    public B optWeightDecay(double weightDecay) {
        this.weightDecay = weightDecay;
        return self();
    }

    /**
     * @param device where to train, e.g. {@code Device.cpu()} (default {@link Devices#preferred()})
     * @return this builder
     */
    public B optDevice(Device device) {
        this.device = device;
        return self();
    }

    /**
     * @param listener called on training events; may be {@link EarlyStopping} or {@link Checkpoint}
     * @return this builder
     */
    public B optListener(TrainingListener listener) {
        this.listeners.add(listener);
        return self();
    }

    /**
     * @param earlyStopping stops when the monitored metric stops improving
     * @return this builder
     */
    public B optEarlyStopping(EarlyStopping earlyStopping) {
        return optListener(earlyStopping);
    }

    /**
     * @param progress whether to attach the {@link DefaultListeners} (progress bar, live chart); default true
     * @return this builder
     */
    public B optProgress(boolean progress) {
        this.progress = progress;
        return self();
    }

    FitOptions options() {
        return new FitOptions(epochs, batchSize, learningRate, schedule, seed, shuffle, clipNorm, weightDecay,
                device != null ? device : Devices.preferred(), listeners, progress);
    }

    String trainingSummary() {
        return "epochs=" + epochs + ", batch=" + batchSize + ", lr=" + learningRate + ", seed=" + seed;
    }
}
