package dev.jotter.toolkit.train;

import dev.jotter.toolkit.data.SparseMatrix;
import dev.jotter.toolkit.train.djl.BatchSource;
import java.util.Arrays;
import java.util.Properties;

/**
 * Per-feature (x - mean) / std learned on the training set and applied inside the fitted model,
 * so callers always pass raw features. A constant feature gets std 1 to avoid dividing by zero.
 *
 * @param mean per-feature mean
 * @param std per-feature standard deviation (population)
 */
record Standardizer(float[] mean, float[] std) {

    static Standardizer fit(float[][] x, boolean enabled) {
        return fit(x.length, x[0].length, BatchSource.Rows.Writer.of(x), enabled);
    }

    /** Statistics of sparse rows, read one dense row at a time so that memory stays O(nnz + features). */
    static Standardizer fit(SparseMatrix x, boolean enabled) {
        return fit(x.rows(), x.cols(), x::copyRow, enabled);
    }

    /**
     * Two passes over the rows, each column's sums taken in row order, so dense and sparse input
     * with the same values give the same statistics to the last bit.
     */
    private static Standardizer fit(int n, int d, BatchSource.Rows.Writer rows, boolean enabled) {
        float[] mean = new float[d];
        float[] std = new float[d];
        Arrays.fill(std, 1f);
        if (!enabled) {
            return new Standardizer(mean, std);
        }
        float[] row = new float[d];
        double[] m = new double[d];
        for (int i = 0; i < n; i++) {
            rows.write(i, row, 0);
            for (int j = 0; j < d; j++) {
                m[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            m[j] /= n;
        }
        double[] v = new double[d];
        for (int i = 0; i < n; i++) {
            rows.write(i, row, 0);
            for (int j = 0; j < d; j++) {
                v[j] += (row[j] - m[j]) * (row[j] - m[j]);
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(v[j] / n);
            mean[j] = (float) m[j];
            std[j] = sd > 1e-12 ? (float) sd : 1f;
        }
        return new Standardizer(mean, std);
    }

    float[][] apply(float[][] x) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
            standardize(out[i], 0);
        }
        return out;
    }

    /** @return a writer of standardized rows of {@code x}, for batches built one at a time */
    BatchSource.Rows.Writer rows(SparseMatrix x) {
        return (i, dest, offset) -> {
            x.copyRow(i, dest, offset);
            standardize(dest, offset);
        };
    }

    private void standardize(float[] row, int offset) {
        for (int j = 0; j < mean.length; j++) {
            row[offset + j] = (row[offset + j] - mean[j]) / std[j];
        }
    }

    void store(Properties p) {
        p.setProperty("mean", Persist.floats(mean));
        p.setProperty("std", Persist.floats(std));
    }

    static Standardizer load(Properties p) {
        return new Standardizer(Persist.floats(p.getProperty("mean")), Persist.floats(p.getProperty("std")));
    }
}
