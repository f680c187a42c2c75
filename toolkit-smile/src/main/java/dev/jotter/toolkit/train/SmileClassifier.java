package dev.jotter.toolkit.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import dev.jotter.toolkit.data.WorkingDirectory;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import smile.classification.Classifier;
import smile.classification.DataFrameClassifier;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.data.DataFrame;

/**
 * A fitted Smile classifier ({@link SmileClassification}). Plain Java objects, no native memory:
 * {@link #close()} does nothing. Saved with Java serialization next to a readable
 * {@code model.properties}.
 */
public final class SmileClassifier implements ClassificationModel {

    static final String KIND = "smile-classifier";

    private final Serializable model;
    private final int inputs;
    private final List<String> classes;
    private final ModelCard card;

    SmileClassifier(Serializable model, int inputs, List<String> classes, ModelCard card) {
        this.model = model;
        this.inputs = inputs;
        this.classes = List.copyOf(classes);
        this.card = card;
    }

    SmileClassifier withHistory(History h) {
        return new SmileClassifier(model, inputs, classes, card.withHistory(h));
    }

    @Override
    @SuppressWarnings("unchecked")
    public double[][] predictProbabilities(double[][] x) {
        Inputs.checkFeatures(Inputs.toFloat(x), inputs);
        int k = classes.size();
        double[][] p = new double[x.length][k];
        if (model instanceof DataFrameClassifier dfc) {
            DataFrame df = SmileClassification.frame(x, null);
            for (int i = 0; i < x.length; i++) {
                dfc.predict(df.get(i), p[i]);
            }
        } else {
            Classifier<double[]> c = (Classifier<double[]>) model;
            for (int i = 0; i < x.length; i++) {
                c.predict(x[i], p[i]);
            }
        }
        return p;
    }

    /**
     * How much each feature helped the trees separate the classes: the total decrease in impurity
     * of all splits on that feature, normalised to sum to 1 (scikit-learn's
     * {@code feature_importances_}). Computed from the training data, so a feature the trees used
     * to memorise noise can still score; compare with cross-validated accuracy before dropping one.
     *
     * <pre>{@code
     * jshell> Plots.bar(forest.featureImportance())   // largest first
     * }</pre>
     *
     * @return feature name to importance, largest first (ties in feature order)
     * @throws UnsupportedOperationException for logistic regression, which has no trees
     */
    public Map<String, Double> featureImportance() {
        double[] raw = switch (model) {
            case RandomForest rf -> rf.importance();
            case GradientTreeBoost gb -> gb.importance();
            default -> throw new UnsupportedOperationException("Expected a tree model (randomForest or gradientBoosting) for featureImportance(), found "
                    + description() + "; for logistic regression, compare the weights of standardized features: coefficients().");
        };
        return importance(raw, featureNames());
    }

    /** Normalises a Smile model's raw importances to sum to 1, largest first; shared with {@link SmileRegressor}. */
    static Map<String, Double> importance(double[] raw, List<String> names) {
        double total = 0;
        for (double v : raw) {
            total += v;
        }
        Integer[] order = new Integer[raw.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(raw[b], raw[a]));
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j : order) {
            out.put(names.get(j), total > 0 ? raw[j] / total : 0.0);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The weights of a logistic regression, one row per class against a reference class, in the
     * features' own units; see {@link LogisticCoefficients} for how to read them.
     *
     * <pre>{@code
     * jshell> SmileClassification.logistic().setLabel("species").build().fit(train).coefficients().table()
     * }</pre>
     *
     * @return the weights and intercepts
     * @throws UnsupportedOperationException for the tree models, which have no weights (see {@link #featureImportance()})
     */
    public LogisticCoefficients coefficients() {
        List<String> features = featureNames();
        return switch (model) {
            case LogisticRegression.Binomial b -> {
                // Smile keeps the intercept last: w . x + w[p] is the log-odds of class 1 against class 0.
                double[] w = b.coefficients();
                yield new LogisticCoefficients(features, List.of(classes.get(1)), classes.get(0),
                        new double[][] {Arrays.copyOf(w, inputs)}, new double[] {w[inputs]});
            }
            case LogisticRegression.Multinomial m -> {
                // k - 1 rows against the last class, whose score Smile fixes at 0.
                double[][] w = m.coefficients();
                double[][] weights = new double[w.length][];
                double[] intercepts = new double[w.length];
                for (int c = 0; c < w.length; c++) {
                    weights[c] = Arrays.copyOf(w[c], inputs);
                    intercepts[c] = w[c][inputs];
                }
                yield new LogisticCoefficients(features, classes.subList(0, w.length), classes.get(w.length), weights, intercepts);
            }
            default -> throw new UnsupportedOperationException("Expected a logistic regression (SmileClassification.logistic()) for coefficients(), found "
                    + description() + "; for trees, see featureImportance().");
        };
    }

    @Override
    public List<String> classes() {
        return classes;
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
        p.setProperty("classes", Persist.names(classes));
        write(dir, p, model);
    }

    /** Writes model.properties and the Smile model beside it; shared with {@link SmileRegressor}. */
    static void write(Path dir, Properties p, Serializable model) throws IOException {
        Persist.writeProps(dir, p);
        try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve("model.ser"))))) {
            out.writeObject(model);
        }
    }

    /**
     * What a saved Smile model may contain: Smile's classes, the JDK's values and collections, and
     * arrays of them (arrays of primitives always pass). Anything else in a model.ser (a gadget
     * chain from a shared folder) is refused before it is created.
     */
    private static final String ALLOWED = "maxdepth=500;smile.**;dev.jotter.**;java.lang.*;java.util.*;java.util.concurrent.*;"
            + "java.util.concurrent.atomic.*;java.math.*;java.time.*;java.lang.invoke.SerializedLambda;!*";

    /** Reads the model that {@link #write} wrote, through {@link #ALLOWED}. */
    static Serializable readModel(Path dir) throws IOException {
        Path file = dir.resolve("model.ser");
        ObjectInputFilter allowed = ObjectInputFilter.Config.createFilter(ALLOWED);
        String[] refused = new String[1];
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            in.setObjectInputFilter(info -> {
                ObjectInputFilter.Status status = allowed.checkInput(info);
                if (status == ObjectInputFilter.Status.REJECTED && refused[0] == null) {
                    refused[0] = info.serialClass() != null ? info.serialClass().getName() : "a graph over the limits (" + info.depth() + " deep)";
                }
                return status;
            });
            return (Serializable) in.readObject();
        } catch (java.io.InvalidClassException e) {
            if (refused[0] != null) {
                throw new IOException(file + " holds " + refused[0] + ", which no saved Smile model contains: refused to load it. "
                        + "Load only models saved with save(...) by someone you trust.", e);
            }
            throw e;
        } catch (ClassNotFoundException e) {
            throw new IOException("Saved model needs a class that is not on the classpath: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model written by {@link #save(Path)}. Only load files you trust: this uses Java
     * deserialization.
     *
     * @param dir the saved directory
     * @return the model
     * @throws IOException when the directory is not a saved Smile classifier
     */
    public static SmileClassifier load(Path dir) throws IOException {
        dir = WorkingDirectory.resolve(dir);
        Properties p = Persist.readProps(dir, KIND);
        return new SmileClassifier(readModel(dir), Integer.parseInt(p.getProperty("inputs")), Persist.names(p.getProperty("classes")),
                ModelCard.load(p));
    }

    @Override
    public String toString() {
        return description();
    }
}
