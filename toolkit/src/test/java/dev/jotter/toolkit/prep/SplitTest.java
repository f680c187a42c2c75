package dev.jotter.toolkit.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jotter.toolkit.data.Datasets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SplitTest {

    private final Table iris = Datasets.load("iris");

    @Test
    void sameSeedSameSplit() {
        var a = Split.trainTest(iris, 0.2, 7);
        var b = Split.trainTest(iris, 0.2, 7);
        assertEquals(a.test().toString(), b.test().toString());
        assertFalse(a.test().toString().equals(Split.trainTest(iris, 0.2, 8).test().toString()));
        assertEquals(120, a.train().rowCount());
        assertEquals(30, a.test().rowCount());
        assertEquals("iris-train", a.train().name());
        // scikit-learn sizes the test set with ceil: 0.25 of 150 = 37.5 -> 38
        assertEquals(38, Split.trainTest(iris, 0.25).test().rowCount());
    }

    @Test
    void indicesPartitionTheRows() {
        var s = Split.indices(101, 0.3, 42);
        int[] all = IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 101).toArray(), all);
    }

    @Test
    void trainTestWithTheLabelStratifies() {
        var s = Split.trainTest(iris, "species", 0.2, 42);
        for (String sp : List.of("setosa", "versicolor", "virginica")) {
            assertEquals(10, s.test().stringColumn("species").countOccurrences(sp));
        }
        assertEquals(Split.stratified(iris, "species", 0.2, 42).test().toString(), s.test().toString());
        assertEquals(Split.stratified(iris, "species", 0.2).test().toString(), Split.trainTest(iris, "species", 0.2).test().toString());
    }

    @Test
    void stratifiedKeepsClassShares() {
        var s = Split.stratified(iris, "species", 0.2, 42);
        for (String sp : List.of("setosa", "versicolor", "virginica")) {
            assertEquals(10, s.test().stringColumn("species").countOccurrences(sp));
            assertEquals(40, s.train().stringColumn("species").countOccurrences(sp));
        }
        int[] labels = Datasets.images("digits").labels();
        var idx = Split.stratifiedIndices(labels, 0.1, 42);
        assertEquals(180, idx.test().length); // ceil(179.7)
        assertArrayEquals(idx.test(), Split.stratifiedIndices(labels, 0.1, 42).test());
    }

    @Test
    void kFoldCoversEveryRowOnce() {
        List<Split.Indices> folds = KFold.indices(10, 3, 42);
        assertEquals(List.of(4, 3, 3), folds.stream().map(f -> f.test().length).toList());
        Set<Integer> seen = new HashSet<>();
        for (var f : folds) {
            assertEquals(10, f.train().length + f.test().length);
            for (int i : f.test()) {
                assertEquals(true, seen.add(i));
            }
        }
        assertEquals(10, seen.size());
        assertEquals(KFold.split(iris, 5, 1).get(2).test().toString(), KFold.split(iris, 5, 1).get(2).test().toString());
    }

    @Test
    void badFractionsExplainThemselves() {
        var e = assertThrows(IllegalArgumentException.class, () -> Split.trainTest(iris, 20, 42));
        assertEquals("Expected a test fraction between 0 and 1 (e.g. 0.2), found 20.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KFold.indices(5, 6, 42));
    }
}
