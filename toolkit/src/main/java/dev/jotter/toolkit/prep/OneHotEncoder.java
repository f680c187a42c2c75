package dev.jotter.toolkit.prep;

import dev.jotter.toolkit.data.Columns;
import dev.jotter.toolkit.data.Matrix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Replaces each categorical column by one 0/1 column per level, named {@code column_level}
 * with levels sorted (as scikit-learn's {@code OneHotEncoder} and pandas' {@code get_dummies}).
 * A missing value becomes all zeros.
 *
 * <pre>{@code
 * jshell> var enc = OneHotEncoder.of("origin").fit(cars)
 * jshell> enc.transform(cars).columnNames()   // [..., origin_Europe, origin_Japan, origin_USA]
 * jshell> OneHotEncoder.builder().setColumns("origin").optDropFirst(true).optUnknown(OneHotEncoder.Unknown.IGNORE).build()
 * }</pre>
 *
 * @param columns the columns to encode (text or integer columns)
 * @param dropFirst whether to leave out each column's first level, avoiding collinear features for linear models
 * @param unknown what {@code transform} does with a level not seen in fit
 */
public record OneHotEncoder(List<String> columns, boolean dropFirst, Unknown unknown) implements Transformer {

    /** What to do with a level that was not seen during fit. */
    public enum Unknown {
        /** Throw, naming the level and the known ones (scikit-learn's default). */
        ERROR,
        /** Encode it as all zeros. */
        IGNORE
    }

    /**
     * Checks the configuration.
     *
     * @throws IllegalArgumentException if no columns are given
     */
    public OneHotEncoder {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Expected at least one column name for the OneHotEncoder, found none");
        }
        java.util.Objects.requireNonNull(unknown, "unknown");
    }

    /**
     * An encoder with the defaults: keep every level, fail on unknown levels.
     *
     * @param columns the columns to encode
     * @return an unfitted encoder
     */
    public static OneHotEncoder of(String... columns) {
        return new OneHotEncoder(List.of(columns), false, Unknown.ERROR);
    }

    /** @return a builder, DJL style: {@code setColumns} required, {@code opt...} optional */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link OneHotEncoder}. */
    public static final class Builder {
        private List<String> columns;
        private boolean dropFirst;
        private Unknown unknown = Unknown.ERROR;

        private Builder() {}

        /**
         * @param columns the columns to encode (required)
         * @return this builder
         */
        public Builder setColumns(String... columns) {
            this.columns = List.of(columns);
            return this;
        }

        /**
         * @param dropFirst leave out the first level of each column (default false)
         * @return this builder
         */
        public Builder optDropFirst(boolean dropFirst) {
            this.dropFirst = dropFirst;
            return this;
        }

        /**
         * @param unknown handling of unseen levels (default {@link Unknown#ERROR})
         * @return this builder
         */
        public Builder optUnknown(Unknown unknown) {
            this.unknown = unknown;
            return this;
        }

        /** @return the encoder */
        public OneHotEncoder build() {
            if (columns == null) {
                throw new IllegalStateException("Expected setColumns(...) before build(), found no columns; call it first");
            }
            return new OneHotEncoder(columns, dropFirst, unknown);
        }
    }

    @Override
    public Fitted fit(Table table) {
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (String c : columns) {
            levels.put(c, Matrix.classes(table, c));
        }
        return new Fitted(levels, dropFirst, unknown);
    }

    /**
     * A fitted one-hot encoder.
     *
     * @param levels sorted levels per encoded column, in column order
     * @param dropFirst whether the first level of each column has no output column
     * @param unknown handling of unseen levels
     */
    public record Fitted(Map<String, List<String>> levels, boolean dropFirst, Unknown unknown) implements FittedTransformer {

        /** Copies the map so the record stays immutable. */
        public Fitted {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            levels.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            levels = java.util.Collections.unmodifiableMap(copy);
        }

        /**
         * The names of the output columns for one input column.
         *
         * @param column an encoded column
         * @return e.g. {@code [origin_Europe, origin_Japan, origin_USA]}
         */
        public List<String> outputNames(String column) {
            List<String> lv = levels.get(column);
            if (lv == null) {
                throw new IllegalArgumentException("Expected a column this OneHotEncoder was fitted on, " + levels.keySet() + ", found '" + column + "'");
            }
            List<String> out = new ArrayList<>();
            for (int k = dropFirst ? 1 : 0; k < lv.size(); k++) {
                out.add(column + "_" + lv.get(k));
            }
            return out;
        }

        @Override
        public Table transform(Table table) {
            Map<String, List<Column<?>>> out = new HashMap<>();
            for (var e : levels.entrySet()) {
                Column<?> c = Columns.require(table, e.getKey());
                List<String> lv = e.getValue();
                Map<String, Integer> index = new HashMap<>();
                for (int k = 0; k < lv.size(); k++) {
                    index.put(lv.get(k), k);
                }
                int first = dropFirst ? 1 : 0;
                int n = c.size();
                int[][] cols = new int[lv.size()][];
                for (int k = first; k < lv.size(); k++) {
                    cols[k] = new int[n];
                }
                for (int i = 0; i < n; i++) {
                    if (c.isMissing(i)) {
                        continue;
                    }
                    String v = Matrix.className(c, i);
                    Integer k = index.get(v);
                    if (k == null) {
                        if (unknown == Unknown.ERROR) {
                            throw new IllegalArgumentException("Expected one of the levels seen in fit, " + lv + ", in column '" + e.getKey() + "', found '" + v
                                    + "' at row " + i + "; refit on data that has it, or use optUnknown(Unknown.IGNORE) to encode it as all zeros");
                        }
                        continue;
                    }
                    if (k >= first) {
                        cols[k][i] = 1;
                    }
                }
                List<Column<?>> made = new ArrayList<>();
                for (int k = first; k < lv.size(); k++) {
                    made.add(IntColumn.create(e.getKey() + "_" + lv.get(k), cols[k]));
                }
                out.put(e.getKey(), made);
            }
            return TableEdits.replace(table, out);
        }

        /**
         * Turns one-hot columns back into a text column per encoded column (a row of all zeros
         * becomes the dropped first level, or missing when no level was dropped).
         *
         * @param table a table with the output columns of {@link #transform}
         * @return a new table with the original column names, as text columns
         */
        public Table inverseTransform(Table table) {
            Table result = table.copy();
            for (var e : levels.entrySet()) {
                List<String> names = outputNames(e.getKey());
                List<String> lv = e.getValue();
                int n = table.rowCount();
                StringColumn s = StringColumn.create(e.getKey());
                for (int i = 0; i < n; i++) {
                    String v = dropFirst ? lv.get(0) : null;
                    for (int k = 0; k < names.size(); k++) {
                        if (Columns.numeric(table, names.get(k)).getDouble(i) == 1) {
                            v = lv.get(k + (dropFirst ? 1 : 0));
                            break;
                        }
                    }
                    if (v == null) {
                        s.appendMissing();
                    } else {
                        s.append(v);
                    }
                }
                int at = result.columnIndex(names.get(0));
                result.removeColumns(names.toArray(String[]::new));
                result.insertColumn(at, s);
            }
            return result;
        }
    }
}
