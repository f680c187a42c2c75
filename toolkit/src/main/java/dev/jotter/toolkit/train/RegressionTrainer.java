package dev.jotter.toolkit.train;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Configured, not yet trained: {@code fit} returns a new immutable fitted model and never changes
 * the trainer or its inputs, so one trainer can fit many datasets.
 *
 * <pre>{@code
 * jshell> var trainer = SgdRegressor.builder().setFeatures("weight").setLabel("mpg").build();
 * jshell> var model = trainer.fit(train, test);
 * }</pre>
 *
 * @param <M> the fitted model type
 */
public abstract class RegressionTrainer<M extends RegressionModel> extends TableTrainer<M> {

    RegressionTrainer(ColumnsBuilder<?> b) {
        super(b);
    }

    /**
     * @param train training table
     * @param validation validation table scored after every epoch (may be null)
     * @return the fitted model
     */
    @Override
    public M fit(Table train, Table validation) {
        List<String> names = featuresOf(train);
        float[][] x = Inputs.toFloat(Inputs.features(train, names));
        float[] y = Inputs.toFloat(Inputs.targets(train, label));
        float[][] xv = validation == null ? null : Inputs.toFloat(Inputs.features(validation, names));
        float[] yv = validation == null ? null : Inputs.toFloat(Inputs.targets(validation, label));
        return fitChecked(x, y, xv, yv, names, label);
    }

    /**
     * @param x feature rows
     * @param y targets, one per row
     * @return the fitted model
     */
    public M fit(double[][] x, double[] y) {
        return fit(x, y, null, null);
    }

    /**
     * @param x feature rows
     * @param y targets
     * @param xVal validation rows (may be null)
     * @param yVal validation targets (may be null)
     * @return the fitted model
     */
    public M fit(double[][] x, double[] y, double[][] xVal, double[] yVal) {
        float[][] xf = Inputs.toFloat(x);
        return fitChecked(xf, Inputs.toFloat(y), xVal == null ? null : Inputs.toFloat(xVal), yVal == null ? null : Inputs.toFloat(yVal),
                defaultNames(xf[0].length), "y");
    }

    /**
     * @param x feature rows
     * @param y targets
     * @return the fitted model
     */
    public M fit(float[][] x, float[] y) {
        Inputs.requireRows(x.length);
        return fitChecked(x, y, null, null, defaultNames(x[0].length), "y");
    }

    private M fitChecked(float[][] x, float[] y, float[][] xv, float[] yv, List<String> names, String labelName) {
        Inputs.requireTrainingRows(x.length);
        Inputs.checkFeatures(x, 0);
        Inputs.checkTargets(y, x.length);
        if (xv != null) {
            if (yv == null) {
                throw new IllegalArgumentException("Expected validation targets with the " + xv.length + " validation rows, found null; pass both or neither.");
            }
            Inputs.checkFeatures(xv, x[0].length);
            Inputs.checkTargets(yv, xv.length);
        }
        return fitArrays(x, y, xv, yv, names, labelName);
    }

    /** Fits on checked arrays; inputs must not be modified. */
    abstract M fitArrays(float[][] x, float[] y, float[][] xVal, float[] yVal, List<String> featureNames, String label);
}
