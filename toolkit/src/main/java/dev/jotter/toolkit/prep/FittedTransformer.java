package dev.jotter.toolkit.prep;

import tech.tablesaw.api.Table;

/** A preprocessing step that has learned its parameters; see {@link Transformer}. */
public interface FittedTransformer {

    /**
     * Applies the learned transformation.
     *
     * @param table a table with the columns seen in fit; not modified
     * @return a new table; columns this step does not touch are copied unchanged
     */
    Table transform(Table table);
}
