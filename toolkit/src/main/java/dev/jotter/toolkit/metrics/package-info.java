/**
 * Regression and classification metrics with scikit-learn's definitions: {@link
 * dev.jotter.toolkit.metrics.Metrics} (MSE, RMSE, MAE, R², accuracy, precision/recall/F1 with
 * {@link dev.jotter.toolkit.metrics.Average}, confusion matrix, ROC curve and AUC, log loss) and
 * result records {@link dev.jotter.toolkit.metrics.RegressionMetrics}, {@link
 * dev.jotter.toolkit.metrics.ClassificationReport}, {@link dev.jotter.toolkit.metrics.ConfusionMatrix}
 * and {@link dev.jotter.toolkit.metrics.RocCurve}. The tests hold golden values computed with
 * Debian's python3-sklearn.
 */
package dev.jotter.toolkit.metrics;
