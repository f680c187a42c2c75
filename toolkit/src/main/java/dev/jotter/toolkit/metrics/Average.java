package dev.jotter.toolkit.metrics;

/**
 * How per-class precision, recall and F1 are combined into one number, as scikit-learn's
 * {@code average=} argument.
 */
public enum Average {
    /** Unweighted mean over the classes present in the true or predicted labels. */
    MACRO,
    /** Counts true/false positives over all classes first; equals accuracy for single-label data. */
    MICRO,
    /** Mean over classes weighted by each class's support (number of true samples). */
    WEIGHTED
}
