package dev.jotter.toolkit.train;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * What regression and classification trainers share: the columns named on the builder, and
 * fitting on a table with or without validation. Package-private: users meet these methods on
 * {@link RegressionTrainer} and {@link ClassificationTrainer}.
 *
 * @param <M> the fitted model type
 */
abstract class TableTrainer<M extends FittedModel> {

    final List<String> features;
    final String label;

    TableTrainer(ColumnsBuilder<?> b) {
        this.features = b.features;
        this.label = b.label;
    }

    /**
     * Trains on a table without validation.
     *
     * @param train a table with the feature and label columns named on the builder
     * @return the fitted model
     */
    public M fit(Table train) {
        return fit(train, null);
    }

    /**
     * Trains on a table, scoring a validation table after every epoch when one is given.
     *
     * @param train training table
     * @param validation validation table scored after every epoch (may be null)
     * @return the fitted model
     */
    public abstract M fit(Table train, Table validation);

    /** Names for array features, as Keras and scikit-learn show them. */
    static List<String> defaultNames(int d) {
        String[] names = new String[d];
        for (int i = 0; i < d; i++) {
            names[i] = "x" + i;
        }
        return List.of(names);
    }
}
