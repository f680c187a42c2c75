package dev.jotter.toolkit.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
        if (new HashSet<>(classNames).size() != classNames.size()) {
            throw new IllegalArgumentException("Expected distinct class names in TextSet " + name + ", found " + classNames + "; name each class once.");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("Expected a class index in 0.." + (classNames.size() - 1) + " (into the classes " + classNames
                        + ") as label of text " + i + " in TextSet " + name + ", found " + labels[i]
                        + "; add the class to classNames or fix the label.");
            }
        }
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
        if (classes.equals(classNames)) {
            return labels.clone();
        }
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            index.putIfAbsent(classes.get(k), k);
        }
        int[] out = new int[labels.length];
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            Integer k = index.get(classNames.get(labels[i]));
            if (k == null) {
                if (!unknown.contains(classNames.get(labels[i]))) {
                    unknown.add(classNames.get(labels[i]));
                }
                continue;
            }
            out[i] = k;
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Expected the classes " + classes + " in TextSet " + name + ", found texts of class "
                    + unknown + " too; drop those texts, or train on a set that has them.");
        }
        return out;
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
