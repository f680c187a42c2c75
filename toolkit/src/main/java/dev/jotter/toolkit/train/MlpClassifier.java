package dev.jotter.toolkit.train;

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
