package dev.jotter.toolkit.train;

import dev.jotter.toolkit.data.SparseMatrix;
import dev.jotter.toolkit.metrics.ClassificationReport;
import dev.jotter.toolkit.metrics.Metrics;
import dev.jotter.toolkit.train.djl.DjlNet;
import dev.jotter.toolkit.data.WorkingDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A fitted DJL classification network ({@link MlpClassifier}).
 * Features are standardized inside the model, so pass raw values. Holds native memory: close it.
 *
 * <pre>{@code
 * jshell> try (DjlClassifier m = MlpClassifier.builder().optHidden(128, 64).build().fit(x, y)) {
 *    ...>     System.out.println(m.evaluate(xTest, yTest));
 *    ...> }
 * }</pre>
 */
public final class DjlClassifier extends DjlModel implements ClassificationModel {

    static final String KIND = "djl-classifier";

    DjlClassifier(DjlTabular.Parts parts) {
        super(parts, KIND);
    }

    @Override
    public double[][] predictProbabilities(double[][] x) {
        return probabilities(Inputs.toFloat(x));
    }

    /**
     * @param x raw feature rows
     * @return class probabilities per row
     */
    public double[][] predictProbabilities(float[][] x) {
        return probabilities(x);
    }

    /**
     * @param x sparse feature rows, e.g. {@code tfidf.transform(texts)}
     * @return class probabilities per row; only one prediction batch is ever made dense
     */
    public double[][] predictProbabilities(SparseMatrix x) {
        return DjlNet.softmax(parts.forward(x));
    }

    /**
     * @param x sparse feature rows
     * @return the most probable class index per row
     */
    public int[] predict(SparseMatrix x) {
        return ClassificationModel.argMax(predictProbabilities(x));
    }

    /**
     * @param x sparse feature rows
     * @param y true class indices
     * @return precision, recall, F1, accuracy and the confusion matrix
     */
    public ClassificationReport evaluate(SparseMatrix x, int[] y) {
        Inputs.checkClasses(y, x.rows(), classes().size());
        return Metrics.report(y, predict(x), classes());
    }

    @Override
    public int[] predict(float[][] x) {
        return ClassificationModel.argMax(probabilities(x));
    }

    private double[][] probabilities(float[][] x) {
        return DjlNet.softmax(parts.forward(x));
    }

    @Override
    public List<String> classes() {
        return parts.classes();
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @param dir the saved directory
     * @return the model, on {@link Devices#preferred()}
     * @throws IOException when the directory is not a saved DJL classifier
     */
    public static DjlClassifier load(Path dir) throws IOException {
        dir = WorkingDirectory.resolve(dir);
        return new DjlClassifier(DjlTabular.read(dir, KIND));
    }
}
