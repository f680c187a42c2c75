package dev.jotter.toolkit.train;

import dev.jotter.toolkit.metrics.RegressionMetrics;
import tech.tablesaw.api.Table;

/**
 * A fitted regression model: immutable, predicts numbers, and knows how it was trained. DJL
 * models hold native memory, so close them (try-with-resources) when done; closing a Smile model
 * does nothing.
 *
 * <pre>{@code
 * jshell> try (RegressionModel m = trainer.fit(train)) { System.out.println(m.evaluate(test)); }
 * }</pre>
 */
public interface RegressionModel extends FittedModel {

    /**
     * @param x raw feature rows, same columns as in training
     * @return one prediction per row
     */
    double[] predict(double[][] x);

    /**
     * @param table a table with the training feature columns
     * @return one prediction per row
     */
    default double[] predict(Table table) {
        return predict(Inputs.modelFeatures(table, featureNames()));
    }

    /**
     * @param x raw feature rows
     * @param y true targets
     * @return MSE, RMSE, MAE and R² of this model's predictions
     */
    default RegressionMetrics evaluate(double[][] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("Expected one target per row: found " + x.length + " rows and " + y.length + " targets.");
        }
        return RegressionMetrics.of(y, predict(x));
    }

    /**
     * @param table a table with the feature and label columns
     * @return MSE, RMSE, MAE and R² on it
     */
    default RegressionMetrics evaluate(Table table) {
        return RegressionMetrics.of(Inputs.targets(table, label()), predict(table));
    }
}
