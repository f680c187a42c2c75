package dev.jotter.toolkit.metrics;

import java.util.List;

/**
 * Per-class and averaged precision, recall and F1, as scikit-learn's {@code classification_report}.
 *
 * @param classNames class names, by class index
 * @param precision per-class precision
 * @param recall per-class recall
 * @param f1 per-class F1
 * @param support per-class number of true samples
 * @param accuracy fraction of correct predictions
 * @param macro macro averages (precision, recall, F1)
 * @param micro micro averages (precision, recall, F1)
 * @param weighted support-weighted averages (precision, recall, F1)
 * @param confusionMatrix the counts behind all of the above
 */
public record ClassificationReport(
        List<String> classNames,
        double[] precision,
        double[] recall,
        double[] f1,
        int[] support,
        double accuracy,
        Scores macro,
        Scores micro,
        Scores weighted,
        ConfusionMatrix confusionMatrix) {

    /**
     * One averaged triple.
     *
     * @param precision averaged precision
     * @param recall averaged recall
     * @param f1 averaged F1
     */
    public record Scores(double precision, double recall, double f1) {}

    /** Copies the arrays so the report never changes. */
    public ClassificationReport {
        classNames = List.copyOf(classNames);
        precision = precision.clone();
        recall = recall.clone();
        f1 = f1.clone();
        support = support.clone();
    }

    @Override
    public double[] precision() {
        return precision.clone();
    }

    @Override
    public double[] recall() {
        return recall.clone();
    }

    @Override
    public double[] f1() {
        return f1.clone();
    }

    @Override
    public int[] support() {
        return support.clone();
    }

    /** @return the macro-averaged F1, the usual single number for imbalanced classes */
    public double macroF1() {
        return macro.f1();
    }

    /** @return a text table laid out like scikit-learn's {@code classification_report} */
    @Override
    public String toString() {
        int w = 12;
        for (String name : classNames) {
            w = Math.max(w, name.length() + 2);
        }
        int total = 0;
        for (int s : support) {
            total += s;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%" + w + "s %10s %10s %10s %10s%n", "", "precision", "recall", "f1-score", "support"));
        for (int i = 0; i < classNames.size(); i++) {
            sb.append(String.format("%" + w + "s %10.4f %10.4f %10.4f %10d%n", classNames.get(i), precision[i], recall[i], f1[i], support[i]));
        }
        sb.append('\n');
        sb.append(String.format("%" + w + "s %10s %10s %10.4f %10d%n", "accuracy", "", "", accuracy, total));
        sb.append(String.format("%" + w + "s %10.4f %10.4f %10.4f %10d%n", "macro avg", macro.precision(), macro.recall(), macro.f1(), total));
        sb.append(String.format("%" + w + "s %10.4f %10.4f %10.4f %10d%n", "weighted avg", weighted.precision(), weighted.recall(), weighted.f1(), total));
        return sb.toString();
    }
}
