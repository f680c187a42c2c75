package dev.jotter.toolkit.train;

/**
 * Makes a listener that every {@code fit} adds on its own, found with {@link java.util.ServiceLoader}
 * (a line naming the implementation in {@code META-INF/services/dev.jotter.toolkit.train.TrainingListenerFactory}).
 * This is how the plot package's progress bar joins every fit without {@code train} depending on
 * {@code plot}. {@link DefaultListeners} calls {@link #create()} once per fit, unless the fit says
 * {@code optProgress(false)} or the environment has {@code JOTTER_PROGRESS=off}.
 *
 * <p>An implementation needs a public no-argument constructor.
 */
public interface TrainingListenerFactory {

    /** @return a fresh listener for one training run */
    TrainingListener create();
}
