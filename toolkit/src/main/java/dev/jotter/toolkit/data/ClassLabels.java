package dev.jotter.toolkit.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The label rules {@link TextSet} and {@link ImageSet} share: labels index distinct class names,
 * and a model reads a set's labels by class name, never by position, so a set listing its classes
 * in another order scores the same.
 */
final class ClassLabels {

    private ClassLabels() {}

    /**
     * @param kind the set's type, for messages ("TextSet")
     * @param item what one example is, for messages ("text")
     * @throws IllegalArgumentException if a class name repeats or a label indexes no class
     */
    static void check(String kind, String name, String item, int[] labels, List<String> classNames) {
        if (new HashSet<>(classNames).size() != classNames.size()) {
            throw new IllegalArgumentException("Expected distinct class names in " + kind + " " + name + ", found " + classNames + "; name each class once.");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("Expected a class index in 0.." + (classNames.size() - 1) + " (into the classes " + classNames
                        + ") as label of " + item + " " + i + " in " + kind + " " + name + ", found " + labels[i]
                        + "; add the class to classNames or fix the label.");
            }
        }
    }

    /**
     * @param classes the class names to index into, e.g. a model's {@code classes()}
     * @return one index into {@code classes} per example
     * @throws IllegalArgumentException naming the classes of the set that {@code classes} lacks
     */
    static int[] labelsIn(String kind, String name, String items, int[] labels, List<String> classNames, List<String> classes) {
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
            throw new IllegalArgumentException("Expected the classes " + classes + " in " + kind + " " + name + ", found " + items + " of class "
                    + unknown + " too; drop those " + items + ", or train on a set that has them.");
        }
        return out;
    }
}
