package dev.jotter.toolkit.train;

import dev.jotter.toolkit.data.WorkingDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A fitted linear regression {@code y = x · coefficients + intercept} from
 * {@link ClassicRegression}: plain Java, nothing to close.
 */
public final class LinearModel implements RegressionModel {

    static final String KIND = "linear-model";

    private final double[] coefficients;
    private final double intercept;
    private final ModelCard card;

    LinearModel(double[] coefficients, double intercept, ModelCard card) {
        this.coefficients = coefficients.clone();
        this.intercept = intercept;
        this.card = card;
    }

    LinearModel withHistory(History h) {
        return new LinearModel(coefficients, intercept, card.withHistory(h));
    }

    /** @return one weight per feature, in the features' own units */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** @return the intercept */
    public double intercept() {
        return intercept;
    }

    @Override
    public double[] predict(double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != coefficients.length) {
                throw new IllegalArgumentException("Expected " + coefficients.length + " features per row (as in training), found " + x[i].length
                        + " in row " + i + ".");
            }
            double s = intercept;
            for (int j = 0; j < coefficients.length; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("Expected finite features, found " + x[i][j] + " as feature " + j + " of row " + i
                            + "; drop or fill missing values first (Imputer).");
                }
                s += coefficients[j] * x[i][j];
            }
            y[i] = s;
        }
        return y;
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public void save(Path dir) throws IOException {
        dir = WorkingDirectory.resolve(dir);
        Properties p = new Properties();
        card.store(p, KIND);
        StringBuilder sb = new StringBuilder();
        for (double c : coefficients) {
            sb.append(sb.isEmpty() ? "" : ",").append(c);
        }
        p.setProperty("coefficients", sb.toString());
        p.setProperty("intercept", String.valueOf(intercept));
        Persist.writeProps(dir, p);
    }

    /**
     * @param dir a directory written by {@link #save(Path)}
     * @return the model
     * @throws IOException when it is not a saved linear model
     */
    public static LinearModel load(Path dir) throws IOException {
        dir = WorkingDirectory.resolve(dir);
        Properties p = Persist.readProps(dir, KIND);
        String[] parts = p.getProperty("coefficients").split(",");
        double[] c = new double[parts.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Double.parseDouble(parts[i]);
        }
        return new LinearModel(c, Double.parseDouble(p.getProperty("intercept")), ModelCard.load(p));
    }

    @Override
    public String toString() {
        return description() + " " + java.util.Arrays.toString(coefficients) + " + " + intercept;
    }
}
