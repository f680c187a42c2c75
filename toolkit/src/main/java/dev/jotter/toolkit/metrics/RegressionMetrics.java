package dev.jotter.toolkit.metrics;

/**
 * The usual regression scores of one set of predictions.
 *
 * <pre>{@code
 * jshell> RegressionMetrics.of(new double[] {1, 2, 3}, new double[] {1, 2, 4})
 * $1 ==> RegressionMetrics[mse=0.333, rmse=0.577, mae=0.333, r2=0.5, n=3]
 * }</pre>
 *
 * @param mse mean squared error
 * @param rmse root mean squared error, in the target's units
 * @param mae mean absolute error
 * @param r2 coefficient of determination (1 is perfect, 0 is as good as predicting the mean)
 * @param n number of samples scored
 */
public record RegressionMetrics(double mse, double rmse, double mae, double r2, int n) {

    /**
     * Scores predictions against true values.
     *
     * @param yTrue the true targets
     * @param yPred the predictions, same length
     * @return every regression metric at once
     */
    public static RegressionMetrics of(double[] yTrue, double[] yPred) {
        double mse = Metrics.mse(yTrue, yPred);
        return new RegressionMetrics(mse, Math.sqrt(mse), Metrics.mae(yTrue, yPred), Metrics.r2(yTrue, yPred), yTrue.length);
    }

    @Override
    public String toString() {
        return String.format("RegressionMetrics[mse=%.4g, rmse=%.4g, mae=%.4g, r2=%.4f, n=%d]", mse, rmse, mae, r2, n);
    }
}
