package dev.jotter.toolkit.train;

import dev.jotter.toolkit.data.ImageSet;
import dev.jotter.toolkit.data.Matrix;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Configured, not yet trained: {@code fit} returns a new immutable fitted classifier and never
 * changes the trainer or its inputs. The fitted model keeps its classes ({@code model.classes()}):
 * for a table, the label column's sorted distinct values as {@link dev.jotter.toolkit.data.Matrix#classes}
 * reads them (numbers numerically, so labels 1, 2, 3 are classes "1", "2", "3" at indices 0, 1, 2);
 * for int labels, the indices {@code "0".."k-1"}; for images, the set's class names. A numeric
 * label column that {@link dev.jotter.toolkit.data.Matrix#looksContinuous looks continuous} (more
 * than 50 distinct values, or more than half the rows) is refused rather than trained with a
 * class per value: it almost always means a regressor was meant.
 *
 * <pre>{@code
 * jshell> var trainer = MlpClassifier.builder().optHidden(128, 64).build();
 * jshell> var model = trainer.fit(xTrain, yTrain, xTest, yTest);
 * }</pre>
 *
 * @param <M> the fitted model type
 */
public abstract class ClassificationTrainer<M extends ClassificationModel> extends TableTrainer<M> {

    ClassificationTrainer(ColumnsBuilder<?> b) {
        super(b);
    }

    /**
     * @param train training table
     * @param validation validation table scored after every epoch (may be null); its labels must occur in train
     * @return the fitted model
     */
    @Override
    public M fit(Table train, Table validation) {
        List<String> names = featuresOf(train);
        float[][] x = Inputs.toFloat(Inputs.features(train, names));
        List<String> classes = Inputs.classes(train, label);
        int[] y = Inputs.labels(train, label, classes);
        float[][] xv = null;
        int[] yv = null;
        if (validation != null) {
            xv = Inputs.toFloat(Inputs.features(validation, names));
            yv = Inputs.labels(validation, label, classes);
        }
        return fitChecked(x, y, xv, yv, names, label, classes);
    }

    /**
     * @param x feature rows
     * @param y class indices 0..k-1, one per row
     * @return the fitted model
     */
    public M fit(float[][] x, int[] y) {
        return fit(x, y, null, null);
    }

    /**
     * @param x feature rows
     * @param y class indices
     * @param xVal validation rows (may be null)
     * @param yVal validation class indices (may be null)
     * @return the fitted model
     */
    public M fit(float[][] x, int[] y, float[][] xVal, int[] yVal) {
        Inputs.requireRows(x.length);
        // Classes come from the training labels alone: a validation label beyond them is unknown.
        int k = Inputs.numClasses(y);
        return fitChecked(x, y, xVal, yVal, defaultNames(x[0].length), "y", Matrix.indexNames(k));
    }

    /**
     * @param x feature rows
     * @param y class indices
     * @return the fitted model
     */
    public M fit(double[][] x, int[] y) {
        return fit(Inputs.toFloat(x), y);
    }

    /**
     * @param x feature rows
     * @param y class indices
     * @param xVal validation rows (may be null)
     * @param yVal validation class indices (may be null)
     * @return the fitted model
     */
    public M fit(double[][] x, int[] y, double[][] xVal, int[] yVal) {
        return fit(Inputs.toFloat(x), y, xVal == null ? null : Inputs.toFloat(xVal), yVal);
    }

    /**
     * Fits on images, one feature per pixel, with the set's class names.
     *
     * @param train training images
     * @return the fitted model
     */
    public M fit(ImageSet train) {
        return fit(train, null);
    }

    /**
     * @param train training images
     * @param validation validation images scored after every epoch (may be null); its classes are
     *     matched to the training set's by name
     * @return the fitted model
     */
    public M fit(ImageSet train, ImageSet validation) {
        Inputs.requireRows(train.size());
        List<String> classes = train.classNames();
        return fitChecked(train.pixels(), train.labels(), validation == null ? null : validation.pixels(),
                validation == null ? null : validation.labelsIn(classes), defaultNames(train.features()), "label", classes);
    }

    private M fitChecked(float[][] x, int[] y, float[][] xv, int[] yv, List<String> names, String labelName, List<String> classes) {
        Inputs.requireTrainingRows(x.length);
        Inputs.checkFeatures(x, 0);
        Inputs.checkClasses(y, x.length, classes.size());
        if (classes.size() < 2) {
            throw new IllegalArgumentException("Expected at least 2 classes in the training labels, found " + classes
                    + ". A classifier needs examples of each class.");
        }
        if (xv != null) {
            if (yv == null) {
                throw new IllegalArgumentException("Expected validation labels with the " + xv.length + " validation rows, found null; pass both or neither.");
            }
            Inputs.checkFeatures(xv, x[0].length);
            Inputs.checkClasses(yv, xv.length, classes.size());
        }
        return fitArrays(x, y, xv, yv, names, labelName, classes);
    }

    /** Fits on checked arrays; inputs must not be modified. */
    abstract M fitArrays(float[][] x, int[] y, float[][] xVal, int[] yVal, List<String> featureNames, String label, List<String> classes);
}
