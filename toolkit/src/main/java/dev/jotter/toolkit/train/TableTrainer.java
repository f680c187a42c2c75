package dev.jotter.toolkit.train;

import dev.jotter.toolkit.data.Matrix;
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
    /** The columns a label-only trainer last printed, so that k-fold fits on one table print them once. */
    private volatile List<String> announced = List.of();

    TableTrainer(ColumnsBuilder<?> b) {
        this.features = b.features;
        this.label = b.label;
        if (label != null && features.contains(label)) {
            throw new IllegalArgumentException("Expected the label '" + label + "' to be left out of the features " + features
                    + "; remove it from setFeatures(...)");
        }
    }

    /**
     * The feature columns for a table: those named on the builder, or, when only a label was
     * given, every other numeric column of the table (printed once, so the choice is visible).
     *
     * @param table the training table
     * @return the feature column names, in table order when chosen here
     */
    List<String> featuresOf(Table table) {
        if (!features.isEmpty()) {
            return features;
        }
        Inputs.requireRows(table);
        List<String> chosen = List.of(Matrix.numericNamesExcept(table, Inputs.requireLabel(label)));
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("Expected numeric columns besides the label '" + label + "' in table " + table.name()
                    + ", found none among " + table.columnNames() + "; encode text columns first (OneHotEncoder) or call setFeatures(...)");
        }
        if (!chosen.equals(announced)) {
            announced = chosen;
            System.out.println("Features (" + chosen.size() + "): " + String.join(", ", chosen));
        }
        return chosen;
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
