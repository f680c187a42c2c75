package dev.jotter.toolkit.metrics;

import java.util.List;

/**
 * Counts of (true class, predicted class) pairs; rows are true classes, columns predictions, as in
 * scikit-learn's {@code confusion_matrix}.
 *
 * @param classNames the name of each class index
 * @param counts {@code counts[t][p]} is how many samples of true class {@code t} were predicted {@code p}
 */
public record ConfusionMatrix(List<String> classNames, int[][] counts) {

    /** Copies the inputs so the matrix never changes. */
    public ConfusionMatrix {
        classNames = List.copyOf(classNames);
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    /**
     * @param trueClass a true class index
     * @param predictedClass a predicted class index
     * @return how many samples of {@code trueClass} were predicted as {@code predictedClass}
     */
    public int count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    /** @return the number of classes (rows and columns) */
    public int size() {
        return counts.length;
    }

    /** @return a copy of the counts, rows true classes, columns predictions */
    public int[][] toArray() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** @return the matrix as an aligned text table with class names on both axes */
    @Override
    public String toString() {
        int width = 6;
        for (String name : classNames) {
            width = Math.max(width, name.length() + 1);
        }
        for (int[] row : counts) {
            for (int c : row) {
                width = Math.max(width, String.valueOf(c).length() + 1);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%" + width + "s", "true\\pred"));
        for (String name : classNames) {
            sb.append(String.format("%" + width + "s", name));
        }
        sb.append('\n');
        for (int t = 0; t < counts.length; t++) {
            sb.append(String.format("%" + width + "s", classNames.get(t)));
            for (int p = 0; p < counts[t].length; p++) {
                sb.append(String.format("%" + width + "d", counts[t][p]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
