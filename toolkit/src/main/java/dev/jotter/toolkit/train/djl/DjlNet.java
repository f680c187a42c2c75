package dev.jotter.toolkit.train.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.jotter.toolkit.train.Devices;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A trained DJL network and the native memory that holds its weights. Inference runs in
 * batches, each in its own sub-manager, so predicting never grows native memory.
 */
public final class DjlNet implements AutoCloseable {

    /** DJL's own encoding of a network's parameters, next to {@code model.properties}. */
    public static final String PARAMS = "params.bin";

    private static final int PREDICT_BATCH = 512;

    private final Model model;
    private final Block block;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param model a trained model; this network owns it and closes it */
    public DjlNet(Model model) {
        this.model = model;
        this.block = model.getBlock();
    }

    /**
     * Rebuilds a saved network on the preferred device.
     *
     * @param dir the directory {@link #writeParams} wrote to
     * @param name the model's name in DJL
     * @param block the network, built with the saved architecture
     * @param inputShape the shape of one input row, batch of 1
     * @return the network with its saved weights
     * @throws IOException when the parameters cannot be read
     */
    public static DjlNet load(Path dir, String name, Block block, Shape inputShape) throws IOException {
        Devices.quiet();
        Device device = Devices.preferred();
        Model model = Model.newInstance(name, device);
        try {
            // The data type is the parameters' type, whatever the input's (token ids are ints).
            block.initialize(model.getNDManager(), DataType.FLOAT32, inputShape);
            model.setBlock(block);
            readParams(dir, block, model.getNDManager());
            return new DjlNet(model);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** @return the network's block, owning its weights */
    public Block block() {
        check();
        return block;
    }

    /**
     * @param x dense feature rows
     * @return the network's outputs (logits or predictions), one row per input row
     */
    public float[][] forward(float[][] x) {
        return forward(x.length, x[0].length, BatchSource.Rows.Writer.of(x));
    }

    /**
     * @param n the number of rows
     * @param width features per row
     * @param rows writes row {@code i}'s features, so that only one batch is ever dense
     * @return the network's outputs, one row per input row
     */
    public float[][] forward(int n, int width, BatchSource.Rows.Writer rows) {
        check();
        float[][] out = new float[n][];
        for (int from = 0; from < n; from += PREDICT_BATCH) {
            int to = Math.min(n, from + PREDICT_BATCH);
            try (NDManager m = model.getNDManager().newSubManager()) {
                float[] flat = new float[(to - from) * width];
                for (int i = from; i < to; i++) {
                    rows.write(i, flat, (i - from) * width);
                }
                NDArray in = m.create(flat, new Shape(to - from, width));
                copyRows(run(m, in), out, from, to);
            }
        }
        return out;
    }

    /**
     * @param tokens padded token-id rows
     * @return the network's outputs, one row per input row
     */
    public float[][] forward(int[][] tokens) {
        check();
        int len = tokens[0].length;
        float[][] out = new float[tokens.length][];
        for (int from = 0; from < tokens.length; from += PREDICT_BATCH) {
            int to = Math.min(tokens.length, from + PREDICT_BATCH);
            try (NDManager m = model.getNDManager().newSubManager()) {
                int[] flat = new int[(to - from) * len];
                for (int i = from; i < to; i++) {
                    System.arraycopy(tokens[i], 0, flat, (i - from) * len, len);
                }
                copyRows(run(m, m.create(flat, new Shape(to - from, len))), out, from, to);
            }
        }
        return out;
    }

    private NDArray run(NDManager m, NDArray in) {
        ParameterStore ps = new ParameterStore(m, false);
        return block.forward(ps, new NDList(in), false).singletonOrThrow();
    }

    private static void copyRows(NDArray y, float[][] out, int from, int to) {
        int width = (int) (y.getShape().dimension() == 1 ? 1 : y.getShape().get(1));
        float[] flat = y.toFloatArray();
        for (int i = from; i < to; i++) {
            out[i] = new float[width];
            System.arraycopy(flat, (i - from) * width, out[i], 0, width);
        }
    }

    /** @return the number of trainable scalars */
    public long parameterCount() {
        long n = 0;
        for (var p : block.getParameters()) {
            n += p.getValue().getArray().getShape().size();
        }
        return n;
    }

    /** @return where the weights live, e.g. {@code cpu()} */
    public String device() {
        return model.getNDManager().getDevice().toString();
    }

    /**
     * @param dir the directory to write the parameters to, created if needed
     * @throws IOException when writing fails
     */
    public void save(Path dir) throws IOException {
        check();
        writeParams(dir, block);
    }

    /**
     * Writes a block's parameters; takes a bare block as well as a fitted network's, because
     * checkpoints save mid-training.
     *
     * @param dir the directory, created if needed
     * @param block the network
     * @throws IOException when writing fails
     */
    public static void writeParams(Path dir, Block block) throws IOException {
        Files.createDirectories(dir);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(PARAMS))))) {
            block.saveParameters(out);
        }
    }

    private static void readParams(Path dir, Block block, NDManager manager) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve(PARAMS))))) {
            block.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new IOException("Expected DJL parameters in " + dir.resolve(PARAMS) + ", found a corrupt file: " + e.getMessage(), e);
        }
    }

    private void check() {
        if (closed.get()) {
            throw new IllegalStateException("Expected an open model, found '" + model.getName()
                    + "' closed, its native weights freed by close(); load it again from its saved directory, or fit it again.");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            model.close();
        }
    }

    /**
     * @param logits one row of class scores per example
     * @return the class probabilities per row
     */
    public static double[][] softmax(float[][] logits) {
        double[][] p = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (float v : logits[i]) {
                max = Math.max(max, v);
            }
            double s = 0;
            p[i] = new double[logits[i].length];
            for (int c = 0; c < logits[i].length; c++) {
                p[i][c] = Math.exp(logits[i][c] - max);
                s += p[i][c];
            }
            for (int c = 0; c < logits[i].length; c++) {
                p[i][c] /= s;
            }
        }
        return p;
    }
}
