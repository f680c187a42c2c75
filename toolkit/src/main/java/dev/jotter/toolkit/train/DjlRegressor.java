package dev.jotter.toolkit.train;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import tech.tablesaw.api.Table;

/**
 * A fitted DJL regression network ({@link LinearRegression} or {@link MlpRegressor}). Features are
 * standardized inside the model with the training statistics, so pass raw values. Holds native
 * memory: close it when done.
 *
 * <pre>{@code
 * jshell> try (DjlRegressor m = LinearRegression.builder().build().fit(x, y)) { m.coefficients(); }
 * }</pre>
 */
public final class DjlRegressor implements RegressionModel {

    static final String KIND = "djl-regressor";

    private final DjlNet net;
    private final MlpSpec spec;
    private final Standardizer standardizer;
    private final List<String> featureNames;
    private final String label;
    private final History history;
    private final String description;

    DjlRegressor(DjlNet net, MlpSpec spec, Standardizer standardizer, List<String> featureNames, String label, History history,
            String description) {
        this.net = net;
        this.spec = spec;
        this.standardizer = standardizer;
        this.featureNames = List.copyOf(featureNames);
        this.label = label;
        this.history = history;
        this.description = description;
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

    @Override
    public double[] predict(Table table) {
        return predictFloats(Inputs.features(table, featureNames));
    }

    private double[] predictFloats(float[][] x) {
        Inputs.checkFeatures(x, spec.inputs());
        float[][] out = net.forward(standardizer.apply(x));
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
        if (spec.hidden().length > 0) {
            throw new IllegalStateException("coefficients() needs a linear model, found hidden layers " + spec.layers()
                    + ". Use LinearRegression for interpretable weights.");
        }
        float[] w = null;
        float b = 0;
        for (Pair<String, Parameter> p : net.block().getParameters()) {
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

    /** @return the number of trainable weights */
    public long parameterCount() {
        return net.parameterCount();
    }

    @Override
    public History history() {
        return history;
    }

    @Override
    public List<String> featureNames() {
        return featureNames;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void save(Path dir) throws IOException {
        write(dir, net.block(), spec, standardizer, featureNames, label, history, description);
    }

    static void write(Path dir, ai.djl.nn.Block block, MlpSpec spec, Standardizer st, List<String> features, String label, History history,
            String description) throws IOException {
        Properties p = new Properties();
        p.setProperty("kind", KIND);
        p.setProperty("description", description);
        spec.store(p);
        p.setProperty("mean", Persist.floats(st.mean()));
        p.setProperty("std", Persist.floats(st.std()));
        p.setProperty("features", Persist.names(features));
        p.setProperty("label", label);
        Persist.storeHistory(p, history);
        Persist.writeProps(dir, p);
        Persist.writeParams(dir, block);
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @param dir the saved directory
     * @return the model, on {@link Devices#preferred()}
     * @throws IOException when the directory is not a saved DJL regressor
     */
    public static DjlRegressor load(Path dir) throws IOException {
        Properties p = Persist.readProps(dir, KIND);
        MlpSpec spec = MlpSpec.load(p);
        DjlNet net = DjlNet.load(dir, KIND, spec.build(), new Shape(1, spec.inputs()));
        return new DjlRegressor(net, spec, new Standardizer(Persist.floats(p.getProperty("mean")), Persist.floats(p.getProperty("std"))),
                Persist.names(p.getProperty("features")), p.getProperty("label"), Persist.loadHistory(p), p.getProperty("description"));
    }

    @Override
    public void close() {
        net.close();
    }

    @Override
    public String toString() {
        return description;
    }
}
