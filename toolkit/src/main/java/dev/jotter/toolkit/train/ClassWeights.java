package dev.jotter.toolkit.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How much each class counts in a classifier's training loss, as scikit-learn's
 * {@code class_weight}: {@link #BALANCED} weighs each class by
 * {@code n_samples / (n_classes * count(class))}, so that a rare class weighs as much in total as
 * a common one; {@link #of(Map)} takes the weights by class name (a class left out weighs 1).
 * Without weights, a model trained on a 95/5 table can reach 95% accuracy by never predicting
 * the rare class; weights trade some accuracy on the common class for recall on the rare one.
 *
 * <pre>{@code
 * jshell> MlpClassifier.builder().optClassWeights(ClassWeights.BALANCED).setLabel("weather").build()
 * jshell> SmileClassification.randomForest().optClassWeights(Map.of("rain", 5.0, "sun", 1.0))
 * }</pre>
 */
public final class ClassWeights {

    /** Weighs each class by {@code n_samples / (n_classes * count(class))} of the training labels. */
    public static final ClassWeights BALANCED = new ClassWeights(null);

    /** Null for {@link #BALANCED}, whose weights come from the training labels. */
    private final Map<String, Double> byClass;

    private ClassWeights(Map<String, Double> byClass) {
        this.byClass = byClass;
    }

    /**
     * @param weights weight by class name, each finite and positive; classes left out weigh 1
     * @return the weights
     */
    public static ClassWeights of(Map<String, Double> weights) {
        Objects.requireNonNull(weights, "weights");
        Map<String, Double> copy = new LinkedHashMap<>();
        weights.forEach((name, w) -> {
            if (w == null || !(w > 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("Expected a finite positive weight for class '" + name + "', found " + w
                        + " in the class weights " + weights + ".");
            }
            copy.put(String.valueOf(name), w);
        });
        return new ClassWeights(Map.copyOf(copy));
    }

    /**
     * The weight of every class of a fit, by class index.
     *
     * @param y the training labels, class indices
     * @param classes the class names by index
     * @return one weight per class
     */
    double[] resolve(int[] y, List<String> classes) {
        int k = classes.size();
        double[] w = new double[k];
        if (byClass == null) {
            int[] counts = new int[k];
            for (int c : y) {
                counts[c]++;
            }
            for (int c = 0; c < k; c++) {
                // A class absent from the labels never enters the loss; 1 keeps the array finite.
                w[c] = counts[c] == 0 ? 1 : (double) y.length / ((double) k * counts[c]);
            }
            return w;
        }
        for (String name : byClass.keySet()) {
            if (!classes.contains(name)) {
                throw new IllegalArgumentException("Expected class weights for the classes " + classes + ", found a weight for '" + name
                        + "', which is not one of them; use the class names as model.classes() spells them.");
            }
        }
        for (int c = 0; c < k; c++) {
            w[c] = byClass.getOrDefault(classes.get(c), 1.0);
        }
        return w;
    }

    /** @return {@code balanced} or the weights by class */
    @Override
    public String toString() {
        return byClass == null ? "balanced" : new java.util.TreeMap<>(byClass).toString();
    }
}
