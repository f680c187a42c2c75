package dev.jotter.toolkit.train;

/**
 * The learning rate as a function of the epoch: {@code rate(epoch, base)} gives the rate used for
 * every batch of that epoch (epochs from 1), so a schedule does not depend on the batch size.
 *
 * <pre>{@code
 * jshell> LearningRateSchedule.stepDecay(10, 0.5).rate(25, 0.01)
 * $1 ==> 0.0025
 * }</pre>
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /**
     * @param epoch the epoch, from 1
     * @param base the trainer's learning rate
     * @return the learning rate for that epoch
     */
    double rate(int epoch, double base);

    /** @return the base rate every epoch */
    static LearningRateSchedule constant() {
        return (epoch, base) -> base;
    }

    /**
     * @param everyEpochs how many epochs between drops
     * @param factor what to multiply the rate by at each drop, e.g. 0.5
     * @return a step decay schedule
     */
    static LearningRateSchedule stepDecay(int everyEpochs, double factor) {
        return (epoch, base) -> base * Math.pow(factor, (epoch - 1) / everyEpochs);
    }

    /**
     * @param gamma the per-epoch multiplier, e.g. 0.95
     * @return an exponential decay schedule
     */
    static LearningRateSchedule exponential(double gamma) {
        return (epoch, base) -> base * Math.pow(gamma, epoch - 1);
    }

    /**
     * @param totalEpochs epochs over which the rate falls from base to {@code minRate}
     * @param minRate the final rate
     * @return a cosine annealing schedule
     */
    static LearningRateSchedule cosine(int totalEpochs, double minRate) {
        return (epoch, base) -> minRate + (base - minRate) * 0.5 * (1 + Math.cos(Math.PI * Math.min(epoch - 1, totalEpochs) / totalEpochs));
    }
}
