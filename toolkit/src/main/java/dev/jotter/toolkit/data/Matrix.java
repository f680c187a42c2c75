package dev.jotter.toolkit.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The one road from a Tablesaw table to the arrays models train on: feature rows for Smile
 * ({@code double[][]}) and DJL ({@code float[]} row-major, or an {@link NDArray}), targets, and
 * class labels. Every trainer, model and metric in the toolkit reads tables through here, so a
 * table gives the same numbers and the same class indices wherever it goes.
 *
 * <pre>{@code
 * jshell> double[][] x = Matrix.features(iris, "sepal_length", "sepal_width", "petal_length", "petal_width")
 * jshell> int[] y = Matrix.labels(iris, "species")                // 0 setosa, 1 versicolor, 2 virginica
 * jshell> int[] yTest = Matrix.labels(test, "species", model.classes())   // in the model's class order
 * jshell> NDArray X = Matrix.ndarray(manager, iris, "petal_length", "petal_width")  // shape (150, 2)
 * }</pre>
 *
 * <p><b>Classes.</b> The classes of a label column are its distinct non-missing values as text,
 * sorted: numerically for a numeric column (so 2 comes before 10), alphabetically otherwise; an
 * integral number is written without a decimal point ({@code 3.0} is class {@code "3"}). A label
 * is the index of its value among the classes, so a column holding 1, 2, 3 gives labels 0, 1, 2.
 * A fitted classifier keeps the classes it was trained with ({@code model.classes()}); read a
 * test table's labels with {@link #labels(Table, String, List)} and those classes, so that a test
 * set holding only some of the classes, or meeting them in another order, scores correctly.
 *
 * <p>Missing and infinite values are refused rather than turned into NaN, which would silently
 * poison training.
 */
public final class Matrix {

    /** The most distinct values a numeric column may hold and still be read as classes; see {@link #looksContinuous}. */
    public static final int MAX_NUMERIC_CLASSES = 50;

    private Matrix() {}

    /**
     * Numeric columns as rows of features.
     *
     * @param table the table
     * @param cols column names; none means every column
     * @return {@code rowCount x cols.length} values
     * @throws IllegalArgumentException for a missing or non-numeric column or a missing or infinite value
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
     * Every numeric column except the label, as features: {@code featuresExcept(iris, "species")}.
     *
     * @param table the table
     * @param exclude columns to leave out (e.g. the label)
     * @return {@code rowCount x} {@link #numericNamesExcept} values
     */
    public static double[][] featuresExcept(Table table, String... exclude) {
        return features(table, numericNamesExcept(table, exclude));
    }

    /**
     * The names of every numeric column except some, in table order: the features a model uses
     * when it is given only a label.
     *
     * @param table the table
     * @param exclude columns to leave out (e.g. the label); each must exist
     * @return the remaining numeric column names
     */
    public static String[] numericNamesExcept(Table table, String... exclude) {
        List<String> ex = Columns.resolve(table, exclude);
        return table.columns().stream()
                .filter(c -> c instanceof NumericColumn<?> && !ex.contains(c.name()))
                .map(Column::name)
                .toArray(String[]::new);
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
            throw new IllegalArgumentException("Expected a positive width that divides the length " + values.length + ", found " + width
                    + "; check the array's shape");
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
     * Class labels as indices into the column's own {@link #classes}: a text column is encoded by
     * its sorted distinct values, as scikit-learn's LabelEncoder does, and so is a numeric one
     * (1, 2, 3 become 0, 1, 2). To score a model, use {@link #labels(Table, String, List)} with
     * the model's classes instead.
     *
     * @param table the table
     * @param col the label column
     * @return one label per row
     * @throws IllegalArgumentException for a missing column or a missing value
     */
    public static int[] labels(Table table, String col) {
        return labels(table, col, classes(table, col));
    }

    /**
     * Class labels as indices into a given class list (e.g. the one a model was trained with,
     * {@code model.classes()}); values are matched as {@link #classes} writes them.
     *
     * @param table the table
     * @param col the label column
     * @param classes class names; index = label
     * @return one label per row
     * @throws IllegalArgumentException for a missing value or a value not among {@code classes}
     */
    public static int[] labels(Table table, String col, List<String> classes) {
        Column<?> c = Columns.require(table, col);
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            index.putIfAbsent(classes.get(k), k);
        }
        int[] out = new int[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            if (isMissingClass(c, i)) {
                throw new IllegalArgumentException("Expected one of the classes " + classes + " in label column '" + col + "' row " + i
                        + ", found a missing value; drop those rows first, e.g. table.dropRowsWithMissingValues()");
            }
            Integer k = index.get(className(c, i));
            if (k == null) {
                throw new IllegalArgumentException("Expected one of the classes " + classes + " in label column '" + col + "' row " + i
                        + ", found '" + className(c, i) + "'; remove rows whose label the model was not trained on");
            }
            out[i] = k;
        }
        return out;
    }

    /**
     * The sorted distinct non-missing values of a column, as text: the class names behind
     * {@link #labels(Table, String)}. Numbers sort numerically and integral ones are written
     * without a decimal point ({@code "3"}, not {@code "3.0"}).
     *
     * @param table the table
     * @param col the column
     * @return sorted class names
     */
    public static List<String> classes(Table table, String col) {
        Column<?> c = Columns.require(table, col);
        Comparator<String> order = c instanceof NumericColumn<?> ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
        TreeSet<String> s = new TreeSet<>(order);
        for (int i = 0; i < c.size(); i++) {
            if (!isMissingClass(c, i)) {
                s.add(className(c, i));
            }
        }
        return List.copyOf(s);
    }

    /**
     * Whether a column reads as a measurement rather than as a few classes: a numeric column with
     * more than {@value #MAX_NUMERIC_CLASSES} distinct values, or, from 20 rows on, with more
     * distinct values than half its rows. A text column is never continuous: its values are names.
     * Classifiers and stratified splits refuse such a column instead of treating every price or
     * age as a class of its own.
     *
     * @param table the table
     * @param col the column
     * @return whether the column is numeric with too many distinct values to be classes
     */
    public static boolean looksContinuous(Table table, String col) {
        if (!(Columns.require(table, col) instanceof NumericColumn<?>)) {
            return false;
        }
        int distinct = classes(table, col).size();
        return distinct > MAX_NUMERIC_CLASSES || (table.rowCount() >= 20 && distinct > table.rowCount() / 2);
    }

    /**
     * Whether a label cell holds no class. A blank text cell counts: Tablesaw's
     * {@code StringColumn.setMissing} leaves an empty string that {@code isMissing} does not
     * report, and a class named "" would silently become a class of its own.
     */
    private static boolean isMissingClass(Column<?> c, int row) {
        return c.isMissing(row) || (c instanceof StringColumn s && s.get(row).isBlank());
    }

    /**
     * The class names of int labels that have no names of their own: {@code "0".."k-1"}, so that
     * index i is class {@code "i"}.
     *
     * @param k the number of classes
     * @return the names {@code "0"} to {@code "k-1"}
     */
    public static List<String> indexNames(int k) {
        List<String> names = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            names.add(String.valueOf(i));
        }
        return names;
    }

    /**
     * A cell's class name, as {@link #classes} writes it: integral numbers without a decimal point
     * (3 in a double column is class {@code "3"}), other values as text. Encoders that turn a
     * column into codes use it, so they agree with every model on what a class is called.
     *
     * @param c the column
     * @param row a row whose value is not missing
     * @return the class name
     */
    public static String className(Column<?> c, int row) {
        Object v = c.get(row);
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
                return String.valueOf((long) d);
            }
            return String.valueOf(d);
        }
        return String.valueOf(v);
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
                throw new IllegalArgumentException("Expected numbers in column '" + name + "' of table " + table.name() + ", found "
                        + missing + " missing value" + (missing == 1 ? "" : "s") + " (NaN or empty; the first at row " + firstMissing(c)
                        + "); fill them with Imputer or drop them with table.dropRowsWithMissingValues()");
            }
            for (int i = 0; i < c.size(); i++) {
                if (Double.isInfinite(c.getDouble(i))) {
                    throw new IllegalArgumentException("Expected finite numbers in column '" + name + "' of table " + table.name()
                            + ", found " + c.getDouble(i) + " at row " + i + "; drop or fix that row first");
                }
            }
            out.add(c);
        }
        return out;
    }

    private static int firstMissing(Column<?> c) {
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) {
                return i;
            }
        }
        return -1;
    }
}
