package dev.jotter.toolkit.train;

import java.util.List;

/**
 * A multilayer perceptron for regression: ReLU hidden layers with optional dropout, Adam, MSE.
 * Features are standardized inside the model.
 *
 * <pre>{@code
 * jshell> var model = MlpRegressor.builder().optHidden(64, 32).optEpochs(100).setFeatures("x1", "x2").setLabel("y").build().fit(train, test);
 * }</pre>
 */
public final class MlpRegressor extends RegressionTrainer<DjlRegressor> {

    private final Builder b;
    private final FitOptions options;

    private MlpRegressor(Builder b) {
        super(b.features, b.label);
        this.b = b;
        this.options = b.options();
    }

    /** @return a builder: hidden layers 64-32, no dropout, Adam with learning rate 0.001, 10 epochs, batch 32, seed 42 */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    DjlRegressor fitArrays(float[][] x, float[] y, float[][] xv, float[] yv, List<String> names, String label) {
        MlpSpec spec = new MlpSpec(x[0].length, b.hidden, 1, b.dropout);
        return DjlTabular.fitRegressor("MlpRegressor", spec, FitLoop.OptimizerKind.ADAM, options, b.standardize, x, y, xv, yv, names,
                label, b.trainingSummary());
    }

    /** Configures an {@link MlpRegressor}. */
    public static final class Builder extends TrainerBuilder<Builder> {
        private int[] hidden = {64, 32};
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
         * @param units widths of the hidden ReLU layers, input side first (default 64, 32)
         * @return this builder
         */
        public Builder optHidden(int... units) {
            this.hidden = MlpClassifier.checkHidden(units);
            return this;
        }

        /**
         * @param rate dropout after every hidden layer, in [0, 1) (default 0)
         * @return this builder
         */
        public Builder optDropout(double rate) {
            this.dropout = MlpClassifier.checkDropout(rate);
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
        public MlpRegressor build() {
            return new MlpRegressor(this);
        }
    }
}
