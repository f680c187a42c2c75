package dev.jotter.toolkit.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A transformer encoder text classifier assembled from DJL parts, laid out as in Vaswani et al.
 * (2017) and PyTorch's {@code nn.TransformerEncoderLayer} (post-norm): token embedding scaled by
 * sqrt(d) plus sinusoidal positions, N encoder layers, masked mean pooling, a linear head.
 *
 * <p>DJL's own {@code TransformerEncoderBlock} is not used: it normalizes with BatchNorm and adds
 * the second residual to the wrong tensor. Nor is BERT's pooled output, which reads one token.
 * Token id 0 is padding: padded keys get no attention and padded positions are left out of the
 * pooled mean, so a sentence's prediction does not depend on how much it was padded.
 */
public final class TransformerBlocks {

    private TransformerBlocks() {}

    /**
     * Hyperparameters of the whole classifier.
     *
     * @param vocabulary token ids are 0..vocabulary-1
     * @param maxLength tokens per (padded) row
     * @param embedding model width d
     * @param heads attention heads per layer
     * @param layers encoder layers
     * @param feedForward hidden width of each layer's feed-forward network
     * @param dropout dropout rate
     * @param classes output classes
     */
    public record Spec(int vocabulary, int maxLength, int embedding, int heads, int layers, int feedForward, float dropout, int classes) {

        /** PyTorch's nn.TransformerEncoderLayer(d, heads, ff) parameter count, one layer. */
        /**
         * @param d model width
         * @param ff feed-forward width
         * @return the parameter count of one layer
         */
        public static long encoderLayerParameters(long d, long ff) {
            // self-attention in/out projections 4(d^2 + d), two feed-forward linears, two LayerNorms (2d each)
            return 4 * (d * d + d) + (d * ff + ff) + (ff * d + d) + 4 * d;
        }

        /** @return the parameter count of the whole classifier */
        public long expectedParameters() {
            return (long) vocabulary * embedding + layers * encoderLayerParameters(embedding, feedForward)
                    + (long) embedding * classes + classes;
        }
    }

    /** The full classifier: token ids (B, S) in, class logits (B, C) out. */
    public static final class Classifier extends AbstractBlock {
        private final Spec spec;
        private final TokenEmbedding embedding;
        private final List<EncoderLayer> layers = new ArrayList<>();
        private final Dropout inputDropout;
        private final Linear head;
        private float[] positions;
        private int positionsLength;

        /** @param spec the hyperparameters */
        public Classifier(Spec spec) {
            this.spec = spec;
            this.embedding = addChildBlock("embedding", new TokenEmbedding(spec.vocabulary(), spec.embedding()));
            this.inputDropout = addChildBlock("inputDropout", Dropout.builder().optRate(spec.dropout()).build());
            for (int i = 0; i < spec.layers(); i++) {
                layers.add(addChildBlock("encoder" + i, new EncoderLayer(spec)));
            }
            this.head = addChildBlock("head", Linear.builder().setUnits(spec.classes()).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray tokens = inputs.singletonOrThrow();
            long b = tokens.getShape().get(0);
            long s = tokens.getShape().get(1);
            NDArray keep = tokens.neq(0).toType(DataType.FLOAT32, false); // (B, S): 1 for real tokens
            NDArray x = embedding.forward(ps, new NDList(tokens), training).singletonOrThrow();
            x = x.mul((float) Math.sqrt(spec.embedding())).add(positionalEncoding(tokens.getManager(), (int) s));
            x = inputDropout.forward(ps, new NDList(x), training).singletonOrThrow();
            // (B, T, F) mask for ScaledDotProductAttentionBlock: query t may attend to key f iff f is a real token.
            NDArray attentionMask = keep.reshape(b, 1, s).broadcast(b, s, s);
            for (EncoderLayer layer : layers) {
                x = layer.forward(ps, new NDList(x, attentionMask), training).singletonOrThrow();
            }
            NDArray weights = keep.expandDims(2); // (B, S, 1)
            NDArray counts = keep.sum(new int[] {1}, true).maximum(1f); // (B, 1); an all-padding row pools to 0
            NDArray pooled = x.mul(weights).sum(new int[] {1}).div(counts);
            return head.forward(ps, new NDList(pooled), training);
        }

        /** The sinusoidal table of Vaswani et al., computed once per sequence length. */
        private NDArray positionalEncoding(NDManager manager, int length) {
            int d = spec.embedding();
            if (positions == null || positionsLength != length) {
                float[] pe = new float[length * d];
                for (int pos = 0; pos < length; pos++) {
                    for (int i = 0; i < d; i += 2) {
                        double angle = pos / Math.pow(10000, (double) i / d);
                        pe[pos * d + i] = (float) Math.sin(angle);
                        if (i + 1 < d) {
                            pe[pos * d + i + 1] = (float) Math.cos(angle);
                        }
                    }
                }
                positions = pe;
                positionsLength = length;
            }
            return manager.create(positions, new Shape(length, d));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), spec.classes())};
        }

        @Override
        public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            long b = inputShapes[0].get(0);
            long s = inputShapes[0].get(1);
            Shape hidden = new Shape(b, s, spec.embedding());
            embedding.initialize(manager, dataType, inputShapes[0]);
            inputDropout.initialize(manager, dataType, hidden);
            for (EncoderLayer layer : layers) {
                layer.initialize(manager, dataType, hidden, new Shape(b, s, s));
            }
            head.initialize(manager, dataType, new Shape(b, spec.embedding()));
        }
    }

    /** One post-norm encoder layer: x = LN(x + attn(x)); x = LN(x + FF(x)). */
    static final class EncoderLayer extends AbstractBlock {
        private final ScaledDotProductAttentionBlock attention;
        private final LayerNorm norm1;
        private final LayerNorm norm2;
        private final Linear ff1;
        private final Linear ff2;
        private final Dropout dropout1;
        private final Dropout dropout2;
        private final Dropout dropoutFf;

        EncoderLayer(Spec spec) {
            attention = addChildBlock("attention", ScaledDotProductAttentionBlock.builder().setEmbeddingSize(spec.embedding())
                    .setHeadCount(spec.heads()).optAttentionProbsDropoutProb(spec.dropout()).build());
            dropout1 = addChildBlock("dropout1", Dropout.builder().optRate(spec.dropout()).build());
            // axis 2 is the feature axis of (batch, sequence, feature): LayerNorm, not BatchNorm.
            norm1 = addChildBlock("norm1", LayerNorm.builder().axis(2).build());
            ff1 = addChildBlock("ff1", Linear.builder().setUnits(spec.feedForward()).build());
            dropoutFf = addChildBlock("dropoutFf", Dropout.builder().optRate(spec.dropout()).build());
            ff2 = addChildBlock("ff2", Linear.builder().setUnits(spec.embedding()).build());
            dropout2 = addChildBlock("dropout2", Dropout.builder().optRate(spec.dropout()).build());
            norm2 = addChildBlock("norm2", LayerNorm.builder().axis(2).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray x = inputs.get(0);
            NDArray mask = inputs.get(1);
            NDArray a = attention.forward(ps, new NDList(x, mask), training).singletonOrThrow();
            a = dropout1.forward(ps, new NDList(a), training).singletonOrThrow();
            x = norm1.forward(ps, new NDList(x.add(a)), training).singletonOrThrow();
            NDArray f = ff1.forward(ps, new NDList(x), training).singletonOrThrow();
            f = dropoutFf.forward(ps, new NDList(Activation.relu(f)), training).singletonOrThrow();
            f = ff2.forward(ps, new NDList(f), training).singletonOrThrow();
            f = dropout2.forward(ps, new NDList(f), training).singletonOrThrow();
            return norm2.forward(ps, new NDList(x.add(f)), training);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {inputShapes[0]};
        }

        @Override
        public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape x = inputShapes[0];
            attention.initialize(manager, dataType, x, inputShapes[1]);
            dropout1.initialize(manager, dataType, x);
            norm1.initialize(manager, dataType, x);
            ff1.initialize(manager, dataType, x);
            Shape hidden = ff1.getOutputShapes(new Shape[] {x})[0];
            dropoutFf.initialize(manager, dataType, hidden);
            ff2.initialize(manager, dataType, hidden);
            dropout2.initialize(manager, dataType, x);
            norm2.initialize(manager, dataType, x);
        }
    }

    /** A learned (vocabulary, d) lookup table; id 0 is padding and is masked downstream. */
    static final class TokenEmbedding extends AbstractBlock {
        private final int vocabulary;
        private final int size;
        private final Parameter weight;

        TokenEmbedding(int vocabulary, int size) {
            this.vocabulary = vocabulary;
            this.size = size;
            weight = addParameter(Parameter.builder().setName("embedding").setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(vocabulary, size)).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray ids = inputs.singletonOrThrow();
            NDArray table = ps.getValue(weight, ids.getDevice(), training);
            return Embedding.embedding(ids.toType(DataType.INT64, false), table, ai.djl.ndarray.types.SparseFormat.DENSE);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {inputShapes[0].addAll(new Shape(size))};
        }

        int vocabulary() {
            return vocabulary;
        }
    }
}
