package dev.jotter.toolkit.data;

import java.util.List;

/**
 * What {@link Datasets#list()} says about one shipped dataset.
 *
 * @param name the name to pass to {@link Datasets#load}, {@link Datasets#images} or {@link Datasets#text}
 * @param kind {@code table}, {@code images} or {@code text}
 * @param title a one-line description
 * @param target the usual label or regression target column
 * @param classNames class names for classification datasets, else empty
 */
public record DatasetInfo(String name, String kind, String title, String target, List<String> classNames) {

    @Override
    public String toString() {
        return name + " (" + kind + "): " + title;
    }
}
