package dev.jotter.toolkit.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Bridges from a Tablesaw table to the arrays Smile ({@code double[][]}) and DJL
 * ({@code float[]} row-major, or an {@link NDArray}) train on. Values are read straight from
 * the columns into the result, without an intermediate copy per column.
 *
 * <pre>{@code
 * jshell> double[][] x = Matrix.features(iris, "sepal_length", "sepal_width", "petal_length", "petal_width")
 * jshell> int[] y = Matrix.labels(iris, "species")                // 0 setosa, 1 versicolor, 2 virginica
 * jshell> NDArray X = Matrix.ndarray(manager, iris, "petal_length", "petal_width")  // shape (150, 2)
 * }</pre>
 *
 * Missing values are refused rather than turned into NaN, which would silently poison training.
 */
public final class Matrix {

    private Matrix() {}

    /**
     * Numeric columns as rows of features.
     *
     * @param table the table
     * @param cols column names; none means every column
     * @return {@code rowCount x cols.length} values
     * @throws IllegalArgumentException for a missing or non-numeric column or a missing value
     */
    public static double[][] features(Table table, String... cols) {
        List<NumericColumn<?>> c = numericColumns(table, cols);
        int n = table.rowCount();
        double[][] out = new double[n][c.size()];
        for (int j = 0; j < c.size(); j++) {
            NumericColumn<?> col = c.get(j);
            for (int i = 0; i < n; i++) {
                out[i][j] = col.getDouble(i);
            }
        }
        return out;
    }

    /**
     * Every column except the label, as features: {@code featuresExcept(iris, "species")}.
     *
     * @param table the table
     * @param exclude columns to leave out (e.g. the label)
     * @return {@code rowCount x (columnCount - excluded)} values
     */
    public static double[][] featuresExcept(Table table, String... exclude) {
        return features(table, namesExcept(table, exclude));
    }

    /**
     * The names of every column except some, in table order.
     *
     * @param table the table
     * @param exclude columns to leave out
     * @return the remaining names
     */
    public static String[] namesExcept(Table table, String... exclude) {
        List<String> ex = Columns.resolve(table, exclude);
        return table.columnNames().stream().filter(n -> !ex.contains(n)).toArray(String[]::new);
    }

    /**
     * One numeric column.
     *
     * @param table the table
     * @param col the column name
     * @return a new array of its values
     */
    public static double[] column(Table table, String col) {
        NumericColumn<?> c = numericColumns(table, col).get(0);
        double[] out = new double[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.getDouble(i);
        }
        return out;
    }

    /**
     * Numeric columns as one row-major float array, the layout of
     * {@code manager.create(x, new Shape(rows, cols.length))}.
     *
     * @param table the table
     * @param cols column names; none means every column
     * @return {@code rowCount * cols.length} values
     */
    public static float[] floatFeatures(Table table, String... cols) {
        List<NumericColumn<?>> c = numericColumns(table, cols);
        int n = table.rowCount();
        int p = c.size();
        float[] out = new float[n * p];
        for (int j = 0; j < p; j++) {
            NumericColumn<?> col = c.get(j);
            for (int i = 0; i < n; i++) {
                out[i * p + j] = (float) col.getDouble(i);
            }
        }
        return out;
    }

    /**
     * Cuts a row-major array into rows, the inverse of {@link ImageSet#flatPixels()}: e.g. a
     * batch of images a network produced ({@code ndarray.toFloatArray()}) back into one array
     * per image for {@code Plots.images}.
     *
     * @param values {@code rows * width} values, row after row
     * @param width values per row, e.g. 64 for an 8x8 image
     * @return {@code values.length / width} new arrays of {@code width} values
     * @throws IllegalArgumentException when {@code width} is not positive or does not divide the length
     */
    public static float[][] rows(float[] values, int width) {
        if (width < 1 || values.length % width != 0) {
            throw new IllegalArgumentException("Cannot cut " + values.length + " values into rows of " + width
                    + "; expected a positive width that divides the length (check the array's shape)");
        }
        float[][] out = new float[values.length / width][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(values, i * width, (i + 1) * width);
        }
        return out;
    }

    /**
     * Numeric columns as a DJL array of shape {@code (rows, cols)}, float32.
     *
     * @param manager the manager that owns the array
     * @param table the table
     * @param cols column names; none means every column
     * @return a new NDArray
     */
    public static NDArray ndarray(NDManager manager, Table table, String... cols) {
        List<String> names = Columns.resolve(table, cols);
        return manager.create(floatFeatures(table, names.toArray(String[]::new)), new Shape(table.rowCount(), names.size()));
    }

    /**
     * Class labels as integers. An integer column is taken as is; a text column is encoded
     * by its sorted distinct values (see {@link #classes}), as scikit-learn's LabelEncoder does.
     *
     * @param table the table
     * @param col the label column
     * @return one label per row
     * @throws IllegalArgumentException for missing values or non-integral numbers
     */
    public static int[] labels(Table table, String col) {
        Column<?> c = Columns.require(table, col);
        int n = table.rowCount();
        int[] out = new int[n];
        if (c instanceof NumericColumn<?> num) {
            for (int i = 0; i < n; i++) {
                double v = num.getDouble(i);
                if (num.isMissing(i) || v != Math.rint(v)) {
                    throw new IllegalArgumentException("Label column '" + col + "' row " + i + ": expected an integer class, found "
                            + (num.isMissing(i) ? "a missing value; drop or impute it first" : String.valueOf(v)));
                }
                out[i] = (int) v;
            }
            return out;
        }
        List<String> classes = classes(table, col);
        for (int i = 0; i < n; i++) {
            if (c.isMissing(i)) {
                throw new IllegalArgumentException("Label column '" + col + "' row " + i
                        + " is missing; drop those rows first, e.g. table.dropRowsWithMissingValues()");
            }
            out[i] = java.util.Collections.binarySearch(classes, c.getString(i));
        }
        return out;
    }

    /**
     * Labels for a text column in a given class order (e.g. the one a model was trained with).
     *
     * @param table the table
     * @param col the label column
     * @param classes class names; index = label
     * @return one label per row
     * @throws IllegalArgumentException for a value not among {@code classes}
     */
    public static int[] labels(Table table, String col, List<String> classes) {
        Column<?> c = Columns.require(table, col);
        int[] out = new int[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            int k = classes.indexOf(c.getString(i));
            if (k < 0) {
                throw new IllegalArgumentException("Label column '" + col + "' row " + i + ": '" + c.getString(i)
                        + "' is not one of the classes " + classes);
            }
            out[i] = k;
        }
        return out;
    }

    /**
     * The sorted distinct non-missing values of a column, as text: the class names behind {@link #labels(Table, String)}.
     *
     * @param table the table
     * @param col the column
     * @return sorted class names
     */
    public static List<String> classes(Table table, String col) {
        Column<?> c = Columns.require(table, col);
        TreeSet<String> s = new TreeSet<>();
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                s.add(c.getString(i));
            }
        }
        if (c instanceof NumericColumn<?>) {
            List<String> nums = new ArrayList<>(s);
            nums.sort(java.util.Comparator.comparingDouble(Double::parseDouble));
            return List.copyOf(nums);
        }
        return List.copyOf(s);
    }

    /**
     * A text column as a list, e.g. for {@code Tokenizer}.
     *
     * @param table the table
     * @param col a string column
     * @return its values, missing ones as empty strings
     */
    public static List<String> strings(Table table, String col) {
        Column<?> c = Columns.require(table, col);
        if (c instanceof StringColumn s) {
            return s.asList();
        }
        List<String> out = new ArrayList<>(c.size());
        for (int i = 0; i < c.size(); i++) {
            out.add(c.getString(i));
        }
        return out;
    }

    private static List<NumericColumn<?>> numericColumns(Table table, String... cols) {
        List<NumericColumn<?>> out = new ArrayList<>();
        for (String name : Columns.resolve(table, cols)) {
            NumericColumn<?> c = Columns.numeric(table, name);
            int missing = c.countMissing();
            if (missing > 0) {
                throw new IllegalArgumentException("Column '" + name + "' in table " + table.name() + " has " + missing
                        + " missing values; fill them with Imputer or drop them with table.dropRowsWithMissingValues()");
            }
            out.add(c);
        }
        return out;
    }
}
