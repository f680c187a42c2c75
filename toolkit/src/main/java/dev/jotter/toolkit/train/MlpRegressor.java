package dev.jotter.toolkit.train;

/**
 * A multilayer perceptron for regression: ReLU hidden layers with optional dropout, Adam, MSE.
 * Features are standardized inside the model.
 *
 * <pre>{@code
 * jshell> var model = MlpRegressor.builder().optHidden(64, 32).optEpochs(100).setFeatures("x1", "x2").setLabel("y").build().fit(train, test);
 * }</pre>
 */
public final class MlpRegressor extends DenseRegressor {

    private MlpRegressor(Builder b) {
        super(b);
    }

    /** @return a builder: hidden layers 64-32, no dropout, Adam with learning rate 0.001, 10 epochs, batch 32, seed 42 */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures an {@link MlpRegressor}. */
    public static final class Builder extends MlpBuilder<Builder> {

        private Builder() {
            super("MlpRegressor", 0.001, 64, 32);
        }

        /** @return the trainer */
        public MlpRegressor build() {
            return new MlpRegressor(this);
        }
    }
}
