package dev.jotter.toolkit.train;

import dev.jotter.toolkit.data.ImageSet;
import dev.jotter.toolkit.metrics.ClassificationReport;
import dev.jotter.toolkit.metrics.Metrics;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A fitted classifier over feature rows: immutable, predicts class indices (into
 * {@link #classNames()}) and probabilities, and knows how it was trained. Close DJL models when
 * done; closing a Smile model does nothing.
 *
 * <pre>{@code
 * jshell> ClassificationReport r = model.evaluate(test);
 * jshell> r.accuracy()
 * }</pre>
 */
public interface ClassificationModel extends FittedModel {

    /**
     * @param x raw feature rows, same columns as in training
     * @return class probabilities per row; columns follow {@link #classNames()}
     */
    double[][] predictProbabilities(double[][] x);

    /**
     * @param x raw feature rows
     * @return the most probable class index per row
     */
    default int[] predict(double[][] x) {
        return argMax(predictProbabilities(x));
    }

    /**
     * @param x raw feature rows as floats (e.g. image pixels)
     * @return the most probable class index per row
     */
    default int[] predict(float[][] x) {
        double[][] d = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            d[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                d[i][j] = x[i][j];
            }
        }
        return predict(d);
    }

    /**
     * @param table a table with the training feature columns
     * @return the most probable class index per row
     */
    int[] predict(Table table);

    /**
     * @param table a table with the training feature columns
     * @return the most probable class name per row
     */
    default String[] predictLabels(Table table) {
        int[] p = predict(table);
        String[] out = new String[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = classNames().get(p[i]);
        }
        return out;
    }

    /**
     * @param x raw feature rows
     * @param y true class indices
     * @return precision, recall, F1, accuracy and the confusion matrix
     */
    default ClassificationReport evaluate(double[][] x, int[] y) {
        Inputs.checkClasses(y, x.length, classNames().size());
        return Metrics.report(y, predict(x), classNames());
    }

    /**
     * @param x raw feature rows as floats
     * @param y true class indices
     * @return precision, recall, F1, accuracy and the confusion matrix
     */
    default ClassificationReport evaluate(float[][] x, int[] y) {
        Inputs.checkClasses(y, x.length, classNames().size());
        return Metrics.report(y, predict(x), classNames());
    }

    /**
     * @param table a table with the feature and label columns; every label must be a known class
     * @return precision, recall, F1, accuracy and the confusion matrix
     */
    default ClassificationReport evaluate(Table table) {
        int[] y = Inputs.encode(Inputs.labelStrings(table, label()), classNames());
        return Metrics.report(y, predict(table), classNames());
    }

    /**
     * @param images images with labels in this model's classes
     * @return precision, recall, F1, accuracy and the confusion matrix
     */
    default ClassificationReport evaluate(ImageSet images) {
        return evaluate(images.pixels(), images.labels());
    }

    /** @return class names by index */
    List<String> classNames();

    /**
     * @param probabilities rows of class scores
     * @return the index of the largest score per row
     */
    static int[] argMax(double[][] probabilities) {
        int[] out = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            int best = 0;
            for (int c = 1; c < probabilities[i].length; c++) {
                if (probabilities[i][c] > probabilities[i][best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
