package dev.jotter.toolkit.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Checks and converts what a notebook hands to fit/predict into plain arrays, failing with a
 * message that names the offending value before any native call is made.
 */
final class Inputs {

    private Inputs() {}

    static float[][] features(Table table, List<String> names) {
        requireRows(table);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("No feature columns set: call setFeatures(\"col1\", \"col2\", ...) with some of "
                    + table.columnNames() + ".");
        }
        float[][] x = new float[table.rowCount()][names.size()];
        for (int j = 0; j < names.size(); j++) {
            NumericColumn<?> col = numeric(table, names.get(j));
            for (int i = 0; i < x.length; i++) {
                double v = col.isMissing(i) ? Double.NaN : col.getDouble(i);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("Feature column '" + names.get(j) + "' has " + (Double.isNaN(v) ? "a missing/NaN" : "an infinite")
                            + " value at row " + i + ". Drop or fill such rows first, e.g. table.dropRowsWithMissingValues().");
                }
                x[i][j] = (float) v;
            }
        }
        return x;
    }

    static float[] targets(Table table, String label) {
        requireRows(table);
        NumericColumn<?> col = numeric(table, requireLabel(label));
        float[] y = new float[table.rowCount()];
        for (int i = 0; i < y.length; i++) {
            double v = col.isMissing(i) ? Double.NaN : col.getDouble(i);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Label column '" + label + "' has a missing or non-finite value at row " + i
                        + ". Drop such rows first, e.g. table.dropRowsWithMissingValues().");
            }
            y[i] = (float) v;
        }
        return y;
    }

    /** @return the label column's values as strings (class names), in row order */
    static String[] labelStrings(Table table, String label) {
        requireRows(table);
        Column<?> col = column(table, requireLabel(label));
        String[] out = new String[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            if (col.isMissing(i)) {
                throw new IllegalArgumentException("Label column '" + label + "' is missing a value at row " + i + ". Drop such rows first.");
            }
            out[i] = classString(col.get(i));
        }
        return out;
    }

    /** Integral numbers print without ".0" so that class 3 in a double column is named "3". */
    static String classString(Object v) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())) {
            return String.valueOf((long) n.doubleValue());
        }
        return String.valueOf(v);
    }

    /** Sorted distinct class names; numeric names sort numerically. */
    static List<String> classNames(String[] labels) {
        TreeSet<String> set = new TreeSet<>((a, b) -> {
            try {
                return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
            } catch (NumberFormatException e) {
                return a.compareTo(b);
            }
        });
        set.addAll(Arrays.asList(labels));
        return new ArrayList<>(set);
    }

    static int[] encode(String[] labels, List<String> classNames) {
        int[] y = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int c = classNames.indexOf(labels[i]);
            if (c < 0) {
                throw new IllegalArgumentException("Unknown label '" + labels[i] + "' at row " + i + ": this model knows the classes "
                        + classNames + ". Remove rows with labels the model was not trained on.");
            }
            y[i] = c;
        }
        return y;
    }

    static List<String> indexNames(int k) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add(String.valueOf(i));
        }
        return names;
    }

    static float[][] toFloat(double[][] x) {
        requireRows(x.length);
        float[][] out = new float[x.length][];
        int d = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("Ragged features: expected " + d + " values per row (as row 0), found "
                        + x[i].length + " in row " + i + ".");
            }
            out[i] = new float[d];
            for (int j = 0; j < d; j++) {
                out[i][j] = (float) x[i][j];
            }
        }
        return out;
    }

    static float[] toFloat(double[] y) {
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) y[i];
        }
        return out;
    }

    /** Checks a feature matrix: non-empty, rectangular, finite, and of the expected width. */
    static void checkFeatures(float[][] x, int expectedWidth) {
        requireRows(x.length);
        int d = expectedWidth > 0 ? expectedWidth : x[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("Expected at least one feature per row, found 0.");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("Expected " + d + " features per row" + (expectedWidth > 0 ? " (as in training)" : " (as row 0)")
                        + ", found " + x[i].length + " in row " + i + ".");
            }
            for (int j = 0; j < d; j++) {
                if (!Float.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("Feature " + j + " of row " + i + " is " + x[i][j]
                            + ": expected a finite number. Drop or fill missing values first.");
                }
            }
        }
    }

    static void checkTargets(float[] y, int n) {
        if (y.length != n) {
            throw new IllegalArgumentException("Expected one target per row: found " + n + " rows and " + y.length + " targets.");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Float.isFinite(y[i])) {
                throw new IllegalArgumentException("Target " + i + " is " + y[i] + ": expected a finite number.");
            }
        }
    }

    static void checkClasses(int[] y, int n, int numClasses) {
        if (y.length != n) {
            throw new IllegalArgumentException("Expected one label per row: found " + n + " rows and " + y.length + " labels.");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || (numClasses > 0 && y[i] >= numClasses)) {
                throw new IllegalArgumentException("Label " + i + " is " + y[i] + ": expected a class index in 0.."
                        + (numClasses > 0 ? numClasses - 1 : "k-1") + (numClasses > 0 ? " (the classes this model knows)" : "") + ".");
            }
        }
    }

    static int numClasses(int[] y) {
        int max = -1;
        for (int v : y) {
            max = Math.max(max, v);
        }
        return max + 1;
    }

    static void requireRows(Table table) {
        if (table == null) {
            throw new IllegalArgumentException("Expected a table, found null.");
        }
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("Table '" + table.name() + "' is empty: expected at least one row. Check the filter or split that made it.");
        }
    }

    static void requireRows(int n) {
        if (n == 0) {
            throw new IllegalArgumentException("Expected at least one example, found none.");
        }
    }

    private static String requireLabel(String label) {
        if (label == null) {
            throw new IllegalArgumentException("No label column set: call setLabel(\"column\") on the builder.");
        }
        return label;
    }

    private static Column<?> column(Table table, String name) {
        if (!table.columnNames().contains(name)) {
            throw new IllegalArgumentException("No column '" + name + "' in table '" + table.name() + "'; its columns are "
                    + table.columnNames() + ".");
        }
        return table.column(name);
    }

    private static NumericColumn<?> numeric(Table table, String name) {
        Column<?> c = column(table, name);
        if (!(c instanceof NumericColumn<?> nc)) {
            throw new IllegalArgumentException("Column '" + name + "' is " + c.type() + ", expected a number column. Encode it first"
                    + " (e.g. one-hot) or leave it out of setFeatures.");
        }
        return nc;
    }
}
