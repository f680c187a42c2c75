package dev.jotter.toolkit.prep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Seeded k-fold cross-validation: rows are shuffled once, then cut into k folds; the first
 * {@code n % k} folds get one extra row, as in scikit-learn's {@code KFold(shuffle=True)}.
 *
 * <pre>{@code
 * jshell> for (var fold : KFold.split(iris, 5, 42)) { ... fold.train() ... fold.test() ... }
 * }</pre>
 */
public final class KFold {

    private KFold() {}

    /**
     * Fold indices.
     *
     * @param n number of rows
     * @param k number of folds, 2..n
     * @param seed random seed (the toolkit's default is {@value Split#DEFAULT_SEED})
     * @return k train/test index pairs; every row is in exactly one test fold
     */
    public static List<Split.Indices> indices(int n, int k, long seed) {
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("Expected between 2 and " + n + " folds for " + n + " rows, found " + k);
        }
        int[] perm = Split.permutation(n, seed);
        List<Split.Indices> out = new ArrayList<>(k);
        int start = 0;
        for (int f = 0; f < k; f++) {
            int size = n / k + (f < n % k ? 1 : 0);
            int[] test = Arrays.copyOfRange(perm, start, start + size);
            int[] train = new int[n - size];
            System.arraycopy(perm, 0, train, 0, start);
            System.arraycopy(perm, start + size, train, start, n - start - size);
            out.add(new Split.Indices(train, test));
            start += size;
        }
        return List.copyOf(out);
    }

    /**
     * Fold tables.
     *
     * @param table the table; not modified
     * @param k number of folds
     * @param seed random seed
     * @return k new train/test table pairs
     */
    public static List<Split.TrainTest> split(Table table, int k, long seed) {
        return indices(table.rowCount(), k, seed).stream().map(i -> Split.apply(table, i)).toList();
    }

    /**
     * Fold tables with the default seed.
     *
     * @param table the table
     * @param k number of folds
     * @return k new train/test table pairs
     */
    public static List<Split.TrainTest> split(Table table, int k) {
        return split(table, k, Split.DEFAULT_SEED);
    }
}
