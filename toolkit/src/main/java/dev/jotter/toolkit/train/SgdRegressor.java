package dev.jotter.toolkit.train;

import dev.jotter.toolkit.train.djl.FitLoop;

/**
 * Linear regression trained by mini-batch stochastic gradient descent on mean squared error in
 * DJL, as scikit-learn's {@code SGDRegressor} and Keras's {@code Dense(1)} with
 * {@code optimizer="sgd", loss="mse"}. Features are standardized
 * inside the model (default on) so one learning rate suits any units; {@link
 * DjlRegressor#coefficients()} reports the weights in raw units. For the exact least-squares fit use
 * {@link ClassicRegression#ols()}, which returns a plain-Java {@link LinearModel}.
 *
 * <pre>{@code
 * jshell> var model = SgdRegressor.builder().setFeatures("horsepower").setLabel("mpg").optEpochs(50).build().fit(train);
 * jshell> model.coefficients()
 * }</pre>
 */
public final class SgdRegressor extends DenseRegressor {

    private SgdRegressor(Builder b) {
        super(b);
    }

    /** @return a builder: SGD, learning rate 0.01, 10 epochs, batch 32, seed 42, standardized features */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures an {@link SgdRegressor}. */
    public static final class Builder extends DenseNetBuilder<Builder> {

        private Builder() {
            super("SgdRegressor", FitLoop.OptimizerKind.SGD, 0.01);
        }

        /** @return the trainer */
        public SgdRegressor build() {
            return new SgdRegressor(this);
        }
    }
}
