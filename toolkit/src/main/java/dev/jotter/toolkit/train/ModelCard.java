package dev.jotter.toolkit.train;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a model was trained on and how, kept with the fitted model and saved beside its weights
 * (like Tribuo's provenance): enough to rebuild the inputs it expects and to tell two fits apart.
 *
 * <pre>{@code
 * jshell> model.card().featureNames()
 * $3 ==> [horsepower, weight]
 * }</pre>
 *
 * @param featureNames the feature column names, or {@code x0, x1, ...} when trained on arrays
 * @param label the label column name, or {@code "y"} when trained on arrays
 * @param history per-epoch training (and validation) metrics
 * @param description a one-line description of the model and how it was trained
 */
public record ModelCard(List<String> featureNames, String label, History history, String description) {

    /** Copies the feature names so that a card never changes after it is made. */
    public ModelCard {
        featureNames = List.copyOf(featureNames);
    }

    /** A card for a model not trained yet, or one whose history is filled in after scoring it. */
    static ModelCard untrained(List<String> featureNames, String label, String description) {
        return new ModelCard(featureNames, label, History.of(Map.of()), description);
    }

    /**
     * @param h the history to record instead
     * @return this card with {@code h} as its history
     */
    public ModelCard withHistory(History h) {
        return new ModelCard(featureNames, label, h, description);
    }

    /**
     * Writes the card under the keys every saved model has used since the first release, so that
     * directories saved by older versions still load.
     */
    void store(Properties p, String kind) {
        p.setProperty("kind", kind);
        p.setProperty("description", description);
        p.setProperty("features", Persist.names(featureNames));
        p.setProperty("label", label);
        Persist.storeHistory(p, history);
    }

    /** Reads the card written by {@link #store(Properties, String)}. */
    static ModelCard load(Properties p) {
        return new ModelCard(Persist.names(p.getProperty("features")), p.getProperty("label"), Persist.loadHistory(p),
                p.getProperty("description"));
    }
}
