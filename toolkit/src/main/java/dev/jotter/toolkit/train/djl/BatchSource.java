package dev.jotter.toolkit.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Training examples held in Java arrays, turned into one batch of NDArrays at a time in the
 * caller's (per-step) manager so every native buffer of a step is freed when the step ends.
 */
public abstract class BatchSource {

    /** Only this package's kinds of source. */
    BatchSource() {}

    /** @return the number of examples */
    abstract int size();

    /** @return the input shapes with a batch of 1, for block initialization */
    abstract Shape[] inputShapes();

    /**
     * @param m the manager owning the new arrays
     * @param idx example indices
     * @param from first position in {@code idx}
     * @param to one past the last position
     * @return the model inputs for those examples
     */
    abstract NDList inputs(NDManager m, int[] idx, int from, int to);

    /**
     * @param m the manager owning the new array
     * @param idx example indices
     * @param from first position in {@code idx}
     * @param to one past the last position
     * @return the labels for those examples
     */
    abstract NDArray labels(NDManager m, int[] idx, int from, int to);

    /** @return true when labels are class indices (accuracy is reported) */
    abstract boolean classification();

    /** @return the class index of every example, for sources where {@link #classification()} holds */
    abstract int[] classes();

    /**
     * Counts the examples of a batch whose predicted class (the largest score) is their label.
     * The arg-max comes back to Java once and is compared with the labels already here: one
     * native call instead of four (eq, sum and type conversion on the device), which shows on
     * small networks where a step costs about a millisecond.
     *
     * @param scores the model's output for the batch, one row of class scores per example
     * @param idx example indices
     * @param from first position in {@code idx}
     * @param to one past the last position
     * @return how many predictions were right
     */
    final long correct(NDArray scores, int[] idx, int from, int to) {
        long[] predicted = scores.argMax(1).toLongArray();
        int[] classes = classes();
        long right = 0;
        for (int i = from; i < to; i++) {
            if (predicted[i - from] == classes[idx[i]]) {
                right++;
            }
        }
        return right;
    }

    /** Dense float features with float targets or int class labels. */
    public static final class Dense extends Rows {

        /**
         * @param x feature rows, already standardized if the model wants that
         * @param targets one target per row for regression, else null
         * @param classes one class index per row for classification, else null
         */
        public Dense(float[][] x, float[] targets, int[] classes) {
            super(x.length, x[0].length, Writer.of(x), targets, classes);
        }
    }

    /**
     * Feature rows kept in any compact form (a sparse matrix) and written out one batch at a
     * time, so that a wide input never exists as a whole dense array.
     */
    public static class Rows extends BatchSource {

        /** Writes one example's features into a batch. */
        @FunctionalInterface
        public interface Writer {
            /**
             * @param row the example index
             * @param dest the batch, row-major
             * @param offset where the example's {@code width} features go
             */
            void write(int row, float[] dest, int offset);

            /**
             * @param rows dense rows
             * @return a writer that copies them
             */
            static Writer of(float[][] rows) {
                return (i, dest, offset) -> System.arraycopy(rows[i], 0, dest, offset, rows[i].length);
            }
        }

        private final int size;
        private final int width;
        private final Writer writer;
        private final float[] targets;
        private final int[] classes;

        /**
         * @param size the number of examples
         * @param width features per example
         * @param writer writes an example's features, standardized if the model wants that
         * @param targets one target per example for regression, else null
         * @param classes one class index per example for classification, else null
         */
        public Rows(int size, int width, Writer writer, float[] targets, int[] classes) {
            this.size = size;
            this.width = width;
            this.writer = writer;
            this.targets = targets;
            this.classes = classes;
        }

        @Override
        int size() {
            return size;
        }

        @Override
        Shape[] inputShapes() {
            return new Shape[] {new Shape(1, width)};
        }

        @Override
        NDList inputs(NDManager m, int[] idx, int from, int to) {
            float[] flat = new float[(to - from) * width];
            for (int i = from; i < to; i++) {
                writer.write(idx[i], flat, (i - from) * width);
            }
            return new NDList(m.create(flat, new Shape(to - from, width)));
        }

        @Override
        NDArray labels(NDManager m, int[] idx, int from, int to) {
            if (classes != null) {
                int[] y = new int[to - from];
                for (int i = from; i < to; i++) {
                    y[i - from] = classes[idx[i]];
                }
                return m.create(y);
            }
            float[] y = new float[to - from];
            for (int i = from; i < to; i++) {
                y[i - from] = targets[idx[i]];
            }
            return m.create(y, new Shape(to - from, 1));
        }

        @Override
        boolean classification() {
            return classes != null;
        }

        @Override
        int[] classes() {
            return classes;
        }
    }

    /** Padded token-id sequences (all the same length, 0 = padding) with class labels. */
    public static final class Tokens extends BatchSource {
        private final int[][] tokens;
        private final int[] classes;

        /**
         * @param tokens token-id rows padded to one length (0 = padding)
         * @param classes one class index per row
         */
        public Tokens(int[][] tokens, int[] classes) {
            this.tokens = tokens;
            this.classes = classes;
        }

        @Override
        int size() {
            return tokens.length;
        }

        @Override
        Shape[] inputShapes() {
            return new Shape[] {new Shape(1, tokens[0].length)};
        }

        @Override
        NDList inputs(NDManager m, int[] idx, int from, int to) {
            int len = tokens[0].length;
            int[] flat = new int[(to - from) * len];
            for (int i = from; i < to; i++) {
                System.arraycopy(tokens[idx[i]], 0, flat, (i - from) * len, len);
            }
            return new NDList(m.create(flat, new Shape(to - from, len)));
        }

        @Override
        NDArray labels(NDManager m, int[] idx, int from, int to) {
            int[] y = new int[to - from];
            for (int i = from; i < to; i++) {
                y[i - from] = classes[idx[i]];
            }
            return m.create(y);
        }

        @Override
        boolean classification() {
            return true;
        }

        @Override
        int[] classes() {
            return classes;
        }
    }
}
