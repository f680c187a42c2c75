package dev.jotter.toolkit.prep;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Rescales numeric columns linearly so the training minimum maps to {@code low} and the maximum
 * to {@code high} (default [0, 1]), as scikit-learn's {@code MinMaxScaler}. Values outside the
 * training range map outside [low, high]; a constant column maps to {@code low}.
 *
 * <pre>{@code
 * jshell> Table t = MinMaxScaler.of("horsepower").fit(train).transform(test)
 * }</pre>
 *
 * @param columns columns to scale; empty means every numeric column
 * @param low the value the training minimum maps to
 * @param high the value the training maximum maps to
 */
public record MinMaxScaler(List<String> columns, double low, double high) implements Transformer {

    /**
     * Checks the range.
     *
     * @throws IllegalArgumentException if low is not below high
     */
    public MinMaxScaler {
        columns = List.copyOf(columns);
        if (!(low < high)) {
            throw new IllegalArgumentException("Expected a MinMaxScaler range with low < high, found [" + low + ", " + high + "]");
        }
    }

    /**
     * A [0, 1] scaler.
     *
     * @param columns column names; none means every numeric column
     * @return an unfitted scaler
     */
    public static MinMaxScaler of(String... columns) {
        return new MinMaxScaler(List.of(columns), 0, 1);
    }

    /**
     * The same scaler with another target range.
     *
     * @param low new minimum
     * @param high new maximum
     * @return a new scaler
     */
    public MinMaxScaler range(double low, double high) {
        return new MinMaxScaler(columns, low, high);
    }

    @Override
    public Fitted fit(Table table) {
        List<String> cols = TableEdits.resolveNumeric(table, columns);
        double[] min = new double[cols.size()];
        double[] max = new double[cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            NumericColumn<?> c = dev.jotter.toolkit.data.Columns.numeric(table, cols.get(j));
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i)) {
                    double v = c.getDouble(i);
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            min[j] = lo;
            max[j] = hi;
        }
        return new Fitted(cols, min, max, low, high);
    }

    /**
     * A fitted min-max scaler.
     *
     * @param columns the scaled columns
     * @param mins training minimum per column
     * @param maxs training maximum per column
     * @param low target minimum
     * @param high target maximum
     */
    public record Fitted(List<String> columns, double[] mins, double[] maxs, double low, double high) implements FittedTransformer {

        /** Copies the arrays so the record stays immutable. */
        public Fitted {
            columns = List.copyOf(columns);
            mins = mins.clone();
            maxs = maxs.clone();
        }

        @Override
        public double[] mins() {
            return mins.clone();
        }

        @Override
        public double[] maxs() {
            return maxs.clone();
        }

        @Override
        public Table transform(Table table) {
            Map<String, List<Column<?>>> out = new HashMap<>();
            for (int j = 0; j < columns.size(); j++) {
                NumericColumn<?> c = dev.jotter.toolkit.data.Columns.numeric(table, columns.get(j));
                double span = maxs[j] - mins[j];
                double scale = span == 0 ? 0 : (high - low) / span;
                double[] v = new double[c.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = c.isMissing(i) ? Double.NaN : low + (c.getDouble(i) - mins[j]) * scale;
                }
                out.put(c.name(), List.of(DoubleColumn.create(c.name(), v)));
            }
            return TableEdits.replace(table, out);
        }

        @Override
        public String toString() {
            return "MinMaxScaler.Fitted[columns=" + columns + ", mins=" + Arrays.toString(mins) + ", maxs=" + Arrays.toString(maxs)
                    + ", range=[" + low + ", " + high + "]]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Fitted f && columns.equals(f.columns) && Arrays.equals(mins, f.mins) && Arrays.equals(maxs, f.maxs)
                    && low == f.low && high == f.high;
        }

        @Override
        public int hashCode() {
            return columns.hashCode() * 31 + Arrays.hashCode(mins) * 17 + Arrays.hashCode(maxs);
        }
    }
}
