package dev.jotter.toolkit.train;

import java.util.List;

/**
 * Linear regression trained by mini-batch SGD on mean squared error, the DJL twin of the seeds'
 * Keras {@code Dense(1)} with {@code optimizer="sgd", loss="mse"}. Features are standardized
 * inside the model (default on) so one learning rate suits any units; {@link
 * DjlRegressor#coefficients()} reports the weights in raw units. For the closed-form fit use
 * {@link ClassicRegression#ols()}.
 *
 * <pre>{@code
 * jshell> var model = LinearRegression.builder().setFeatures("horsepower").setLabel("mpg").optEpochs(50).build().fit(train);
 * jshell> model.coefficients()
 * }</pre>
 */
public final class LinearRegression extends RegressionTrainer<DjlRegressor> {

    private final Builder b;
    private final FitOptions options;

    private LinearRegression(Builder b) {
        super(b.features, b.label);
        this.b = b;
        this.options = b.options();
    }

    /** @return a builder: SGD, learning rate 0.01, 10 epochs, batch 32, seed 42, standardized features */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    DjlRegressor fitArrays(float[][] x, float[] y, float[][] xv, float[] yv, List<String> names, String label) {
        MlpSpec spec = new MlpSpec(x[0].length, new int[0], 1, 0);
        return DjlTabular.fitRegressor("LinearRegression", spec, FitLoop.OptimizerKind.SGD, options, b.standardize, x, y, xv, yv, names,
                label, b.trainingSummary());
    }

    /** Configures a {@link LinearRegression}. */
    public static final class Builder extends TrainerBuilder<Builder> {
        private boolean standardize = true;

        private Builder() {
            super(0.01);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * @param standardize whether to scale features to mean 0, std 1 inside the model (default true)
         * @return this builder
         */
        public Builder optStandardize(boolean standardize) {
            this.standardize = standardize;
            return this;
        }

        /** @return the trainer */
        public LinearRegression build() {
            return new LinearRegression(this);
        }
    }
}
