package dev.jotter.toolkit.train.djl;

import ai.djl.Device;
import dev.jotter.toolkit.train.DefaultListeners;
import dev.jotter.toolkit.train.LearningRateSchedule;
import dev.jotter.toolkit.train.TrainingListener;
import java.util.List;

/**
 * Everything a fit loop needs besides the network and the data, frozen when a trainer is built.
 *
 * @param epochs number of passes over the training data
 * @param batchSize examples per gradient step
 * @param learningRate the optimizer's base learning rate
 * @param schedule learning rate per epoch
 * @param seed seeds weight initialization, dropout and shuffling
 * @param shuffle whether to reshuffle the examples every epoch
 * @param clipNorm maximum global gradient L2 norm, or 0 for no clipping
 * @param weightDecay L2 weight decay passed to the optimizer
 * @param device where to train
 * @param listeners listeners given by the user
 * @param progress whether to add {@link DefaultListeners}
 */
public record FitOptions(
        int epochs,
        int batchSize,
        double learningRate,
        LearningRateSchedule schedule,
        long seed,
        boolean shuffle,
        double clipNorm,
        double weightDecay,
        Device device,
        List<TrainingListener> listeners,
        boolean progress) {

    public FitOptions {
        listeners = List.copyOf(listeners);
    }
}
