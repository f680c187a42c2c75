package dev.jotter.toolkit.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Regression and classification metrics with scikit-learn's definitions, checked against
 * scikit-learn's values on fixed inputs.
 *
 * <p>Class labels are indices {@code 0..k-1}. Averages over classes use the classes that occur in
 * the true or the predicted labels, as scikit-learn does when {@code labels=} is not given, and a
 * ratio with a zero denominator is 0 (scikit-learn's {@code zero_division} default). Every method
 * takes the truth first: {@code (yTrue, yPred)} or {@code (yTrue, yScore)}. To score a model on a
 * table, call {@code model.evaluate(table)}, or read the true labels in the model's class order
 * with {@code Matrix.labels(table, label, model.classes())}.
 *
 * <pre>{@code
 * jshell> Metrics.accuracy(new int[] {0, 1, 1}, new int[] {0, 1, 0})
 * $1 ==> 0.6666666666666666
 * jshell> Metrics.r2(new double[] {1, 2, 3}, new double[] {1, 2, 4})
 * $2 ==> 0.5
 * }</pre>
 */
public final class Metrics {

    private Metrics() {}

    // ---------------------------------------------------------------- regression

    /**
     * @param yTrue true targets
     * @param yPred predictions
     * @return mean squared error
     */
    public static double mse(double[] yTrue, double[] yPred) {
        checkSameLength(yTrue.length, yPred.length);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) {
            double d = yTrue[i] - yPred[i];
            s += d * d;
        }
        return s / yTrue.length;
    }

    /**
     * @param yTrue true targets
     * @param yPred predictions
     * @return root mean squared error
     */
    public static double rmse(double[] yTrue, double[] yPred) {
        return Math.sqrt(mse(yTrue, yPred));
    }

    /**
     * @param yTrue true targets
     * @param yPred predictions
     * @return mean absolute error
     */
    public static double mae(double[] yTrue, double[] yPred) {
        checkSameLength(yTrue.length, yPred.length);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) {
            s += Math.abs(yTrue[i] - yPred[i]);
        }
        return s / yTrue.length;
    }

    /**
     * Coefficient of determination {@code 1 - SS_res / SS_tot}. When every true value is the same
     * it is 1 for perfect predictions and 0 otherwise, as scikit-learn's {@code r2_score}.
     *
     * @param yTrue true targets
     * @param yPred predictions
     * @return R²
     */
    public static double r2(double[] yTrue, double[] yPred) {
        checkSameLength(yTrue.length, yPred.length);
        double mean = Arrays.stream(yTrue).average().orElse(0);
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < yTrue.length; i++) {
            ssRes += (yTrue[i] - yPred[i]) * (yTrue[i] - yPred[i]);
            ssTot += (yTrue[i] - mean) * (yTrue[i] - mean);
        }
        if (ssTot == 0) {
            return ssRes == 0 ? 1.0 : 0.0;
        }
        return 1 - ssRes / ssTot;
    }

    // ---------------------------------------------------------------- classification

    /**
     * @param yTrue true class indices
     * @param yPred predicted class indices
     * @return fraction of samples predicted correctly
     */
    public static double accuracy(int[] yTrue, int[] yPred) {
        checkSameLength(yTrue.length, yPred.length);
        int ok = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] == yPred[i]) {
                ok++;
            }
        }
        return (double) ok / yTrue.length;
    }

    /**
     * Confusion matrix with classes {@code 0..max label}, named by their index.
     *
     * @param yTrue true class indices
     * @param yPred predicted class indices
     * @return the matrix, rows true classes
     */
    public static ConfusionMatrix confusionMatrix(int[] yTrue, int[] yPred) {
        return confusionMatrix(yTrue, yPred, defaultNames(numClasses(yTrue, yPred)));
    }

    /**
     * Confusion matrix with one row and column per class name.
     *
     * @param yTrue true class indices
     * @param yPred predicted class indices
     * @param classNames name of each class index; must cover every label
     * @return the matrix, rows true classes
     */
    public static ConfusionMatrix confusionMatrix(int[] yTrue, int[] yPred, List<String> classNames) {
        checkSameLength(yTrue.length, yPred.length);
        int k = classNames.size();
        int[][] counts = new int[k][k];
        for (int i = 0; i < yTrue.length; i++) {
            checkLabel(yTrue[i], k, "yTrue", i);
            checkLabel(yPred[i], k, "yPred", i);
            counts[yTrue[i]][yPred[i]]++;
        }
        return new ConfusionMatrix(classNames, counts);
    }

    /**
     * @param yTrue true class indices
     * @param yPred predicted class indices
     * @param average how to combine classes
     * @return averaged precision
     */
    public static double precision(int[] yTrue, int[] yPred, Average average) {
        return pick(report(yTrue, yPred), average).precision();
    }

    /**
     * @param yTrue true class indices
     * @param yPred predicted class indices
     * @param average how to combine classes
     * @return averaged recall
     */
    public static double recall(int[] yTrue, int[] yPred, Average average) {
        return pick(report(yTrue, yPred), average).recall();
    }

    /**
     * @param yTrue true class indices
     * @param yPred predicted class indices
     * @param average how to combine classes
     * @return averaged F1
     */
    public static double f1(int[] yTrue, int[] yPred, Average average) {
        return pick(report(yTrue, yPred), average).f1();
    }

    /**
     * Per-class and averaged precision, recall and F1 with classes named by index.
     *
     * @param yTrue true class indices
     * @param yPred predicted class indices
     * @return the report
     */
    public static ClassificationReport report(int[] yTrue, int[] yPred) {
        return report(yTrue, yPred, defaultNames(numClasses(yTrue, yPred)));
    }

    /**
     * Per-class and averaged precision, recall and F1.
     *
     * @param yTrue true class indices
     * @param yPred predicted class indices
     * @param classNames name of each class index
     * @return the report
     */
    public static ClassificationReport report(int[] yTrue, int[] yPred, List<String> classNames) {
        ConfusionMatrix cm = confusionMatrix(yTrue, yPred, classNames);
        int k = classNames.size();
        double[] p = new double[k];
        double[] r = new double[k];
        double[] f = new double[k];
        int[] support = new int[k];
        int[] predicted = new int[k];
        boolean[] present = new boolean[k];
        long tpAll = 0;
        for (int t = 0; t < k; t++) {
            for (int q = 0; q < k; q++) {
                support[t] += cm.count(t, q);
                predicted[q] += cm.count(t, q);
            }
        }
        double mp = 0, mr = 0, mf = 0, wp = 0, wr = 0, wf = 0;
        int nPresent = 0;
        for (int c = 0; c < k; c++) {
            int tp = cm.count(c, c);
            tpAll += tp;
            p[c] = ratio(tp, predicted[c]);
            r[c] = ratio(tp, support[c]);
            f[c] = p[c] + r[c] == 0 ? 0 : 2 * p[c] * r[c] / (p[c] + r[c]);
            present[c] = support[c] > 0 || predicted[c] > 0;
            if (present[c]) {
                nPresent++;
                mp += p[c];
                mr += r[c];
                mf += f[c];
            }
            wp += p[c] * support[c];
            wr += r[c] * support[c];
            wf += f[c] * support[c];
        }
        int n = yTrue.length;
        double micro = ratio(tpAll, n);
        return new ClassificationReport(
                classNames,
                p,
                r,
                f,
                support,
                micro,
                new ClassificationReport.Scores(ratio(mp, nPresent), ratio(mr, nPresent), ratio(mf, nPresent)),
                new ClassificationReport.Scores(micro, micro, micro),
                new ClassificationReport.Scores(ratio(wp, n), ratio(wr, n), ratio(wf, n)),
                cm);
    }

    /**
     * ROC curve of binary labels against scores, with a point for every distinct score.
     *
     * @param yTrue labels, 0 (negative) or 1 (positive)
     * @param yScore higher means more likely positive, e.g. the positive-class probability
     * @return the curve and its area
     */
    public static RocCurve rocCurve(int[] yTrue, double[] yScore) {
        checkSameLength(yTrue.length, yScore.length);
        int n = yTrue.length;
        Integer[] order = new Integer[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (yTrue[i] != 0 && yTrue[i] != 1) {
                throw new IllegalArgumentException("Expected 0 or 1 in yTrue for a ROC curve, found " + yTrue[i] + " at index " + i
                        + "; for more classes, score one class against the rest (label == c ? 1 : 0).");
            }
            if (Double.isNaN(yScore[i])) {
                throw new IllegalArgumentException("Expected a number as the score at index " + i + ", found NaN; drop or fill that prediction first.");
            }
            positives += yTrue[i];
        }
        int negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("Expected both classes in yTrue for a ROC curve, found " + positives + " positives and " + negatives
                    + " negatives; evaluate on a sample holding both.");
        }
        Arrays.sort(order, (a, b) -> Double.compare(yScore[b], yScore[a]));
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0, Double.POSITIVE_INFINITY});
        int tp = 0, fp = 0;
        for (int i = 0; i < n; i++) {
            int idx = order[i];
            if (yTrue[idx] == 1) {
                tp++;
            } else {
                fp++;
            }
            // Tied scores form a single threshold: emit a point only where the score changes.
            if (i == n - 1 || yScore[order[i + 1]] != yScore[idx]) {
                points.add(new double[] {(double) fp / negatives, (double) tp / positives, yScore[idx]});
            }
        }
        double[] fpr = new double[points.size()];
        double[] tpr = new double[points.size()];
        double[] thr = new double[points.size()];
        double auc = 0;
        for (int i = 0; i < points.size(); i++) {
            fpr[i] = points.get(i)[0];
            tpr[i] = points.get(i)[1];
            thr[i] = points.get(i)[2];
            if (i > 0) {
                auc += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
            }
        }
        return new RocCurve(fpr, tpr, thr, auc);
    }

    /**
     * @param yTrue labels, 0 or 1
     * @param yScore higher means more likely positive
     * @return area under the ROC curve
     */
    public static double rocAuc(int[] yTrue, double[] yScore) {
        return rocCurve(yTrue, yScore).auc();
    }

    /**
     * Cross-entropy of predicted class probabilities, averaged over samples. Probabilities are
     * clipped to {@code [1e-15, 1 - 1e-15]} so a confident mistake costs a large finite amount.
     *
     * @param yTrue true class indices
     * @param probabilities {@code probabilities[i][c]}: predicted probability of class c for sample i
     * @return mean negative log-likelihood (natural log)
     */
    public static double logLoss(int[] yTrue, double[][] probabilities) {
        checkSameLength(yTrue.length, probabilities.length);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) {
            checkLabel(yTrue[i], probabilities[i].length, "yTrue", i);
            double p = Math.min(Math.max(probabilities[i][yTrue[i]], 1e-15), 1 - 1e-15);
            s -= Math.log(p);
        }
        return s / yTrue.length;
    }

    /**
     * Binary cross-entropy.
     *
     * @param yTrue labels, 0 or 1
     * @param positiveProbability predicted probability of label 1
     * @return mean negative log-likelihood (natural log)
     */
    public static double logLoss(int[] yTrue, double[] positiveProbability) {
        double[][] p = new double[positiveProbability.length][];
        for (int i = 0; i < p.length; i++) {
            p[i] = new double[] {1 - positiveProbability[i], positiveProbability[i]};
        }
        return logLoss(yTrue, p);
    }

    // ---------------------------------------------------------------- direction

    /** Metric names (or name parts) for which a larger value is a better model. */
    private static final Set<String> HIGHER_IS_BETTER = Set.of("accuracy", "r2", "auc", "f1", "precision", "recall");

    /**
     * Whether a larger value of a metric means a better model: true for accuracy, r2, auc, f1,
     * precision and recall, with or without a {@code val_} prefix and as a part of a longer
     * name ({@code val_macro_f1}, {@code roc_auc}); false otherwise (loss, mse, rmse, mae, ...).
     * Early stopping and checkpoints decide "improved" by this one rule.
     *
     * @param metric a history metric name, e.g. {@code "val_loss"} or {@code "val_r2"}
     * @return true when higher is better
     */
    public static boolean higherIsBetter(String metric) {
        String base = metric.startsWith("val_") ? metric.substring(4) : metric;
        for (String part : base.toLowerCase(Locale.ROOT).split("_")) {
            if (HIGHER_IS_BETTER.contains(part)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- helpers

    private static ClassificationReport.Scores pick(ClassificationReport r, Average average) {
        return switch (average) {
            case MACRO -> r.macro();
            case MICRO -> r.micro();
            case WEIGHTED -> r.weighted();
        };
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    private static int numClasses(int[] yTrue, int[] yPred) {
        int max = -1;
        for (int v : yTrue) {
            max = Math.max(max, v);
        }
        for (int v : yPred) {
            max = Math.max(max, v);
        }
        return max + 1;
    }

    private static List<String> defaultNames(int k) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add(String.valueOf(i));
        }
        return names;
    }

    private static void checkLabel(int label, int k, String what, int index) {
        if (label < 0 || label >= k) {
            throw new IllegalArgumentException("Expected a class index in 0.." + (k - 1) + " at " + what + "[" + index + "], found " + label
                    + "; map labels to indices first (e.g. Matrix.labels(table, label, model.classes())).");
        }
    }

    private static void checkSameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("Expected as many predictions as true values, found " + a + " true values and " + b
                    + " predictions; pass yTrue and yPred for the same rows.");
        }
        if (a == 0) {
            throw new IllegalArgumentException("Expected at least one sample, found none.");
        }
    }
}
