package dev.jotter.toolkit.train;

import dev.jotter.toolkit.train.djl.FitLoop;

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
     * Sets the hidden layers: one fully connected ReLU layer per width, input side first. With
     * none, the network is one linear layer: a classifier is then multinomial logistic regression
     * (softmax) trained with Adam, a regressor linear regression.
     *
     * @param units widths of the hidden ReLU layers, input side first (default: see the trainer's {@code builder()})
     * @return this builder
     */
    public B optHidden(int... units) {
        for (int i = 0; i < units.length; i++) {
            if (units[i] < 1) {
                throw new IllegalArgumentException("Expected hidden layer widths >= 1, found " + units[i] + " for layer " + (i + 1)
                        + " in " + java.util.Arrays.toString(units) + ".");
            }
        }
        this.hidden = units.clone();
        return self();
    }

    /**
     * Sets dropout, which zeroes a random share of each hidden layer's outputs while training to
     * reduce overfitting; prediction uses every unit.
     *
     * @param rate dropout after every hidden layer, in [0, 1) (default 0)
     * @return this builder
     */
    public B optDropout(double rate) {
        this.dropout = MlpClassifier.checkDropout(rate);
        return self();
    }
}
