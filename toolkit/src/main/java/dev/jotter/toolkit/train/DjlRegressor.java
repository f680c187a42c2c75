package dev.jotter.toolkit.train;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.jotter.toolkit.train.djl.MlpSpec;
import dev.jotter.toolkit.data.WorkingDirectory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A fitted DJL regression network ({@link SgdRegressor} or {@link MlpRegressor}). Features are
 * standardized inside the model with the training statistics, so pass raw values. Holds native
 * memory: close it when done.
 *
 * <pre>{@code
 * jshell> try (DjlRegressor m = SgdRegressor.builder().build().fit(x, y)) { m.coefficients(); }
 * }</pre>
 */
public final class DjlRegressor extends DjlModel implements RegressionModel {

    static final String KIND = "djl-regressor";

    DjlRegressor(DjlTabular.Parts parts) {
        super(parts, KIND);
    }

    @Override
    public double[] predict(double[][] x) {
        return predictFloats(Inputs.toFloat(x));
    }

    /**
     * @param x raw feature rows
     * @return one prediction per row
     */
    public double[] predict(float[][] x) {
        return predictFloats(x);
    }

    private double[] predictFloats(float[][] x) {
        float[][] out = parts.forward(x);
        double[] y = new double[out.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = out[i][0];
        }
        return y;
    }

    /**
     * The weights of a linear model in the units of the raw features (the standardization is
     * folded back in), as a statistician would read them.
     *
     * @return one coefficient per feature
     * @throws IllegalStateException for a network with hidden layers, which has no such weights
     */
    public double[] coefficients() {
        double[][] wb = linear();
        return wb[0];
    }

    /**
     * @return the intercept of a linear model in raw feature units
     * @throws IllegalStateException for a network with hidden layers
     */
    public double intercept() {
        return linear()[1][0];
    }

    private double[][] linear() {
        MlpSpec spec = parts.spec();
        Standardizer standardizer = parts.standardizer();
        if (spec.hidden().length > 0) {
            throw new IllegalStateException("Expected a linear model (no hidden layers) for coefficients(), found layers " + spec.layers()
                    + "; use SgdRegressor or ClassicRegression.ols() for interpretable weights.");
        }
        float[] w = null;
        float b = 0;
        for (Pair<String, Parameter> p : parts.net().block().getParameters()) {
            if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                w = p.getValue().getArray().toFloatArray();
            } else if (p.getValue().getType() == Parameter.Type.BIAS) {
                b = p.getValue().getArray().toFloatArray()[0];
            }
        }
        double[] coef = new double[spec.inputs()];
        double intercept = b;
        for (int j = 0; j < coef.length; j++) {
            coef[j] = w[j] / standardizer.std()[j];
            intercept -= coef[j] * standardizer.mean()[j];
        }
        return new double[][] {coef, {intercept}};
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @param dir the saved directory
     * @return the model, on {@link Devices#preferred()}
     * @throws IOException when the directory is not a saved DJL regressor
     */
    public static DjlRegressor load(Path dir) throws IOException {
        dir = WorkingDirectory.resolve(dir);
        return new DjlRegressor(DjlTabular.read(dir, KIND));
    }
}
