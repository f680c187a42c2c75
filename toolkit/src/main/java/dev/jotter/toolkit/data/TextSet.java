package dev.jotter.toolkit.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * Labelled short texts for classification.
 *
 * <pre>{@code
 * jshell> TextSet reviews = Datasets.text("sentiment")
 * jshell> reviews.texts().get(1)    // "Good case, Excellent value."
 * jshell> reviews.labels()[1]       // 1 (positive)
 * jshell> reviews.sources().get(1)  // "amazon"
 * jshell> TextSet.of(glosses, "text", "label") // from a table: classes by Matrix.classes
 * }</pre>
 *
 * @param name the dataset name
 * @param texts one text per example
 * @param labels class index per example, into {@code classNames}
 * @param classNames class names; for sentiment 0 = negative, 1 = positive
 * @param sources where each text came from (e.g. amazon, imdb, yelp); empty strings when unknown
 */
public record TextSet(String name, List<String> texts, int[] labels, List<String> classNames, List<String> sources) {

    /**
     * Checks that the lists agree and that every label indexes a class.
     *
     * @throws IllegalArgumentException if texts, labels and sources differ in length, a class name
     *     repeats, or a label is not an index into {@code classNames}
     */
    public TextSet {
        Objects.requireNonNull(name, "name");
        texts = List.copyOf(texts);
        classNames = List.copyOf(classNames);
        sources = List.copyOf(sources);
        if (texts.size() != labels.length || sources.size() != labels.length) {
            throw new IllegalArgumentException("TextSet " + name + ": expected one label and source per text, found "
                    + texts.size() + " texts, " + labels.length + " labels, " + sources.size() + " sources");
        }
        ClassLabels.check("TextSet", name, "text", labels, classNames);
    }

    /**
     * Texts and their classes from two columns of a table. The classes are the label column's
     * sorted distinct values, by the toolkit's one class rule ({@link Matrix#classes}), so a model
     * trained on it names its classes as a table-trained classifier would.
     *
     * <pre>{@code
     * jshell> var texts = TextSet.of(Data.csv("glosses.csv"), "text", "label")
     * }</pre>
     *
     * @param table the table; its name becomes the set's name
     * @param textColumn the column of texts (a missing text becomes an empty string)
     * @param labelColumn the class column (text or numbers)
     * @return a new text set without sources
     * @throws IllegalArgumentException for a missing column (with the closest name) or a missing label
     */
    public static TextSet of(Table table, String textColumn, String labelColumn) {
        Columns.require(table, textColumn);
        List<String> classes = Matrix.classes(table, labelColumn);
        return new TextSet(table.name(), Matrix.strings(table, textColumn), Matrix.labels(table, labelColumn, classes), classes);
    }

    /**
     * A text set without sources.
     *
     * @param name the dataset name
     * @param texts the texts
     * @param labels class index per text
     * @param classNames class names
     */
    public TextSet(String name, List<String> texts, int[] labels, List<String> classNames) {
        this(name, texts, labels, classNames, Collections.nCopies(texts.size(), ""));
    }

    /**
     * This set's labels as indices into another class list, matched by name: how a model trained
     * with classes {@code classes} reads this set, whatever order this set lists its classes in.
     *
     * @param classes the class names to index into, e.g. a model's {@code classes()}
     * @return one index into {@code classes} per text
     * @throws IllegalArgumentException naming the classes of this set that {@code classes} lacks
     */
    public int[] labelsIn(List<String> classes) {
        return ClassLabels.labelsIn("TextSet", name, "texts", labels, classNames, classes);
    }

    /** @return the number of texts */
    public int size() {
        return labels.length;
    }

    /**
     * The first texts.
     *
     * @param n how many; more than {@link #size()} gives them all
     * @return a new set
     */
    public TextSet head(int n) {
        int k = Math.min(n, size());
        return new TextSet(name, texts.subList(0, k), java.util.Arrays.copyOf(labels, k), classNames, sources.subList(0, k));
    }

    /**
     * The texts at the given indices, in that order.
     *
     * @param indices row indices, e.g. from {@link dev.jotter.toolkit.prep.Split}
     * @return a new set
     */
    public TextSet select(int[] indices) {
        List<String> t = new ArrayList<>(indices.length);
        List<String> s = new ArrayList<>(indices.length);
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            t.add(texts.get(indices[i]));
            s.add(sources.get(indices[i]));
            l[i] = labels[indices[i]];
        }
        return new TextSet(name, t, l, classNames, s);
    }

    @Override
    public String toString() {
        return "TextSet[" + name + ": " + size() + " texts, classes " + classNames + "]";
    }
}
