package dev.jotter.toolkit.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy in which each example's loss is multiplied by its class's weight, then
 * averaged over the batch (Keras's {@code class_weight}; scikit-learn sums the same terms). DJL's
 * own softmax cross-entropy takes one weight for all classes only.
 */
final class WeightedSoftmaxCrossEntropy extends Loss {

    private final float[] weights;

    /**
     * @param name the loss's name in the history
     * @param weights one weight per class, by class index
     */
    WeightedSoftmaxCrossEntropy(String name, float[] weights) {
        super(name);
        this.weights = weights.clone();
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray scores = predictions.singletonOrThrow();
        NDArray y = labels.singletonOrThrow();
        // An array, not mul(number): the weights live in the labels' (per-step) manager for the backward pass.
        NDArray w = y.getManager().create(weights).toDevice(scores.getDevice(), false);
        NDArray picked = y.oneHot(weights.length).toType(scores.getDataType(), false).mul(w);
        return scores.logSoftmax(1).mul(picked).sum(new int[] {1}).neg().mean();
    }
}
