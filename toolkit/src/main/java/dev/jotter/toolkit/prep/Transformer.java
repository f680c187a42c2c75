package dev.jotter.toolkit.prep;

import tech.tablesaw.api.Table;

/**
 * An unfitted preprocessing step: configuration only. {@link #fit} learns from a table and
 * returns a new, immutable {@link FittedTransformer}; neither ever changes the table passed in.
 *
 * <pre>{@code
 * jshell> var scaler = StandardScaler.of("sepal_length", "sepal_width").fit(train)
 * jshell> Table scaledTest = scaler.transform(test)   // uses the training mean and std
 * }</pre>
 */
public interface Transformer {

    /**
     * Learns what this step needs (means, levels, fill values) from a table.
     *
     * @param table the training table; not modified
     * @return a fitted step that remembers what it learned
     */
    FittedTransformer fit(Table table);

    /**
     * Fits on a table and transforms that same table.
     *
     * @param table the training table; not modified
     * @return a new, transformed table
     */
    default Table fitTransform(Table table) {
        return fit(table).transform(table);
    }
}
