package dev.jotter.toolkit.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.jotter.toolkit.train.djl.StepManager;
import dev.jotter.toolkit.train.djl.Trainers;
import java.util.function.Function;

/**
 * A hand-written training loop, the DJL counterpart of TensorFlow's {@code GradientTape} example:
 * you compute the loss, the helper takes the gradients and applies the optimizer. Every step runs
 * in its own {@link NDManager}, closed when the step ends, so a loop of any length does not grow
 * native memory (the usual leak when a DJL loop creates arrays from the model's manager). Arrays
 * that DJL closes in the middle of a step, such as the scalar behind {@code x.mul(0.5f)}, keep
 * their memory until the step ends, because autograd may still read them in the backward pass.
 *
 * <p>TensorFlow:
 * <pre>{@code
 * with tf.GradientTape() as tape:
 *     pred = model(x, training=True)
 *     loss = loss_fn(y, pred)
 * grads = tape.gradient(loss, model.trainable_variables)
 * optimizer.apply_gradients(zip(grads, model.trainable_variables))
 * }</pre>
 * Jotter:
 * <pre>{@code
 * Block net = new SequentialBlock().add(Linear.builder().setUnits(64).build()).add(Activation::relu)
 *         .add(Linear.builder().setUnits(10).build());
 * Loss lossFn = Loss.softmaxCrossEntropyLoss();
 * try (CustomLoop loop = CustomLoop.builder().setBlock(net).setInputShape(new Shape(1, 784)).build()) {
 *     for (int epoch = 0; epoch < 5; epoch++) {
 *         for (int[] batch : batches) {
 *             float loss = loop.step(m -> {                       // m: this step's manager
 *                 NDArray x = m.create(pixels(batch), new Shape(batch.length, 784));
 *                 NDArray y = m.create(labels(batch));
 *                 NDArray pred = loop.forward(x);               // training mode, gradients recorded
 *                 return lossFn.evaluate(new NDList(y), new NDList(pred));
 *             });
 *         }
 *     }
 * }
 * }</pre>
 */
public final class CustomLoop implements AutoCloseable {

    private final Model model;
    private final Trainer trainer;

    private CustomLoop(Builder b) {
        Devices.engine().setRandomSeed((int) b.seed);
        Device device = b.device != null ? b.device : Devices.preferred();
        model = Model.newInstance("custom-loop", device);
        model.setBlock(b.block);
        Optimizer optimizer = b.optimizer != null ? b.optimizer : Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.001f)).build();
        // The loss here is never used: step() takes the loss the caller computes.
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(optimizer).optDevices(new Device[] {device});
        trainer = Trainers.open(model, config);
        trainer.initialize(b.inputShape);
    }

    /** @return a builder; {@code setBlock} and {@code setInputShape} are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs one training step: {@code lossFn} builds its inputs in the given step manager and
     * returns a scalar (or per-example) loss; gradients are taken and the optimizer applied.
     *
     * @param lossFn computes the loss from this step's manager
     * @return the loss value (mean when {@code lossFn} returns several)
     */
    public float step(Function<NDManager, NDArray> lossFn) {
        try (NDManager step = StepManager.open(trainer.getManager())) {
            NDArray loss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                loss = lossFn.apply(step);
                gc.backward(loss);
            }
            // Read after the collector closes, so that autograd records none of it.
            float value = loss.mean().getFloat();
            trainer.step();
            return value;
        }
    }

    /**
     * Forward pass in training mode (dropout on), for use inside {@link #step}.
     *
     * @param x a batch of inputs
     * @return the block's output
     */
    public NDArray forward(NDArray x) {
        return trainer.forward(new NDList(x)).singletonOrThrow();
    }

    /**
     * Forward pass in inference mode (dropout off); create {@code x} in a manager you close.
     *
     * @param x a batch of inputs
     * @return the block's output
     */
    public NDArray predict(NDArray x) {
        return trainer.evaluate(new NDList(x)).singletonOrThrow();
    }

    /**
     * Forward pass in training mode for a block with several inputs or outputs, for use inside
     * {@link #step}; a variational autoencoder, say, returns its reconstruction, mean and
     * log-variance together.
     *
     * @param inputs a batch of inputs, one array per block input
     * @return every output of the block, in order
     */
    public NDList forward(NDList inputs) {
        return trainer.forward(inputs);
    }

    /**
     * Forward pass in inference mode (dropout off) for a block with several inputs or outputs;
     * create the inputs in a manager you close.
     *
     * @param inputs a batch of inputs, one array per block input
     * @return every output of the block, in order
     */
    public NDList predict(NDList inputs) {
        return trainer.evaluate(inputs);
    }

    /**
     * Inference through one part of the trained network with its trained weights, e.g. only the
     * decoder of an autoencoder to turn latent points into images; create the inputs in a manager
     * you close.
     *
     * @param part the trained block itself or a block inside it (a child, a child's child, ...)
     * @param inputs a batch of inputs for that part
     * @return the part's outputs
     * @throws IllegalArgumentException when {@code part} is not inside the trained block
     */
    public NDList predict(Block part, NDList inputs) {
        if (!contains(model.getBlock(), part)) {
            throw new IllegalArgumentException("Expected the trained block or a block inside it, found a "
                    + (part == null ? "null block" : part.getClass().getSimpleName() + " that is not part of "
                    + model.getBlock().getClass().getSimpleName()) + "; pass the very block object you built the network from.");
        }
        return part.forward(new ParameterStore(trainer.getManager(), false), inputs, false);
    }

    private static boolean contains(Block root, Block part) {
        if (root == part) {
            return true;
        }
        for (Block child : root.getChildren().values()) {
            if (contains(child, part)) {
                return true;
            }
        }
        return false;
    }

    /** @return a fresh manager for inference arrays; close it (try-with-resources) */
    public NDManager newManager() {
        return trainer.getManager().newSubManager();
    }

    /** @return the trained block */
    public Block block() {
        return model.getBlock();
    }

    /** @return the model's own manager, holding the weights (for leak checks and DJL interop) */
    public NDManager modelManager() {
        return model.getNDManager();
    }

    /** Frees the weights, optimizer state and every remaining native array. */
    @Override
    public void close() {
        trainer.close();
        model.close();
    }

    /** Configures a {@link CustomLoop}. */
    public static final class Builder {
        private Block block;
        private Shape inputShape;
        private Optimizer optimizer;
        private Device device;
        private long seed = TrainerBuilder.DEFAULT_SEED;

        private Builder() {}

        /**
         * @param block the network to train
         * @return this builder
         */
        public Builder setBlock(Block block) {
            this.block = block;
            return this;
        }

        /**
         * @param shape the input shape with a batch of 1, e.g. {@code new Shape(1, 784)}
         * @return this builder
         */
        public Builder setInputShape(Shape shape) {
            this.inputShape = shape;
            return this;
        }

        /**
         * @param optimizer the update rule (default Adam, learning rate 0.001)
         * @return this builder
         */
        public Builder optOptimizer(Optimizer optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        /**
         * @param device where to train (default {@link Devices#preferred()})
         * @return this builder
         */
        public Builder optDevice(Device device) {
            this.device = device;
            return this;
        }

        /**
         * @param seed seeds weight initialization and dropout (default 42)
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @return the loop, with its weights initialized */
        public CustomLoop build() {
            if (block == null || inputShape == null) {
                // A required setting missing is calls in the wrong order: IllegalStateException (docs/api-style.md).
                throw new IllegalStateException("Expected setBlock(...) and setInputShape(...) before build(), found block="
                        + block + ", inputShape=" + inputShape + "; call both first.");
            }
            return new CustomLoop(this);
        }
    }
}
