package dev.jotter.toolkit.train.djl;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.jotter.toolkit.train.DefaultListeners;
import dev.jotter.toolkit.train.Devices;
import dev.jotter.toolkit.train.History;
import dev.jotter.toolkit.train.TrainingListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The one training loop behind every DJL trainer: seeded shuffling, mini-batches, per-step native
 * memory, optional gradient clipping and learning-rate schedule, validation every epoch, and
 * listeners (including early stopping and checkpoints).
 */
public final class FitLoop {

    /** Writes a model in its fitted-model format, for checkpoints. */
    public interface Saver {
        /**
         * @param block the network as it is now
         * @param dir the directory to write
         * @throws IOException when writing fails
         */
        void save(Block block, Path dir) throws IOException;
    }

    /**
     * What a fit produced.
     *
     * @param model the trained DJL model, owning the weights
     * @param history per-epoch metrics
     */
    public record Result(Model model, History history) {}

    /** The optimizers the toolkit's trainers use. */
    public enum OptimizerKind {
        /** Plain stochastic gradient descent. */
        SGD,
        /** Adam. */
        ADAM
    }

    private FitLoop() {}

    /**
     * Trains a block: a classifier's training loss may weigh each example by its class.
     *
     * @param description the model as the progress display names it
     * @param block the network to train
     * @param optimizerKind SGD or Adam
     * @param o epochs, batch size, learning rate, seed, listeners and the rest
     * @param train the training examples
     * @param validation examples scored after every epoch, or null; scored without the weights, so
     *     that val_loss compares across weightings
     * @param saver writes checkpoints in the fitted model's format
     * @param classWeights one weight per class, or null for the unweighted loss (always for a regressor)
     * @return the trained model and its history
     */
    public static Result run(
            String description,
            Block block,
            OptimizerKind optimizerKind,
            FitOptions o,
            BatchSource train,
            BatchSource validation,
            Saver saver,
            float[] classWeights) {
        // Seeds libtorch's generator, which draws the initial weights and the dropout masks. engine(): on a
        // platform without natives this is where the first training cell says so.
        Devices.engine().setRandomSeed((int) o.seed());
        Model model = Model.newInstance(description, o.device());
        boolean ok = false;
        try {
            model.setBlock(block);
            History history = train(model, block, optimizerKind, o, train, validation, saver, description, classWeights);
            ok = true;
            return new Result(model, history);
        } finally {
            if (!ok) {
                model.close();
            }
        }
    }

    private static History train(
            Model model,
            Block block,
            OptimizerKind kind,
            FitOptions o,
            BatchSource train,
            BatchSource validation,
            Saver saver,
            String description,
            float[] classWeights) {
        int[] currentEpoch = {1};
        Tracker lr = numUpdate -> (float) o.schedule().rate(currentEpoch[0], o.learningRate());
        Optimizer optimizer = switch (kind) {
            case SGD -> Optimizer.sgd().setLearningRateTracker(lr).optWeightDecays((float) o.weightDecay()).build();
            case ADAM -> Optimizer.adam().optLearningRateTracker(lr).optWeightDecays((float) o.weightDecay()).build();
        };
        Loss loss = train.classification() ? Loss.softmaxCrossEntropyLoss("loss") : Loss.l2Loss("loss", 1);
        Loss trainingLoss = classWeights == null ? loss : new WeightedSoftmaxCrossEntropy("loss", classWeights);
        DefaultTrainingConfig config = new DefaultTrainingConfig(trainingLoss)
                .optOptimizer(optimizer)
                // One device only: DJL's default would spread the model over every GPU.
                .optDevices(new ai.djl.Device[] {o.device()});

        List<TrainingListener> listeners = new ArrayList<>();
        if (o.progress()) {
            listeners.addAll(DefaultListeners.create());
        }
        listeners.addAll(o.listeners());

        Map<String, List<Double>> series = new LinkedHashMap<>();
        try (Trainer trainer = Trainers.open(model, config)) {
            trainer.initialize(train.inputShapes());
            byte[][] best = {null};
            boolean[] stop = {false};
            LoopControl control = new LoopControl() {
                @Override
                public void requestStop() {
                    stop[0] = true;
                }

                @Override
                public void rememberBest() {
                    best[0] = snapshot(block);
                }

                @Override
                public void restoreBest() {
                    if (best[0] != null) {
                        restore(block, model.getNDManager(), best[0]);
                    }
                }

                @Override
                public void save(Path dir) throws IOException {
                    saver.save(block, dir);
                }
            };
            for (TrainingListener l : listeners) {
                if (l instanceof LoopControl.Aware aware) {
                    aware.attach(control);
                }
            }
            int n = train.size();
            int batches = (n + o.batchSize() - 1) / o.batchSize();
            TrainingListener.TrainingInfo info = new TrainingListener.TrainingInfo(description, o.epochs(), batches, o.device().toString());
            for (TrainingListener l : listeners) {
                l.onTrainBegin(info);
            }
            Random random = new Random(o.seed());
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int epoch = 1; epoch <= o.epochs() && !stop[0]; epoch++) {
                currentEpoch[0] = epoch;
                if (o.shuffle()) {
                    shuffle(order, random);
                }
                double lossSum = 0;
                long correct = 0;
                for (int b = 0; b < batches; b++) {
                    if (Thread.currentThread().isInterrupted()) {
                        // A kernel interrupt: each batch is a few native calls that no stop check
                        // reaches, so the loop itself must notice, or training runs on to its end.
                        throw new java.util.concurrent.CancellationException("Training was interrupted at epoch " + epoch
                                + ", batch " + (b + 1) + " of " + batches + "; the model holds the weights of the batches before."
                                + " Run the cell again to train from the start.");
                    }
                    int from = b * o.batchSize();
                    int to = Math.min(n, from + o.batchSize());
                    double batchLoss;
                    // Every array of this step, gradients' temporaries included, dies with this manager.
                    try (NDManager step = StepManager.open(trainer.getManager())) {
                        NDList x = train.inputs(step, order, from, to);
                        NDArray y = train.labels(step, order, from, to);
                        NDList pred;
                        NDArray l;
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            pred = trainer.forward(x);
                            l = trainingLoss.evaluate(new NDList(y), pred);
                            gc.backward(l);
                        }
                        // Read outside the collector, so that autograd records none of it.
                        batchLoss = l.getFloat();
                        if (train.classification()) {
                            correct += train.correct(pred.singletonOrThrow(), order, from, to);
                        }
                        if (o.clipNorm() > 0) {
                            clipGradients(block, o.clipNorm(), step);
                        }
                        trainer.step();
                    }
                    if (!Double.isFinite(batchLoss)) {
                        // Stop at the first bad batch: every later epoch would only print the same NaN.
                        // Before the first update the learning rate has done nothing yet: the data is too large for float.
                        String cause = epoch == 1 && b == 0
                                ? ", before any update: the untrained network's loss overflows, so features or targets are far too large;"
                                        + " add StandardScaler to the features and rescale the target (e.g. to thousands)."
                                : ": training diverged, likely a learning rate too high (lr=" + o.learningRate()
                                        + ") or unscaled features; lower optLearningRate, add StandardScaler, or set optGradientClipNorm(1.0).";
                        throw new IllegalStateException("Expected a finite training loss, found " + batchLoss + " at epoch " + epoch + ", batch "
                                + (b + 1) + cause);
                    }
                    lossSum += batchLoss * (to - from);
                    for (TrainingListener l : listeners) {
                        l.onBatchEnd(epoch, b + 1, batchLoss);
                    }
                }
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put("loss", lossSum / n);
                if (train.classification()) {
                    metrics.put("accuracy", (double) correct / n);
                }
                if (validation != null) {
                    double[] v = evaluate(trainer, loss, validation, o.batchSize());
                    metrics.put("val_loss", v[0]);
                    if (validation.classification()) {
                        metrics.put("val_accuracy", v[1]);
                    }
                }
                metrics.forEach((k, v) -> series.computeIfAbsent(k, key -> new ArrayList<>()).add(v));
                History soFar = History.of(series);
                for (TrainingListener l : listeners) {
                    l.onEpochEnd(epoch, metrics, soFar);
                }
            }
        }
        History history = History.of(series);
        for (TrainingListener l : listeners) {
            l.onTrainEnd(history);
        }
        return history;
    }

    /** @return mean loss and accuracy (NaN for regression) of the model in inference mode */
    static double[] evaluate(Trainer trainer, Loss loss, BatchSource data, int batchSize) {
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            try (NDManager step = trainer.getManager().newSubManager()) {
                NDList pred = trainer.evaluate(data.inputs(step, order, from, to));
                NDArray y = data.labels(step, order, from, to);
                lossSum += loss.evaluate(new NDList(y), pred).getFloat() * (to - from);
                if (data.classification()) {
                    correct += data.correct(pred.singletonOrThrow(), order, from, to);
                }
            }
        }
        return new double[] {lossSum / n, data.classification() ? (double) correct / n : Double.NaN};
    }

    /** Scales all gradients together so that their global L2 norm is at most {@code maxNorm}. */
    static void clipGradients(Block block, double maxNorm, NDManager step) {
        List<NDArray> grads = new ArrayList<>();
        {
            double sq = 0;
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (p.getValue().requiresGradient() && p.getValue().isInitialized()) {
                    NDArray g = p.getValue().getArray().getGradient();
                    // Attached to the step so that the norm's temporaries die with it.
                    g.attach(step);
                    grads.add(g);
                    sq += g.square().sum().getFloat();
                }
            }
            double norm = Math.sqrt(sq);
            if (norm > maxNorm) {
                float scale = (float) (maxNorm / (norm + 1e-6));
                for (NDArray g : grads) {
                    g.muli(scale);
                }
            }
        }
        // The handles are views of libtorch's gradient buffers; the step manager closes only the handles.
    }

    static byte[] snapshot(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void restore(Block block, NDManager manager, byte[] snapshot) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            block.loadParameters(manager, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedModelException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Shuffles in place (Fisher-Yates), the order every trainer uses, so that tests can split
     * data as the loop shuffles it.
     *
     * @param a the array to shuffle
     * @param random the seeded generator
     */
    public static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
