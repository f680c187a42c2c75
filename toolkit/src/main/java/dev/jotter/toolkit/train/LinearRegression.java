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

    private final DenseNetBuilder.DenseNet config;

    private LinearRegression(Builder b) {
        super(b);
        this.config = b.config();
    }

    /** @return a builder: SGD, learning rate 0.01, 10 epochs, batch 32, seed 42, standardized features */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    DjlRegressor fitArrays(float[][] x, float[] y, float[][] xv, float[] yv, List<String> names, String label) {
        return DjlTabular.fitRegressor(config, x, y, xv, yv, names, label);
    }

    /** Configures a {@link LinearRegression}. */
    public static final class Builder extends DenseNetBuilder<Builder> {

        private Builder() {
            super("LinearRegression", FitLoop.OptimizerKind.SGD, 0.01);
        }

        /** @return the trainer */
        public LinearRegression build() {
            return new LinearRegression(this);
        }
    }
}
