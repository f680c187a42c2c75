package dev.jotter.toolkit.train;

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
        int d = x[0].length;
        float[] mean = new float[d];
        float[] std = new float[d];
        java.util.Arrays.fill(std, 1f);
        if (!enabled) {
            return new Standardizer(mean, std);
        }
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (float[] row : x) {
                s += row[j];
            }
            double m = s / x.length;
            double v = 0;
            for (float[] row : x) {
                v += (row[j] - m) * (row[j] - m);
            }
            double sd = Math.sqrt(v / x.length);
            mean[j] = (float) m;
            std[j] = sd > 1e-12 ? (float) sd : 1f;
        }
        return new Standardizer(mean, std);
    }

    float[][] apply(float[][] x) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new float[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = (x[i][j] - mean[j]) / std[j];
            }
        }
        return out;
    }

    void store(Properties p) {
        p.setProperty("mean", Persist.floats(mean));
        p.setProperty("std", Persist.floats(std));
    }

    static Standardizer load(Properties p) {
        return new Standardizer(Persist.floats(p.getProperty("mean")), Persist.floats(p.getProperty("std")));
    }
}
