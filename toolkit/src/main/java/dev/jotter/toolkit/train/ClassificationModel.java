package dev.jotter.toolkit.train;

import dev.jotter.toolkit.data.ImageSet;
import dev.jotter.toolkit.metrics.ClassificationReport;
import dev.jotter.toolkit.metrics.Metrics;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A fitted classifier over feature rows: immutable, predicts class indices (into
 * {@link #classes()}) and probabilities, and knows how it was trained. The model owns its class
 * list: every prediction, report and label read from a table goes through it, so a test table
 * whose label column holds only some of the classes, or in another order, scores correctly.
 * Close DJL models when done; closing a Smile model does nothing.
 *
 * <pre>{@code
 * jshell> ClassificationReport r = model.evaluate(test);
 * jshell> r.accuracy()
 * jshell> model.predictLabels(test)      // the label column's values, e.g. "1", "2", "3"
 * }</pre>
 */
public interface ClassificationModel extends FittedModel {

    /**
     * @param x raw feature rows, same columns as in training
     * @return class probabilities per row; columns follow {@link #classes()}
     */
    double[][] predictProbabilities(double[][] x);

    /**
     * @param table a table with the training feature columns
     * @return class probabilities per row, each row summing to 1; columns follow {@link #classes()}
     */
    default double[][] predictProbabilities(Table table) {
        return predictProbabilities(Inputs.modelFeatures(table, featureNames()));
    }

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
     * @return the most probable class index per row, into {@link #classes()}
     */
    default int[] predict(Table table) {
        return argMax(predictProbabilities(table));
    }

    /**
     * @param table a table with the training feature columns
     * @return the most probable class per row, as the label column's values (see {@link #classes()})
     */
    default String[] predictLabels(Table table) {
        int[] p = predict(table);
        String[] out = new String[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = classes().get(p[i]);
        }
        return out;
    }

    /**
     * @param x raw feature rows
     * @param y true class indices
     * @return precision, recall, F1, accuracy and the confusion matrix
     */
    default ClassificationReport evaluate(double[][] x, int[] y) {
        Inputs.checkClasses(y, x.length, classes().size());
        return Metrics.report(y, predict(x), classes());
    }

    /**
     * @param x raw feature rows as floats
     * @param y true class indices
     * @return precision, recall, F1, accuracy and the confusion matrix
     */
    default ClassificationReport evaluate(float[][] x, int[] y) {
        Inputs.checkClasses(y, x.length, classes().size());
        return Metrics.report(y, predict(x), classes());
    }

    /**
     * @param table a table with the feature and label columns; every label must be one of {@link #classes()},
     *     though not every class need occur
     * @return precision, recall, F1, accuracy and the confusion matrix, over this model's classes
     */
    default ClassificationReport evaluate(Table table) {
        int[] y = Inputs.labels(table, label(), classes());
        return Metrics.report(y, predict(table), classes());
    }

    /**
     * @param images images whose classes are among this model's; they are matched by name, so the
     *     set may list its classes in another order
     * @return precision, recall, F1, accuracy and the confusion matrix, over this model's classes
     * @throws IllegalArgumentException naming the set's classes this model does not know
     */
    default ClassificationReport evaluate(ImageSet images) {
        return evaluate(images.pixels(), images.labelsIn(classes()));
    }

    /**
     * The classes this model was trained with, by index: a table's label values as
     * {@link dev.jotter.toolkit.data.Matrix#classes} reads them (sorted, numbers numerically),
     * the indices {@code "0".."k-1"} for int labels, or an image set's class names.
     *
     * @return class names by index
     */
    List<String> classes();

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
