package dev.jotter.toolkit.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What every fitted tabular model shares, whatever it predicts: the {@link ModelCard} that says
 * what it was trained on and how, saving, and closing. DJL models hold native memory, so close
 * them (try-with-resources) when done; closing a plain Java model does nothing.
 *
 * <pre>{@code
 * jshell> FittedModel m = MlpClassifier.builder().build().fit(x, y);
 * jshell> m.history().get("loss")
 * }</pre>
 */
public interface FittedModel extends AutoCloseable {

    /** @return the features, label, training history and description this model was fitted with */
    ModelCard card();

    /** @return per-epoch training (and validation) metrics */
    default History history() {
        return card().history();
    }

    /** @return the feature column names, or {@code x0, x1, ...} when trained on arrays */
    default List<String> featureNames() {
        return card().featureNames();
    }

    /** @return the label column name, or {@code "y"} when trained on arrays */
    default String label() {
        return card().label();
    }

    /** @return a one-line description of the model and how it was trained */
    default String description() {
        return card().description();
    }

    /**
     * Writes the model to a directory that {@code load} of the same model type reads back.
     *
     * @param dir the directory, created if needed
     * @throws IOException when writing fails
     */
    void save(Path dir) throws IOException;

    /** Frees native memory, if any; the model is unusable afterwards. */
    @Override
    default void close() {}
}
