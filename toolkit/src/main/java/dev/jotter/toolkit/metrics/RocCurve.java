package dev.jotter.toolkit.metrics;

/**
 * A binary ROC curve: one point per distinct score threshold, from (0, 0) to (1, 1), as
 * scikit-learn's {@code roc_curve(..., drop_intermediate=False)}.
 *
 * @param falsePositiveRate x coordinates, non-decreasing
 * @param truePositiveRate y coordinates, non-decreasing
 * @param thresholds score thresholds; the first is {@code +Infinity} (nothing predicted positive)
 * @param auc area under the curve by the trapezoidal rule
 */
public record RocCurve(double[] falsePositiveRate, double[] truePositiveRate, double[] thresholds, double auc) {

    /** Copies the arrays so the curve never changes. */
    public RocCurve {
        falsePositiveRate = falsePositiveRate.clone();
        truePositiveRate = truePositiveRate.clone();
        thresholds = thresholds.clone();
    }

    @Override
    public double[] falsePositiveRate() {
        return falsePositiveRate.clone();
    }

    @Override
    public double[] truePositiveRate() {
        return truePositiveRate.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public String toString() {
        return String.format("RocCurve[points=%d, auc=%.4f]", thresholds.length, auc);
    }
}
