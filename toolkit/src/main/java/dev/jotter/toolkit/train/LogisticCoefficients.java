package dev.jotter.toolkit.train;

import dev.jotter.toolkit.data.TableFormat;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The weights of a fitted logistic regression ({@code SmileClassifier.coefficients()}, in jotter-toolkit-smile), in the
 * features' own units. Smile fits {@code k - 1} weight vectors against a reference class whose
 * weights are all 0: {@code log(P(c) / P(reference)) = intercept(c) + sum of weight(c, f) * x_f}.
 * A positive weight means a larger value of the feature makes the class more likely than the
 * reference class. With two classes, the one row is the log-odds of the second class against the
 * first, as scikit-learn's {@code coef_}. Compare the sizes of weights only across features on the
 * same scale (standardize them first, e.g. with {@code StandardScaler}).
 *
 * <pre>{@code
 * jshell> var coef = logistic.coefficients();
 * jshell> coef.table()                       // one row per feature, one column per class
 * jshell> coef.weight("virginica", "petal_width")
 * }</pre>
 *
 * @param features the feature names, in training order
 * @param classes the classes with weights of their own, in class order
 * @param referenceClass the class every row is measured against (its weights are 0)
 * @param weights {@code weights[c][f]}: class {@code classes.get(c)}, feature {@code features.get(f)}
 * @param intercepts one intercept per class of {@code classes}
 */
public record LogisticCoefficients(List<String> features, List<String> classes, String referenceClass, double[][] weights,
        double[] intercepts) {

    public LogisticCoefficients {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        weights = copy(weights);
        intercepts = intercepts.clone();
        if (weights.length != classes.size() || intercepts.length != classes.size()) {
            throw new IllegalArgumentException("Expected one weight row and one intercept per class of " + classes + ", found "
                    + weights.length + " rows and " + intercepts.length + " intercepts.");
        }
        for (double[] row : weights) {
            if (row.length != features.size()) {
                throw new IllegalArgumentException("Expected one weight per feature of " + features + ", found " + row.length + ".");
            }
        }
    }

    /** @return a copy of the weights, {@code [class][feature]} */
    @Override
    public double[][] weights() {
        return copy(weights);
    }

    /** @return a copy of the intercepts, one per class of {@link #classes()} */
    @Override
    public double[] intercepts() {
        return intercepts.clone();
    }

    /**
     * @param className one of {@link #classes()}
     * @param feature one of {@link #features()}
     * @return the weight of that feature in that class's log-odds against the reference class
     */
    public double weight(String className, String feature) {
        int f = features.indexOf(feature);
        if (f < 0) {
            throw new IllegalArgumentException("Expected one of the features " + features + ", found '" + feature + "'.");
        }
        return weights[classIndex(className)][f];
    }

    /**
     * @param className one of {@link #classes()}
     * @return that class's intercept
     */
    public double intercept(String className) {
        return intercepts[classIndex(className)];
    }

    /** @return one row per feature and a last row "(intercept)", one column per class of {@link #classes()} */
    public Table table() {
        Table t = Table.create("coefficients against '" + referenceClass + "'");
        String[] names = new String[features.size() + 1];
        for (int f = 0; f < features.size(); f++) {
            names[f] = features.get(f);
        }
        names[features.size()] = "(intercept)";
        t.addColumns(StringColumn.create("feature", names));
        for (int c = 0; c < classes.size(); c++) {
            double[] col = new double[features.size() + 1];
            System.arraycopy(weights[c], 0, col, 0, features.size());
            col[features.size()] = intercepts[c];
            t.addColumns(DoubleColumn.create(classes.get(c), col));
        }
        return t;
    }

    @Override
    public String toString() {
        return TableFormat.text(table());
    }

    private int classIndex(String className) {
        int c = classes.indexOf(className);
        if (c < 0) {
            String why = className.equals(referenceClass) ? ", which is the reference class: its weights are all 0" : "";
            throw new IllegalArgumentException("Expected one of the classes " + classes + ", found '" + className + "'" + why + ".");
        }
        return c;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
