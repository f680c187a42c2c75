package dev.jotter.toolkit.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Labelled short texts for classification.
 *
 * <pre>{@code
 * jshell> TextSet reviews = Datasets.text("sentiment")
 * jshell> reviews.texts().get(1)    // "Good case, Excellent value."
 * jshell> reviews.labels()[1]       // 1 (positive)
 * jshell> reviews.sources().get(1)  // "amazon"
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
     * Checks that the lists agree.
     *
     * @throws IllegalArgumentException if texts, labels and sources differ in length
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
