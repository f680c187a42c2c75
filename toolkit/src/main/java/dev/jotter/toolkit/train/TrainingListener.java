package dev.jotter.toolkit.train;

import java.util.Map;

/**
 * Receives training events from a fit loop: progress bars, live plots, early stopping and
 * checkpoints are all listeners. Every method has an empty default so an implementation
 * overrides only what it needs.
 *
 * <p>Epochs and batches are counted from 1, as a student reads them in a progress bar.
 */
public interface TrainingListener {

    /**
     * Called once before the first epoch.
     *
     * @param info what is about to be trained and for how long
     */
    default void onTrainBegin(TrainingInfo info) {}

    /**
     * Called after every batch.
     *
     * @param epoch the current epoch, from 1
     * @param batch the batch just finished within the epoch, from 1
     * @param loss the batch's training loss
     */
    default void onBatchEnd(int epoch, int batch, double loss) {}

    /**
     * Called after every epoch, once the validation metrics (if any) are known.
     *
     * @param epoch the epoch just finished, from 1
     * @param metrics this epoch's values, named as in {@link History}
     * @param soFar every epoch so far, this one included
     */
    default void onEpochEnd(int epoch, Map<String, Double> metrics, History soFar) {}

    /**
     * Called once after the last epoch, also when training stopped early.
     *
     * @param history the complete history
     */
    default void onTrainEnd(History history) {}

    /**
     * What a fit is about to do, handed to {@link #onTrainBegin}.
     *
     * @param model a short model description, e.g. {@code "MLP 784-128-64-10"}
     * @param epochs the number of epochs planned
     * @param batchesPerEpoch the number of batches in one epoch
     * @param device where training runs, e.g. {@code "cpu()"} or {@code "gpu(0)"}
     */
    record TrainingInfo(String model, int epochs, int batchesPerEpoch, String device) {}
}
