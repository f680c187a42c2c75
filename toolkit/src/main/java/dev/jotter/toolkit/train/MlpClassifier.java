package dev.jotter.toolkit.train;

import dev.jotter.toolkit.data.Matrix;
import dev.jotter.toolkit.data.SparseMatrix;
import java.util.List;

/**
 * A multilayer perceptron classifier: ReLU hidden layers with optional dropout, a linear output
 * per class, softmax cross-entropy, Adam. Features are standardized inside the model (default on).
 *
 * <pre>{@code
 * jshell> var digits = Datasets.images("digits");
 * jshell> var model = MlpClassifier.builder().optHidden(128, 64).optDropout(0.1).optEpochs(30).build()
 *    ...>     .fit(xTrain, yTrain, xTest, yTest);
 * jshell> model.evaluate(xTest, yTest).accuracy()
 * }</pre>
 *
 * <p>It also trains on a {@link SparseMatrix} (TF-IDF features): with {@code optHidden()} that is
 * logistic regression on a bag of words.
 */
public final class MlpClassifier extends ClassificationTrainer<DjlClassifier> {

    private final DenseNetBuilder.DenseNet config;
    private final ClassWeights classWeights;

    private MlpClassifier(Builder b) {
        super(b.columns);
        this.config = b.config();
        this.classWeights = b.classWeights;
    }

    /** @return a builder: hidden layers 128-64, no dropout, Adam with learning rate 0.001, 10 epochs, batch 32, seed 42 */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    DjlClassifier fitArrays(float[][] x, int[] y, float[][] xv, int[] yv, List<String> names, String label, List<String> classes) {
        return DjlTabular.fitClassifier(config, x, y, xv, yv, names, label, classes, classWeights);
    }

    /**
     * Fits on sparse rows such as TF-IDF features; each batch is made dense as it is trained on.
     *
     * @param x feature rows
     * @param y class indices 0..k-1, one per row
     * @return the fitted model
     */
    public DjlClassifier fit(SparseMatrix x, int[] y) {
        return fit(x, y, null, null);
    }

    /**
     * Fits on sparse rows such as TF-IDF features, as {@link #fit(float[][], int[], float[][], int[])}
     * fits on dense ones; each batch is made dense as it is trained on.
     *
     * @param x feature rows
     * @param y class indices 0..k-1, one per row
     * @param xVal validation rows (may be null)
     * @param yVal validation class indices (may be null)
     * @return the fitted model
     */
    public DjlClassifier fit(SparseMatrix x, int[] y, SparseMatrix xVal, int[] yVal) {
        Inputs.requireRows(x.rows());
        if (x.cols() == 0) {
            throw new IllegalArgumentException("Expected at least one feature per row, found 0; fit the vectorizer on texts with words.");
        }
        int k = Inputs.numClasses(y);
        Inputs.checkClasses(y, x.rows(), k);
        if (k < 2) {
            throw new IllegalArgumentException("Expected at least 2 classes in the training labels, found " + Matrix.indexNames(k)
                    + ". A classifier needs examples of each class.");
        }
        if (xVal != null || yVal != null) {
            if (xVal == null || yVal == null) {
                throw new IllegalArgumentException("Expected validation rows and labels together, found only the "
                        + (xVal == null ? "labels" : "rows") + "; pass both or neither.");
            }
            if (xVal.cols() != x.cols()) {
                throw new IllegalArgumentException("Expected " + x.cols() + " validation features (as in training), found " + xVal.cols()
                        + "; transform both with the same fitted vectorizer.");
            }
            Inputs.checkClasses(yVal, xVal.rows(), k);
        }
        return DjlTabular.fitClassifier(config, x, y, xVal, yVal, defaultNames(x.cols()), "y", Matrix.indexNames(k), classWeights);
    }

    /** Also checks the Transformer's dropout, so that every trainer words the error alike. */
    static float checkDropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Expected a dropout rate in [0, 1), found " + rate + ".");
        }
        return (float) rate;
    }

    /** Configures an {@link MlpClassifier}. */
    public static final class Builder extends MlpBuilder<Builder> {
        private ClassWeights classWeights;

        private Builder() {
            super("MlpClassifier", 0.001, 128, 64);
        }

        /**
         * Weighs each training example's loss by its class, for imbalanced labels; the validation
         * loss stays unweighted.
         *
         * @param weights {@link ClassWeights#BALANCED} or {@link ClassWeights#of(java.util.Map)} (default: every class weighs 1)
         * @return this builder
         */
        public Builder optClassWeights(ClassWeights weights) {
            this.classWeights = java.util.Objects.requireNonNull(weights, "weights");
            return this;
        }

        /**
         * @param weights weight by class name, as {@code model.classes()} spells them; classes left out weigh 1
         * @return this builder
         */
        public Builder optClassWeights(java.util.Map<String, Double> weights) {
            return optClassWeights(ClassWeights.of(weights));
        }

        /** @return the trainer */
        public MlpClassifier build() {
            return new MlpClassifier(this);
        }
    }
}
