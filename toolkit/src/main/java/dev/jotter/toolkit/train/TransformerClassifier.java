package dev.jotter.toolkit.train;

import dev.jotter.toolkit.data.Matrix;
import dev.jotter.toolkit.data.TextSet;
import dev.jotter.toolkit.prep.Tokenizer;
import dev.jotter.toolkit.prep.Vocabulary;
import dev.jotter.toolkit.train.djl.BatchSource;
import dev.jotter.toolkit.train.djl.DjlNet;
import dev.jotter.toolkit.train.djl.FitLoop;
import dev.jotter.toolkit.train.djl.FitOptions;
import dev.jotter.toolkit.train.djl.TransformerBlocks;
import java.util.List;
import java.util.Objects;

/**
 * A transformer encoder text classifier trained from scratch: token embedding + sinusoidal
 * positions, N post-norm encoder layers (multi-head self-attention with padding masks, LayerNorm,
 * ReLU feed-forward, residuals as in Vaswani et al.), masked mean pooling and a linear head;
 * softmax cross-entropy and Adam. Each encoder layer has exactly the parameters of PyTorch's
 * {@code nn.TransformerEncoderLayer(d, heads, feedForward)}.
 *
 * <p>Text goes through the toolkit's shared text tools: {@link Tokenizer} (default
 * {@link Tokenizer#standard()}), a {@link Vocabulary} built from the training texts (or the one
 * given to {@link Builder#optVocabulary}) and {@link Vocabulary#padSequences}. The fitted model
 * keeps the tokenizer and vocabulary, and saves them with its weights.
 *
 * <pre>{@code
 * jshell> var text = Datasets.text("sentiment");
 * jshell> var model = TransformerClassifier.builder().optEmbeddingSize(64).optHeads(4).optLayers(2)
 *    ...>     .optEpochs(15).build().fit(train, test);
 * jshell> model.predictLabels(List.of("What a great phone!"))
 * }</pre>
 */
public final class TransformerClassifier {

    private final Builder b;
    private final FitOptions options;
    private final ClassWeights classWeights;

    private TransformerClassifier(Builder b) {
        this.b = b;
        this.options = b.options();
        this.classWeights = b.classWeights;
    }

    /**
     * @return a builder: d=64, 4 heads, 2 layers, feed-forward 128, dropout 0.1, max length 64,
     *     vocabulary 10000, Adam learning rate 0.001, 10 epochs, batch 32, seed 42
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fits on sentences: the vocabulary is the one given to {@link Builder#optVocabulary}, else it is
     * built from the training texts only.
     *
     * @param train labelled training sentences
     * @return the fitted model
     */
    public TextClassifier fit(TextSet train) {
        return fit(train, null);
    }

    /**
     * @param train labelled training sentences
     * @param validation sentences scored after every epoch (may be null); its classes are matched to
     *     the training set's by name
     * @return the fitted model
     */
    public TextClassifier fit(TextSet train, TextSet validation) {
        Inputs.requireRows(train.size());
        TextEncoder encoder = b.vocabulary != null ? new TextEncoder(b.tokenizer, b.vocabulary, b.maxLength)
                : TextEncoder.fit(b.tokenizer, train.texts(), b.maxVocabulary, b.maxLength);
        int[][] x = encoder.encode(train.texts());
        int[][] xv = validation == null ? null : encoder.encode(validation.texts());
        return fitTokens(x, train.labels(), xv, validation == null ? null : validation.labelsIn(train.classNames()), encoder, encoder.vocabulary().size(),
                train.classNames());
    }

    /**
     * Fits on token ids already padded to one length (0 = padding), e.g. from
     * {@link Vocabulary#padSequences}. When the builder was given the {@link Vocabulary} (and
     * tokenizer) that made the ids, the fitted model keeps them and can classify sentences too.
     *
     * @param tokens token-id rows, all the same length
     * @param labels class indices
     * @param vocabularySize one more than the largest token id
     * @return the fitted model
     */
    public TextClassifier fit(int[][] tokens, int[] labels, int vocabularySize) {
        return fit(tokens, labels, null, null, vocabularySize);
    }

    /**
     * @param tokens token-id rows, all the same length
     * @param labels class indices
     * @param valTokens validation rows (may be null)
     * @param valLabels validation labels (may be null)
     * @param vocabularySize one more than the largest token id
     * @return the fitted model
     */
    public TextClassifier fit(int[][] tokens, int[] labels, int[][] valTokens, int[] valLabels, int vocabularySize) {
        Inputs.requireRows(tokens.length);
        TextEncoder encoder = null;
        if (b.vocabulary != null) {
            if (vocabularySize != b.vocabulary.size()) {
                throw new IllegalArgumentException("Expected vocabularySize to be the size of the builder's vocabulary, "
                        + b.vocabulary.size() + ", found " + vocabularySize + ".");
            }
            encoder = new TextEncoder(b.tokenizer, b.vocabulary, tokens[0].length);
        }
        return fitTokens(tokens, labels, valTokens, valLabels, encoder, vocabularySize, Matrix.indexNames(Inputs.numClasses(labels)));
    }

    private TextClassifier fitTokens(int[][] x, int[] y, int[][] xv, int[] yv, TextEncoder encoder, int vocab, List<String> classes) {
        Inputs.requireTrainingRows(x.length);
        checkTokens(x, vocab, 0);
        Inputs.checkClasses(y, x.length, classes.size());
        if (classes.size() < 2) {
            throw new IllegalArgumentException("Expected at least 2 classes, found " + classes + ".");
        }
        if (xv != null) {
            checkTokens(xv, vocab, x[0].length);
            Inputs.checkClasses(yv, xv.length, classes.size());
        }
        TransformerBlocks.Spec spec = new TransformerBlocks.Spec(vocab, x[0].length, b.embedding, b.heads, b.layers, b.feedForward,
                b.dropout, classes.size());
        float[] weights = classWeights == null ? null : Inputs.toFloat(classWeights.resolve(y, classes));
        String description = "TransformerClassifier d=" + b.embedding + " heads=" + b.heads + " layers=" + b.layers + " ff=" + b.feedForward
                + " vocab=" + vocab + " len=" + x[0].length + " (" + b.trainingSummary() + ")"
                + (weights == null ? "" : " class weights " + java.util.Arrays.toString(weights));
        FitLoop.Saver saver = (block, dir) -> TextClassifier.write(dir, block, spec, encoder, classes, History.of(java.util.Map.of()),
                description);
        FitLoop.Result r = FitLoop.run(description, new TransformerBlocks.Classifier(spec), FitLoop.OptimizerKind.ADAM, options,
                new BatchSource.Tokens(x, y), xv == null ? null : new BatchSource.Tokens(xv, yv), saver, weights);
        return new TextClassifier(new DjlNet(r.model()), spec, encoder, classes, r.history(), description);
    }

    static void checkTokens(int[][] x, int vocab, int expectedLength) {
        int len = expectedLength > 0 ? expectedLength : x[0].length;
        if (len == 0) {
            throw new IllegalArgumentException("Expected token rows of length >= 1, found 0.");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != len) {
                throw new IllegalArgumentException("Expected every token row padded to " + len + " ids, found " + x[i].length + " in row " + i
                        + ". Pad or truncate all rows to one length (0 = padding).");
            }
            for (int j = 0; j < len; j++) {
                if (x[i][j] < 0 || x[i][j] >= vocab) {
                    throw new IllegalArgumentException("Expected token ids in the vocabulary 0.." + (vocab - 1) + ", found " + x[i][j] + " at row "
                            + i + ", position " + j + "; map unseen words to an unknown-word id.");
                }
            }
        }
    }

    /** Configures a {@link TransformerClassifier}. */
    public static final class Builder extends TrainerBuilder<Builder> {
        private int embedding = 64;
        private int heads = 4;
        private int layers = 2;
        private int feedForward = 128;
        private float dropout = 0.1f;
        private int maxLength = 64;
        private int maxVocabulary = 10000;
        private Tokenizer tokenizer = Tokenizer.standard();
        private Vocabulary vocabulary;
        private ClassWeights classWeights;

        private Builder() {
            super(0.001);
        }

        /**
         * Weighs each training sentence's loss by its class, for imbalanced labels, with the same
         * weighted cross-entropy as {@link MlpClassifier.Builder#optClassWeights(ClassWeights)};
         * the validation loss stays unweighted.
         *
         * @param weights {@link ClassWeights#BALANCED} or {@link ClassWeights#of(java.util.Map)} (default: every class weighs 1)
         * @return this builder
         */
        public Builder optClassWeights(ClassWeights weights) {
            this.classWeights = Objects.requireNonNull(weights, "weights");
            return this;
        }

        /**
         * @param weights weight by class name, as {@code model.classes()} spells them; classes left out weigh 1
         * @return this builder
         */
        public Builder optClassWeights(java.util.Map<String, Double> weights) {
            return optClassWeights(ClassWeights.of(weights));
        }

        /**
         * @param d model width (default 64); must be divisible by the head count
         * @return this builder
         */
        public Builder optEmbeddingSize(int d) {
            this.embedding = d;
            return this;
        }

        /**
         * @param heads attention heads per layer (default 4)
         * @return this builder
         */
        public Builder optHeads(int heads) {
            this.heads = heads;
            return this;
        }

        /**
         * @param layers encoder layers (default 2)
         * @return this builder
         */
        public Builder optLayers(int layers) {
            this.layers = layers;
            return this;
        }

        /**
         * @param width hidden width of each layer's feed-forward network (default 128)
         * @return this builder
         */
        public Builder optFeedForward(int width) {
            this.feedForward = width;
            return this;
        }

        /**
         * @param rate dropout on embeddings, attention probabilities, residual branches (default 0.1)
         * @return this builder
         */
        public Builder optDropout(double rate) {
            this.dropout = MlpClassifier.checkDropout(rate);
            return this;
        }

        /**
         * @param tokens sentences are cut or padded to this many tokens (default 64; text input only)
         * @return this builder
         */
        public Builder optMaxLength(int tokens) {
            this.maxLength = tokens;
            return this;
        }

        /**
         * @param words vocabulary size including padding and unknown (default 10000; text input only,
         *     ignored when {@link #optVocabulary} gives the vocabulary)
         * @return this builder
         */
        public Builder optMaxVocabulary(int words) {
            this.maxVocabulary = words;
            return this;
        }

        /**
         * @param tokenizer how sentences are split into words (default {@link Tokenizer#standard()});
         *     kept with the fitted model
         * @return this builder
         */
        public Builder optTokenizer(Tokenizer tokenizer) {
            this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
            return this;
        }

        /**
         * Uses a vocabulary you built yourself instead of one built from the training texts.
         *
         * <pre>{@code
         * jshell> var vocab = Vocabulary.builder().optMinFrequency(2).build(Tokenizer.standard().tokenizeAll(train.texts()))
         * jshell> var model = TransformerClassifier.builder().optVocabulary(vocab).build().fit(train)
         * }</pre>
         *
         * @param vocabulary word to id ({@code <pad>} = 0, {@code <unk>} = 1), made with this builder's tokenizer;
         *     kept with the fitted model
         * @return this builder
         */
        public Builder optVocabulary(Vocabulary vocabulary) {
            this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
            return this;
        }

        /** @return the trainer */
        public TransformerClassifier build() {
            if (embedding < 1 || heads < 1 || embedding % heads != 0) {
                throw new IllegalArgumentException("Expected the embedding size to be a positive multiple of the head count, found d="
                        + embedding + " and heads=" + heads + ".");
            }
            if (layers < 1 || feedForward < 1 || maxLength < 1 || maxVocabulary < 3) {
                throw new IllegalArgumentException("Expected layers, feed-forward width and max length >= 1 and vocabulary >= 3, found "
                        + layers + ", " + feedForward + ", " + maxLength + ", " + maxVocabulary + ".");
            }
            return new TransformerClassifier(this);
        }
    }
}
