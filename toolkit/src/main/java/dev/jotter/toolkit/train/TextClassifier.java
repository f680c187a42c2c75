package dev.jotter.toolkit.train;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.jotter.toolkit.data.TextSet;
import dev.jotter.toolkit.metrics.ClassificationReport;
import dev.jotter.toolkit.metrics.Metrics;
import dev.jotter.toolkit.prep.Tokenizer;
import dev.jotter.toolkit.prep.Vocabulary;
import dev.jotter.toolkit.train.djl.DjlNet;
import dev.jotter.toolkit.train.djl.TransformerBlocks;
import dev.jotter.toolkit.data.WorkingDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A fitted {@link TransformerClassifier}: classifies sentences (encoded with the tokenizer and
 * vocabulary used at training time) or token-id rows. Holds native memory: close it when done.
 *
 * <pre>{@code
 * jshell> model.predictLabels(List.of("Loved it.", "Broke after a day."))
 * $1 ==> [positive, negative]
 * }</pre>
 */
public final class TextClassifier implements AutoCloseable {

    static final String KIND = "djl-transformer-classifier";
    /** The vocabulary's tokens, one per line, line number = id. */
    static final String VOCABULARY_FILE = "vocab.txt";

    private final DjlNet net;
    private final TransformerBlocks.Spec spec;
    private final TextEncoder encoder;
    private final List<String> classes;
    private final History history;
    private final String description;

    TextClassifier(DjlNet net, TransformerBlocks.Spec spec, TextEncoder encoder, List<String> classes, History history, String description) {
        this.net = net;
        this.spec = spec;
        this.encoder = encoder;
        this.classes = List.copyOf(classes);
        this.history = history;
        this.description = description;
    }

    /**
     * @param texts sentences
     * @return class probabilities per sentence
     */
    public double[][] predictProbabilities(List<String> texts) {
        return predictProbabilities(encode(texts));
    }

    /**
     * @param tokens token-id rows padded to the training length
     * @return class probabilities per row
     */
    public double[][] predictProbabilities(int[][] tokens) {
        Inputs.requireRows(tokens.length);
        TransformerClassifier.checkTokens(tokens, spec.vocabulary(), spec.maxLength());
        return DjlNet.softmax(net.forward(tokens));
    }

    /**
     * @param texts sentences
     * @return the most probable class index per sentence
     */
    public int[] predict(List<String> texts) {
        return ClassificationModel.argMax(predictProbabilities(texts));
    }

    /**
     * @param tokens token-id rows
     * @return the most probable class index per row
     */
    public int[] predict(int[][] tokens) {
        return ClassificationModel.argMax(predictProbabilities(tokens));
    }

    /**
     * @param texts sentences
     * @return the most probable class name per sentence
     */
    public List<String> predictLabels(List<String> texts) {
        return java.util.Arrays.stream(predict(texts)).mapToObj(classes::get).toList();
    }

    /**
     * Scores labelled sentences, matching the set's classes to this model's by name, so a set that
     * lists its classes in another order scores the same.
     *
     * @param data labelled sentences whose classes are among this model's {@link #classes()}
     * @return precision, recall, F1, accuracy and the confusion matrix
     * @throws IllegalArgumentException when the set has texts of a class this model does not know
     */
    public ClassificationReport evaluate(TextSet data) {
        Inputs.requireRows(data.size());
        return Metrics.report(data.labelsIn(classes), predict(data.texts()), classes);
    }

    /**
     * @param tokens token-id rows
     * @param labels class indices
     * @return precision, recall, F1, accuracy and the confusion matrix
     */
    public ClassificationReport evaluate(int[][] tokens, int[] labels) {
        Inputs.checkClasses(labels, tokens.length, classes.size());
        return Metrics.report(labels, predict(tokens), classes);
    }

    /**
     * What the model sees: sentences as token-id rows, tokenized, looked up and padded as in training.
     *
     * <pre>{@code
     * jshell> model.encode(List.of("Great phone"))[0]
     * $1 ==> int[24] { 95, 41, 0, 0, ... }
     * }</pre>
     *
     * @param texts sentences
     * @return one row of {@code maxLength} ids per sentence
     * @throws IllegalStateException for a model trained on token ids without a vocabulary
     */
    public int[][] encode(List<String> texts) {
        Inputs.requireRows(texts.size());
        return encoder().encode(texts);
    }

    private TextEncoder encoder() {
        if (encoder == null) {
            throw new UnsupportedOperationException("Expected a model trained with a vocabulary to read text, found one trained on token ids"
                    + " without one; pass int[][] token ids, or train with TransformerClassifier.builder().optVocabulary(vocab).");
        }
        return encoder;
    }

    /** @return the number of trainable weights */
    public long parameterCount() {
        return net.parameterCount();
    }

    /**
     * @return the vocabulary used to encode text
     * @throws IllegalStateException for a model trained on token ids without a vocabulary
     */
    public Vocabulary vocabulary() {
        return encoder().vocabulary();
    }

    /**
     * @return the tokenizer used to encode text
     * @throws IllegalStateException for a model trained on token ids without a vocabulary
     */
    public Tokenizer tokenizer() {
        return encoder().tokenizer();
    }

    /** @return whether this model can classify sentences (it has a tokenizer and vocabulary), not only token ids */
    public boolean readsText() {
        return encoder != null;
    }

    /** @return the classes this model was trained with, by index (a text set's class names, or "0".."k-1") */
    public List<String> classes() {
        return classes;
    }

    /** @return per-epoch training (and validation) metrics */
    public History history() {
        return history;
    }

    /** @return a one-line description of the model and how it was trained */
    public String description() {
        return description;
    }

    /**
     * @param dir the directory to write, created if needed
     * @throws IOException when writing fails
     */
    public void save(Path dir) throws IOException {
        dir = WorkingDirectory.resolve(dir);
        write(dir, net.block(), spec, encoder, classes, history, description);
    }

    static void write(Path dir, Block block, TransformerBlocks.Spec spec, TextEncoder encoder, List<String> classes, History history,
            String description) throws IOException {
        Properties p = new Properties();
        p.setProperty("kind", KIND);
        p.setProperty("description", description);
        p.setProperty("vocabulary", String.valueOf(spec.vocabulary()));
        p.setProperty("maxLength", String.valueOf(spec.maxLength()));
        p.setProperty("embedding", String.valueOf(spec.embedding()));
        p.setProperty("heads", String.valueOf(spec.heads()));
        p.setProperty("layers", String.valueOf(spec.layers()));
        p.setProperty("feedForward", String.valueOf(spec.feedForward()));
        p.setProperty("dropout", String.valueOf(spec.dropout()));
        p.setProperty("classes", Persist.names(classes));
        Persist.storeHistory(p, history);
        if (encoder != null) {
            Tokenizer t = encoder.tokenizer();
            p.setProperty("tokenizer.lowercase", String.valueOf(t.lowercase()));
            p.setProperty("tokenizer.stripPunctuation", String.valueOf(t.stripPunctuation()));
            p.setProperty("tokenizer.minLength", String.valueOf(t.minLength()));
        }
        Persist.writeProps(dir, p);
        if (encoder != null) {
            Files.write(dir.resolve(VOCABULARY_FILE), encoder.vocabulary().tokens(), StandardCharsets.UTF_8);
        }
        DjlNet.writeParams(dir, block);
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @param dir the saved directory
     * @return the model on {@link Devices#preferred()}
     * @throws IOException when the directory is not a saved transformer classifier
     */
    public static TextClassifier load(Path dir) throws IOException {
        dir = WorkingDirectory.resolve(dir);
        Properties p = Persist.readProps(dir, KIND);
        List<String> classes = Persist.names(p.getProperty("classes"));
        TransformerBlocks.Spec spec = new TransformerBlocks.Spec(Integer.parseInt(p.getProperty("vocabulary")),
                Integer.parseInt(p.getProperty("maxLength")), Integer.parseInt(p.getProperty("embedding")),
                Integer.parseInt(p.getProperty("heads")), Integer.parseInt(p.getProperty("layers")),
                Integer.parseInt(p.getProperty("feedForward")), Float.parseFloat(p.getProperty("dropout")), classes.size());
        TextEncoder encoder = null;
        if (Files.exists(dir.resolve(VOCABULARY_FILE))) {
            if (p.getProperty("tokenizer.lowercase") == null) {
                // Models saved before the shared Tokenizer split words differently (they kept ! and ?):
                // loading them with today's tokenizer would quietly encode text another way.
                throw new IOException(dir + " was saved by an earlier Jotter whose tokenizer differs from today's, so its"
                        + " predictions would be wrong; train the model again and save it");
            }
            Tokenizer tokenizer = new Tokenizer(Boolean.parseBoolean(p.getProperty("tokenizer.lowercase")),
                    Boolean.parseBoolean(p.getProperty("tokenizer.stripPunctuation", "true")),
                    Integer.parseInt(p.getProperty("tokenizer.minLength", "1")));
            Vocabulary vocabulary;
            try {
                vocabulary = Vocabulary.fromTokens(Files.readAllLines(dir.resolve(VOCABULARY_FILE), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IOException(dir.resolve(VOCABULARY_FILE) + " is not a saved vocabulary: " + e.getMessage(), e);
            }
            encoder = new TextEncoder(tokenizer, vocabulary, spec.maxLength());
        }
        DjlNet net = DjlNet.load(dir, KIND, new TransformerBlocks.Classifier(spec), new Shape(1, spec.maxLength()));
        return new TextClassifier(net, spec, encoder, classes, Persist.loadHistory(p), p.getProperty("description"));
    }

    @Override
    public void close() {
        net.close();
    }

    @Override
    public String toString() {
        return description;
    }
}
