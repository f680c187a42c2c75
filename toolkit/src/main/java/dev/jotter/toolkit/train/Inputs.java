package dev.jotter.toolkit.train;

import dev.jotter.toolkit.data.Matrix;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Checks and converts what a notebook hands to fit/predict into plain arrays, failing with a
 * message that names the offending value before any native call is made. Tables are read
 * through {@link Matrix} alone, so trainers, models and metrics share one label encoding.
 */
final class Inputs {

    private Inputs() {}

    /**
     * Feature rows read through {@link Matrix}, the toolkit's one road from a table to arrays.
     *
     * @param names the feature columns; never empty (a label-only builder has chosen them by now)
     */
    static double[][] features(Table table, List<String> names) {
        requireRows(table);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Expected feature columns, found none: call setFeatures(\"col1\", \"col2\", ...) with some of "
                    + table.columnNames() + ", or setLabel(...) alone to use every other numeric column.");
        }
        return Matrix.features(table, names.toArray(String[]::new));
    }

    /**
     * A fitted model's feature rows from a table: every column it was trained on must be there,
     * else the message lists both column sets, the usual cause being a preprocessing pipeline
     * applied to the training table but not to this one.
     */
    static double[][] modelFeatures(Table table, List<String> trained) {
        requireRows(table);
        List<String> missing = trained.stream().filter(n -> !table.columnNames().contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Expected the columns the model was trained on " + trained + ", found " + table.columnNames()
                    + " in table '" + table.name() + "' (no " + missing + "); apply the same fitted pipeline to this table as to the training table"
                    + " (fitted.transform(table)), or select the columns the model knows.");
        }
        return Matrix.features(table, trained.toArray(String[]::new));
    }

    /** Regression targets: the label column's numbers. */
    static double[] targets(Table table, String label) {
        requireRows(table);
        return Matrix.column(table, requireLabel(label));
    }

    /**
     * A training table's classes, by {@link Matrix#classes}' rule; a numeric label that
     * {@link Matrix#looksContinuous looks continuous} is refused, since each of its values would become a class.
     */
    static List<String> classes(Table table, String label) {
        requireRows(table);
        List<String> classes = Matrix.classes(table, requireLabel(label));
        if (Matrix.looksContinuous(table, label)) {
            throw new IllegalArgumentException("Expected a label with a few classes, found " + classes.size() + " distinct values in '" + label
                    + "' (" + table.rowCount() + " rows); did you mean a regressor (MlpRegressor, ClassicRegression.ols())?"
                    + " If they really are classes, make the column text first: table.replaceColumn(\"" + label + "\", table.numberColumn(\""
                    + label + "\").asStringColumn().setName(\"" + label + "\"))");
        }
        return classes;
    }

    /** Label indices into a model's classes, by {@link Matrix#labels(Table, String, List)}. */
    static int[] labels(Table table, String label, List<String> classes) {
        requireRows(table);
        return Matrix.labels(table, requireLabel(label), classes);
    }

    static float[][] toFloat(double[][] x) {
        requireRows(x.length);
        float[][] out = new float[x.length][];
        int d = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("Expected " + d + " values per row (as row 0), found "
                        + x[i].length + " in row " + i + " (ragged features); give every row the same length.");
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
                        + ", found " + x[i].length + " in row " + i + "; give every row the same features.");
            }
            for (int j = 0; j < d; j++) {
                if (!Float.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("Expected a finite number as feature " + j + " of row " + i + ", found " + x[i][j]
                            + "; drop or fill missing values first (Imputer).");
                }
            }
        }
    }

    static void checkTargets(float[] y, int n) {
        if (y.length != n) {
            throw new IllegalArgumentException("Expected one target per row, found " + n + " rows and " + y.length + " targets; pass x and y for the same rows.");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Float.isFinite(y[i])) {
                throw new IllegalArgumentException("Expected a finite number as target " + i + ", found " + y[i] + "; drop or fill that row first.");
            }
        }
    }

    static void checkClasses(int[] y, int n, int numClasses) {
        if (y.length != n) {
            throw new IllegalArgumentException("Expected one label per row, found " + n + " rows and " + y.length + " labels; pass x and y for the same rows.");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || (numClasses > 0 && y[i] >= numClasses)) {
                throw new IllegalArgumentException("Expected a class index in 0.." + (numClasses > 0 ? numClasses - 1 : "k-1")
                        + (numClasses > 0 ? " (the classes this model knows)" : "") + " as label " + i + ", found " + y[i]
                        + "; map labels to indices with Matrix.labels(table, label, classes).");
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
            throw new IllegalArgumentException("Expected at least one row in table '" + table.name() + "', found none; check the filter or split that made it.");
        }
    }

    /**
     * Training needs two rows at least: one row has no spread to standardize or split, and a
     * model fitted to it has learned nothing, so a filter that left one row is reported here.
     */
    static void requireTrainingRows(int n) {
        requireRows(n);
        if (n < 2) {
            throw new IllegalArgumentException("Expected at least 2 rows to train on, found " + n
                    + "; a model fitted to one row learns nothing, so check the filter or split that made the training table.");
        }
    }

    static void requireRows(int n) {
        if (n == 0) {
            throw new IllegalArgumentException("Expected at least one example, found none; check the filter or split that made them.");
        }
    }

    static String requireLabel(String label) {
        if (label == null) {
            throw new IllegalArgumentException("Expected a label column, found none; call setLabel(\"column\") on the builder.");
        }
        return label;
    }
}
