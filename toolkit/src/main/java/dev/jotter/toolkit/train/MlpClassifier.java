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

    private final Builder b;
    private final FitOptions options;

    private MlpClassifier(Builder b) {
        super(b.features, b.label);
        this.b = b;
        this.options = b.options();
    }

    /** @return a builder: hidden layers 128-64, no dropout, Adam with learning rate 0.001, 10 epochs, batch 32, seed 42 */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    DjlClassifier fitArrays(float[][] x, int[] y, float[][] xv, int[] yv, List<String> names, String label, List<String> classes) {
        MlpSpec spec = new MlpSpec(x[0].length, b.hidden, classes.size(), b.dropout);
        return DjlTabular.fitClassifier("MlpClassifier", spec, options, b.standardize, x, y, xv, yv, names, label, classes,
                b.trainingSummary());
    }

    static int[] checkHidden(int[] units) {
        for (int u : units) {
            if (u < 1) {
                throw new IllegalArgumentException("Expected hidden layer widths >= 1, found " + u + ".");
            }
        }
        return units.clone();
    }

    static float checkDropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Expected a dropout rate in [0, 1), found " + rate + ".");
        }
        return (float) rate;
    }

    /** Configures an {@link MlpClassifier}. */
    public static final class Builder extends TrainerBuilder<Builder> {
        private int[] hidden = {128, 64};
        private float dropout;
        private boolean standardize = true;

        private Builder() {
            super(0.001);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * @param units widths of the hidden ReLU layers, input side first (default 128, 64)
         * @return this builder
         */
        public Builder optHidden(int... units) {
            this.hidden = checkHidden(units);
            return this;
        }

        /**
         * @param rate dropout after every hidden layer, in [0, 1) (default 0)
         * @return this builder
         */
        public Builder optDropout(double rate) {
            this.dropout = checkDropout(rate);
            return this;
        }

        /**
         * @param standardize whether to scale features inside the model (default true)
         * @return this builder
         */
        public Builder optStandardize(boolean standardize) {
            this.standardize = standardize;
            return this;
        }

        /** @return the trainer */
        public MlpClassifier build() {
            return new MlpClassifier(this);
        }
    }
}
