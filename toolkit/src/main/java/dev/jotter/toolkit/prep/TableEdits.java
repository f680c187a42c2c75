package dev.jotter.toolkit.prep;

import dev.jotter.toolkit.data.Columns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Helpers shared by the transformers: copying tables so the caller's is never touched. */
final class TableEdits {

    private TableEdits() {}

    /**
     * A new table in the original column order, where some columns are replaced by one or more new ones.
     * Untouched columns are copied, so changing the result never changes the input.
     */
    static Table replace(Table table, Map<String, List<Column<?>>> replacements) {
        List<Column<?>> cols = new ArrayList<>(table.columnCount() + 8);
        for (Column<?> c : table.columns()) {
            List<Column<?>> r = replacements.get(c.name());
            if (r == null) {
                cols.add(c.copy());
            } else {
                cols.addAll(r);
            }
        }
        return Table.create(table.name(), cols);
    }

    static NumericColumn<?> numeric(Table table, String name, String step) {
        return Columns.numeric(table, name);
    }

    /** The numeric columns of a table, used when a scaler is given no column names. */
    static List<String> numericNames(Table table) {
        List<String> out = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (c instanceof NumericColumn<?>) {
                out.add(c.name());
            }
        }
        return out;
    }

    static List<String> resolveNumeric(Table table, List<String> cols) {
        if (cols.isEmpty()) {
            return numericNames(table);
        }
        for (String c : cols) {
            Columns.numeric(table, c);
        }
        return cols;
    }
}
