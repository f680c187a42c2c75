package dev.jotter.toolkit.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Closed-form and convex linear regression baselines with scikit-learn's objectives, in pure Java:
 * ordinary least squares, ridge ({@code ||y - Xw - b||² + alpha ||w||²}) and lasso
 * ({@code ||y - Xw - b||² / 2n + alpha ||w||₁}, coordinate descent). The intercept is never
 * penalized. Smile 6.3's OLS, ridge and lasso call native LAPACK through the FFM API and need a
 * system OpenBLAS; these need nothing and match scikit-learn (see the tests).
 *
 * <pre>{@code
 * jshell> var model = ClassicRegression.ridge(1.0).setFeatures("horsepower", "weight").setLabel("mpg").build().fit(train);
 * jshell> model.coefficients()
 * }</pre>
 */
public final class ClassicRegression extends RegressionTrainer<LinearModel> {

    enum Kind { OLS, RIDGE, LASSO }

    private final Builder b;

    private ClassicRegression(Builder b) {
        super(b);
        this.b = b;
    }

    /** @return a builder for ordinary least squares */
    public static Builder ols() {
        return new Builder(Kind.OLS, 0);
    }

    /**
     * @param alpha L2 penalty, as scikit-learn's {@code Ridge(alpha)}
     * @return a builder for ridge regression
     */
    public static Builder ridge(double alpha) {
        return new Builder(Kind.RIDGE, alpha);
    }

    /**
     * @param alpha L1 penalty, as scikit-learn's {@code Lasso(alpha)}
     * @return a builder for the lasso
     */
    public static Builder lasso(double alpha) {
        return new Builder(Kind.LASSO, alpha);
    }

    @Override
    LinearModel fitArrays(float[][] xf, float[] yf, float[][] xv, float[] yv, List<String> features, String label) {
        int n = xf.length;
        int d = xf[0].length;
        double[] mean = new double[d];
        double yMean = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += xf[i][j];
            }
            yMean += yf[i];
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        yMean /= n;
        // Centering removes the intercept from the problem, so it is never penalized.
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = xf[i][j] - mean[j];
            }
            y[i] = yf[i] - yMean;
        }
        double[] w = b.kind == Kind.LASSO ? lasso(x, y, b.alpha) : ridge(x, y, b.kind == Kind.OLS ? 0 : b.alpha, features);
        double intercept = yMean;
        for (int j = 0; j < d; j++) {
            intercept -= w[j] * mean[j];
        }
        String description = switch (b.kind) {
            case OLS -> "OLS";
            case RIDGE -> "Ridge(alpha=" + b.alpha + ")";
            case LASSO -> "Lasso(alpha=" + b.alpha + ")";
        };
        LinearModel model = new LinearModel(w, intercept, ModelCard.untrained(features, label, description));
        Map<String, List<Double>> h = new LinkedHashMap<>();
        h.put("loss", List.of(model.evaluate(toDouble(xf), toDouble(yf)).mse()));
        if (xv != null) {
            h.put("val_loss", List.of(model.evaluate(toDouble(xv), toDouble(yv)).mse()));
        }
        return model.withHistory(History.of(h));
    }

    /** Solves (X'X + alpha I) w = X'y by Cholesky; {@code names} name the features in its error. */
    static double[] ridge(double[][] x, double[] y, double alpha, List<String> names) {
        int d = x[0].length;
        double[][] a = new double[d][d];
        double[] rhs = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k <= j; k++) {
                    a[j][k] += row[j] * row[k];
                }
            }
        }
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                rhs[j] += x[i][j] * y[i];
            }
        }
        for (int j = 0; j < d; j++) {
            a[j][j] += alpha;
        }
        double[][] l = new double[d][d];
        for (int j = 0; j < d; j++) {
            for (int k = 0; k <= j; k++) {
                double s = a[j][k];
                for (int m = 0; m < k; m++) {
                    s -= l[j][m] * l[k][m];
                }
                if (j == k) {
                    if (s <= 1e-12 * Math.max(1, a[j][j])) {
                        throw new IllegalArgumentException("Expected linearly independent features for least squares, found '" + names.get(j)
                                + "' collinear with " + names.subList(0, j) + " (or constant), so there is no unique answer; drop redundant columns or use"
                                + " ClassicRegression.ridge(alpha).");
                    }
                    l[j][j] = Math.sqrt(s);
                } else {
                    l[j][k] = s / l[k][k];
                }
            }
        }
        double[] z = new double[d];
        for (int j = 0; j < d; j++) {
            double s = rhs[j];
            for (int m = 0; m < j; m++) {
                s -= l[j][m] * z[m];
            }
            z[j] = s / l[j][j];
        }
        double[] w = new double[d];
        for (int j = d - 1; j >= 0; j--) {
            double s = z[j];
            for (int m = j + 1; m < d; m++) {
                s -= l[m][j] * w[m];
            }
            w[j] = s / l[j][j];
        }
        return w;
    }

    /** Cyclic coordinate descent with soft thresholding on centered data. */
    static double[] lasso(double[][] x, double[] y, double alpha) {
        int n = x.length;
        int d = x[0].length;
        double[] w = new double[d];
        double[] residual = y.clone();
        double[] norms = new double[d];
        for (int j = 0; j < d; j++) {
            for (double[] row : x) {
                norms[j] += row[j] * row[j];
            }
        }
        for (int iter = 0; iter < 100_000; iter++) {
            double maxChange = 0;
            for (int j = 0; j < d; j++) {
                if (norms[j] == 0) {
                    continue;
                }
                double rho = 0;
                for (int i = 0; i < n; i++) {
                    rho += x[i][j] * (residual[i] + x[i][j] * w[j]);
                }
                double updated = Math.signum(rho) * Math.max(Math.abs(rho) - n * alpha, 0) / norms[j];
                double delta = updated - w[j];
                if (delta != 0) {
                    for (int i = 0; i < n; i++) {
                        residual[i] -= x[i][j] * delta;
                    }
                    w[j] = updated;
                    maxChange = Math.max(maxChange, Math.abs(delta));
                }
            }
            if (maxChange < 1e-12) {
                break;
            }
        }
        return w;
    }

    /** Widens feature rows for the double-precision solvers (also the Smile trainers', in toolkit-smile). */
    static double[][] toDouble(float[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = x[i][j];
            }
        }
        return out;
    }

    private static double[] toDouble(float[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i];
        }
        return out;
    }

    /** Configures a {@link ClassicRegression}. */
    public static final class Builder extends ColumnsBuilder<Builder> {
        private final Kind kind;
        private final double alpha;

        private Builder(Kind kind, double alpha) {
            if (alpha < 0 || !Double.isFinite(alpha)) {
                throw new IllegalArgumentException("Expected a penalty alpha >= 0, found " + alpha + ".");
            }
            this.kind = kind;
            this.alpha = alpha;
        }

        /** @return the trainer */
        public ClassicRegression build() {
            return new ClassicRegression(this);
        }
    }
}
