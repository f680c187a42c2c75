package dev.jotter.toolkit.train;

import java.util.Arrays;
import java.util.List;

/**
 * The table columns every trainer's builder names, the DJL ones and the classical ones alike.
 * Package-private: users meet these methods on each trainer's own builder.
 *
 * @param <B> the concrete builder, so chained calls keep their type
 */
abstract class ColumnsBuilder<B extends ColumnsBuilder<B>> {

    List<String> features = List.of();
    String label;

    ColumnsBuilder() {}

    /** @return this builder, typed */
    @SuppressWarnings("unchecked")
    protected B self() {
        // Safe: B is bound to the subclass itself by every builder's declaration.
        return (B) this;
    }

    /**
     * Names the feature columns used when fitting on a Tablesaw table; the label must not be
     * among them. Not calling it means every numeric column but the label.
     *
     * @param columns numeric column names
     * @return this builder
     */
    public B setFeatures(String... columns) {
        this.features = List.copyOf(Arrays.asList(columns));
        return self();
    }

    /**
     * Names the feature columns used when fitting on a Tablesaw table.
     *
     * @param columns numeric column names
     * @return this builder
     */
    public B setFeatures(List<String> columns) {
        this.features = List.copyOf(columns);
        return self();
    }

    /**
     * Names the label column used when fitting on a Tablesaw table. Without
     * {@link #setFeatures(String...)}, every other numeric column of the training table is a
     * feature (the chosen columns are printed once).
     *
     * @param column the target (regression) or class (classification) column
     * @return this builder
     */
    public B setLabel(String column) {
        this.label = column;
        return self();
    }
}
