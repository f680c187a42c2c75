package dev.jotter.toolkit.train;

import dev.jotter.toolkit.data.WorkingDirectory;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import smile.regression.DataFrameRegression;
import smile.regression.GradientTreeBoost;
import smile.regression.RandomForest;

/**
 * A fitted Smile tree-ensemble regressor ({@link SmileRegression}). Plain Java objects, no native
 * memory: {@link #close()} does nothing. Saved with Java serialization next to a readable
 * {@code model.properties}, as {@link SmileClassifier}.
 */
public final class SmileRegressor implements RegressionModel {

    static final String KIND = "smile-regressor";

    private final Serializable model;
    private final int inputs;
    private final ModelCard card;

    SmileRegressor(Serializable model, int inputs, ModelCard card) {
        this.model = model;
        this.inputs = inputs;
        this.card = card;
    }

    SmileRegressor withHistory(History h) {
        return new SmileRegressor(model, inputs, card.withHistory(h));
    }

    @Override
    public double[] predict(double[][] x) {
        Inputs.checkFeatures(Inputs.toFloat(x), inputs);
        return ((DataFrameRegression) model).predict(SmileClassification.frame(x, null));
    }

    /**
     * How much each feature helped the trees reduce the squared error: the total decrease over
     * all splits on that feature, normalised to sum to 1 (scikit-learn's
     * {@code feature_importances_}). Computed from the training data, as
     * {@link SmileClassifier#featureImportance()}.
     *
     * @return feature name to importance, largest first (ties in feature order)
     */
    public Map<String, Double> featureImportance() {
        double[] raw = switch (model) {
            case RandomForest rf -> rf.importance();
            case GradientTreeBoost gb -> gb.importance();
            default -> throw new IllegalStateException("Expected a Smile forest or boosted trees, found " + model.getClass().getName() + ".");
        };
        return SmileClassifier.importance(raw, featureNames());
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
        p.setProperty("inputs", String.valueOf(inputs));
        SmileClassifier.write(dir, p, model);
    }

    /**
     * Reads a model written by {@link #save(Path)}. Only load files you trust: this uses Java
     * deserialization.
     *
     * @param dir the saved directory
     * @return the model
     * @throws IOException when the directory is not a saved Smile regressor
     */
    public static SmileRegressor load(Path dir) throws IOException {
        dir = WorkingDirectory.resolve(dir);
        Properties p = Persist.readProps(dir, KIND);
        return new SmileRegressor(SmileClassifier.readModel(dir), Integer.parseInt(p.getProperty("inputs")), ModelCard.load(p));
    }

    @Override
    public String toString() {
        return description();
    }
}
