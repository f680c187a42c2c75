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
 * Centres numeric columns on zero mean and scales them to unit variance, using the population
 * standard deviation (divide by n), exactly as scikit-learn's {@code StandardScaler}. Missing
 * values are ignored when fitting and stay missing; a constant column is only centred.
 *
 * <pre>{@code
 * jshell> var scaler = StandardScaler.of("sepal_length", "petal_length").fit(train)
 * jshell> scaler.means()    // what it learned
 * jshell> Table t = scaler.transform(test)
 * }</pre>
 *
 * @param columns columns to scale; empty means every numeric column of the table being fitted
 */
public record StandardScaler(List<String> columns) implements Transformer {

    /** Copies the column list. */
    public StandardScaler {
        columns = List.copyOf(columns);
    }

    /**
     * A scaler for some columns.
     *
     * @param columns column names; none means every numeric column
     * @return an unfitted scaler
     */
    public static StandardScaler of(String... columns) {
        return new StandardScaler(List.of(columns));
    }

    @Override
    public Fitted fit(Table table) {
        List<String> cols = TableEdits.resolveNumeric(table, columns);
        double[] mean = new double[cols.size()];
        double[] std = new double[cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            NumericColumn<?> c = dev.jotter.toolkit.data.Columns.numeric(table, cols.get(j));
            // Two passes: numerically stabler than sum of squares, and cheap at these sizes.
            double sum = 0;
            int n = 0;
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i)) {
                    sum += c.getDouble(i);
                    n++;
                }
            }
            double m = n == 0 ? Double.NaN : sum / n;
            double ss = 0;
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i)) {
                    double d = c.getDouble(i) - m;
                    ss += d * d;
                }
            }
            mean[j] = m;
            std[j] = n == 0 ? Double.NaN : Math.sqrt(ss / n);
        }
        return new Fitted(cols, mean, std);
    }

    /**
     * A fitted standard scaler.
     *
     * @param columns the scaled columns
     * @param means mean per column (population)
     * @param stds population standard deviation per column; 0 for a constant column
     */
    public record Fitted(List<String> columns, double[] means, double[] stds) implements FittedTransformer {

        /** Copies the arrays so the record stays immutable. */
        public Fitted {
            columns = List.copyOf(columns);
            means = means.clone();
            stds = stds.clone();
        }

        @Override
        public double[] means() {
            return means.clone();
        }

        @Override
        public double[] stds() {
            return stds.clone();
        }

        @Override
        public Table transform(Table table) {
            Map<String, List<Column<?>>> out = new HashMap<>();
            for (int j = 0; j < columns.size(); j++) {
                NumericColumn<?> c = dev.jotter.toolkit.data.Columns.numeric(table, columns.get(j));
                double m = means[j];
                double s = stds[j] == 0 ? 1 : stds[j];
                double[] v = new double[c.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = c.isMissing(i) ? Double.NaN : (c.getDouble(i) - m) / s;
                }
                out.put(c.name(), List.of(DoubleColumn.create(c.name(), v)));
            }
            return TableEdits.replace(table, out);
        }

        /**
         * Undoes the scaling.
         *
         * @param table a table in scaled units
         * @return a new table in the original units
         */
        public Table inverseTransform(Table table) {
            Map<String, List<Column<?>>> out = new HashMap<>();
            for (int j = 0; j < columns.size(); j++) {
                NumericColumn<?> c = dev.jotter.toolkit.data.Columns.numeric(table, columns.get(j));
                double s = stds[j] == 0 ? 1 : stds[j];
                double[] v = new double[c.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = c.isMissing(i) ? Double.NaN : c.getDouble(i) * s + means[j];
                }
                out.put(c.name(), List.of(DoubleColumn.create(c.name(), v)));
            }
            return TableEdits.replace(table, out);
        }

        @Override
        public String toString() {
            return "StandardScaler.Fitted[columns=" + columns + ", means=" + Arrays.toString(means) + ", stds=" + Arrays.toString(stds) + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Fitted f && columns.equals(f.columns) && Arrays.equals(means, f.means) && Arrays.equals(stds, f.stds);
        }

        @Override
        public int hashCode() {
            return columns.hashCode() * 31 + Arrays.hashCode(means) * 17 + Arrays.hashCode(stds);
        }
    }
}
