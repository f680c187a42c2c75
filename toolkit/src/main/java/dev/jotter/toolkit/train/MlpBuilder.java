package dev.jotter.toolkit.train;

/**
 * Options of the multilayer perceptrons ({@link MlpRegressor}, {@link MlpClassifier}): the hidden
 * layers and their dropout, on top of those of every dense-network trainer.
 *
 * @param <B> the concrete builder, so chained calls keep their type
 */
public abstract class MlpBuilder<B extends MlpBuilder<B>> extends DenseNetBuilder<B> {

    MlpBuilder(String model, double defaultLearningRate, int... defaultHidden) {
        super(model, FitLoop.OptimizerKind.ADAM, defaultLearningRate, defaultHidden);
    }

    /**
     * @param units widths of the hidden ReLU layers, input side first (default: see the trainer's {@code builder()})
     * @return this builder
     */
    public B optHidden(int... units) {
        for (int u : units) {
            if (u < 1) {
                throw new IllegalArgumentException("Expected hidden layer widths >= 1, found " + u + ".");
            }
        }
        this.hidden = units.clone();
        return self();
    }

    /**
     * @param rate dropout after every hidden layer, in [0, 1) (default 0)
     * @return this builder
     */
    public B optDropout(double rate) {
        this.dropout = MlpClassifier.checkDropout(rate);
        return self();
    }
}
