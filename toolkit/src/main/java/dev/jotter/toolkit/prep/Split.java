package dev.jotter.toolkit.prep;

import dev.jotter.toolkit.data.Columns;
import dev.jotter.toolkit.data.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Seeded, reproducible train/test splits (Tablesaw's own sampling cannot be seeded). The test
 * set has {@code ceil(testFraction * n)} rows, as in scikit-learn's {@code train_test_split};
 * rows come out shuffled. The default seed is {@value #DEFAULT_SEED}.
 *
 * <pre>{@code
 * jshell> var s = Split.trainTest(iris, 0.2, 42)
 * jshell> s.train().rowCount()   // 120
 * jshell> var st = Split.trainTest(iris, "species", 0.2, 42)   // stratified: 10 of each species in test
 * }</pre>
 *
 * <p>For a classifier, pass the label column: the split is then stratified, as scikit-learn's
 * {@code train_test_split(..., stratify=y)}, so a rare class is not left out of the test set by
 * chance.
 */
public final class Split {

    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42;

    private Split() {}

    /**
     * A table split in two.
     *
     * @param train the training rows
     * @param test the test rows
     */
    public record TrainTest(Table train, Table test) {}

    /**
     * Row indices split in two, for arrays or {@code ImageSet.select}.
     *
     * @param train training row indices
     * @param test test row indices
     */
    public record Indices(int[] train, int[] test) {}

    /**
     * Splits with the default seed.
     *
     * @param table the table; not modified
     * @param testFraction share of rows for the test set, in (0, 1)
     * @return new train and test tables
     */
    public static TrainTest trainTest(Table table, double testFraction) {
        return trainTest(table, testFraction, DEFAULT_SEED);
    }

    /**
     * Splits at random.
     *
     * @param table the table; not modified
     * @param testFraction share of rows for the test set, in (0, 1)
     * @param seed random seed
     * @return new train and test tables
     */
    public static TrainTest trainTest(Table table, double testFraction, long seed) {
        return apply(table, indices(table.rowCount(), testFraction, seed));
    }

    /**
     * Splits for a classifier: stratified by the label column, so each class keeps its share in
     * train and test. The same as {@link #stratified(Table, String, double, long)}.
     *
     * @param table the table; not modified
     * @param labelColumn the class column
     * @param testFraction share of rows for the test set, in (0, 1)
     * @param seed random seed
     * @return new train and test tables
     */
    public static TrainTest trainTest(Table table, String labelColumn, double testFraction, long seed) {
        return stratified(table, labelColumn, testFraction, seed);
    }

    /**
     * Splits for a classifier, stratified by the label column, with the default seed.
     *
     * @param table the table; not modified
     * @param labelColumn the class column
     * @param testFraction share of rows for the test set, in (0, 1)
     * @return new train and test tables
     */
    public static TrainTest trainTest(Table table, String labelColumn, double testFraction) {
        return stratified(table, labelColumn, testFraction, DEFAULT_SEED);
    }

    /**
     * Splits keeping each class's share the same in train and test.
     *
     * @param table the table; not modified
     * @param labelColumn the class column
     * @param testFraction share of rows for the test set, in (0, 1)
     * @param seed random seed
     * @return new train and test tables
     * @throws IllegalArgumentException for a numeric column that {@link Matrix#looksContinuous looks continuous}
     *     (a price, an age): each of its values would be a class of one or two rows
     */
    public static TrainTest stratified(Table table, String labelColumn, double testFraction, long seed) {
        Column<?> c = Columns.require(table, labelColumn);
        if (Matrix.looksContinuous(table, labelColumn)) {
            throw new IllegalArgumentException("Expected a column of a few classes to stratify on, found " + Matrix.classes(table, labelColumn).size()
                    + " distinct values in '" + labelColumn + "' (" + table.rowCount() + " rows); use Split.trainTest(table, " + testFraction
                    + ", seed) for a continuous column");
        }
        String[] labels = new String[c.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = c.isMissing(i) ? "" : c.getString(i);
        }
        return apply(table, stratifiedIndices(labels, testFraction, seed));
    }

    /**
     * Stratified split with the default seed.
     *
     * @param table the table
     * @param labelColumn the class column
     * @param testFraction share of rows for the test set
     * @return new train and test tables
     */
    public static TrainTest stratified(Table table, String labelColumn, double testFraction) {
        return stratified(table, labelColumn, testFraction, DEFAULT_SEED);
    }

    /**
     * Random split of row indices {@code 0..n-1}.
     *
     * @param n number of rows
     * @param testFraction share for the test set, in (0, 1)
     * @param seed random seed
     * @return shuffled train and test indices
     */
    public static Indices indices(int n, double testFraction, long seed) {
        int nTest = testSize(n, testFraction);
        int[] perm = permutation(n, seed);
        return new Indices(Arrays.copyOfRange(perm, nTest, n), Arrays.copyOfRange(perm, 0, nTest));
    }

    /**
     * Stratified split of row indices, e.g. for {@code ImageSet.labels()}.
     *
     * @param labels class label per row
     * @param testFraction share for the test set, in (0, 1)
     * @param seed random seed
     * @return shuffled train and test indices
     */
    public static Indices stratifiedIndices(int[] labels, double testFraction, long seed) {
        String[] s = new String[labels.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Integer.toString(labels[i]);
        }
        return stratifiedIndices(s, testFraction, seed);
    }

    private static Indices stratifiedIndices(String[] labels, double testFraction, long seed) {
        int n = labels.length;
        int nTest = testSize(n, testFraction);
        Map<String, List<Integer>> byClass = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byClass.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        // Largest-remainder allocation: each class gets its share of the test rows, and the
        // rounding leftovers go to the classes with the biggest fractional parts.
        List<String> classes = new ArrayList<>(byClass.keySet());
        classes.sort(null);
        int[] take = new int[classes.size()];
        double[] frac = new double[classes.size()];
        int given = 0;
        for (int k = 0; k < classes.size(); k++) {
            double exact = (double) nTest * byClass.get(classes.get(k)).size() / n;
            take[k] = (int) Math.floor(exact);
            frac[k] = exact - take[k];
            given += take[k];
        }
        Integer[] order = new Integer[classes.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(frac[b], frac[a]));
        for (int r = 0; given < nTest; r++, given++) {
            take[order[r % order.length]]++;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] train = new int[n - nTest];
        int[] test = new int[nTest];
        int tr = 0;
        int te = 0;
        for (int k = 0; k < classes.size(); k++) {
            List<Integer> rows = byClass.get(classes.get(k));
            int[] perm = permutation(rows.size(), rnd);
            for (int j = 0; j < perm.length; j++) {
                if (j < take[k]) {
                    test[te++] = rows.get(perm[j]);
                } else {
                    train[tr++] = rows.get(perm[j]);
                }
            }
        }
        shuffle(train, rnd);
        shuffle(test, rnd);
        return new Indices(train, test);
    }

    static int testSize(int n, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("Expected a test fraction between 0 and 1 (e.g. 0.2), found " + testFraction);
        }
        int nTest = (int) Math.ceil(testFraction * n);
        if (nTest == 0 || nTest >= n) {
            throw new IllegalArgumentException("Expected a test fraction that leaves test and training rows, found " + testFraction + " of " + n + " rows, which leaves "
                    + (nTest == 0 ? "no test rows" : "no training rows") + "; use more rows or another fraction");
        }
        return nTest;
    }

    static int[] permutation(int n, long seed) {
        return permutation(n, new SplittableRandom(seed));
    }

    static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, rnd);
        return p;
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    static TrainTest apply(Table table, Indices idx) {
        return new TrainTest(rows(table, idx.train(), "train"), rows(table, idx.test(), "test"));
    }

    static Table rows(Table table, int[] rows, String suffix) {
        Table t = table.rows(rows);
        t.setName(table.name() + "-" + suffix);
        return t;
    }
}
