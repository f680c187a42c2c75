package dev.jotter.toolkit.train;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Three labelled Gaussian blobs in two features: the same table as the toolkit's
 * {@code MlpClassifierTest.blobs}, which this module's tests cannot reach (the toolkit's test
 * classes are not published), so the Smile and DJL classifiers are compared on the same data.
 */
final class Blobs {
    private Blobs() {}

    static Table of(int n) {
        double[] a = new double[n];
        double[] b = new double[n];
        String[] label = new String[n];
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            a[i] = c * 3 + r.nextGaussian() * 0.5;
            b[i] = (c == 1 ? 3 : 0) + r.nextGaussian() * 0.5;
            label[i] = List.of("setosa", "versicolor", "virginica").get(c);
        }
        return Table.create("blobs", DoubleColumn.create("a", a), DoubleColumn.create("b", b), StringColumn.create("species", label));
    }
}
