package dev.jotter.toolkit.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.data.Datasets;
import dev.jotter.toolkit.data.Matrix;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ScalersTest {

    private static final String[] FEATURES = {"sepal_length", "sepal_width", "petal_length", "petal_width"};
    private final Table iris = Datasets.load("iris");

    @Test
    void standardScalerMatchesScikitLearnOnIris() {
        // Golden values: /usr/bin/python3 (Debian scikit-learn 1.2.1)
        //   s = StandardScaler().fit(iris.iloc[:, :4]); s.mean_, s.scale_, s.transform(X)[0]
        var s = StandardScaler.of(FEATURES).fit(iris);
        assertArrayEquals(new double[] {5.843333333333334, 3.0573333333333337, 3.7580000000000005, 1.1993333333333336}, s.means(), 1e-12);
        assertArrayEquals(new double[] {0.8253012917851409, 0.4344109677354946, 1.759404065775303, 0.7596926279021594}, s.stds(), 1e-12);
        Table t = s.transform(iris);
        assertArrayEquals(new double[] {-0.9006811702978088, 1.019004351971607, -1.3402265266227624, -1.3154442950077403},
                Matrix.features(t, FEATURES)[0], 1e-12);
        assertEquals(iris.columnNames(), t.columnNames());
        assertEquals("setosa", t.stringColumn("species").get(0));
    }

    @Test
    void transformNeverMutatesTheInput() {
        Table before = iris.copy();
        Table t = StandardScaler.of().fitTransform(iris);
        assertEquals(before.toString(), iris.toString());
        t.doubleColumn("sepal_length").set(0, 99.0);
        t.stringColumn("species").set(0, "changed");
        assertEquals(5.1, iris.doubleColumn("sepal_length").get(0));
        assertEquals("setosa", iris.stringColumn("species").get(0));
    }

    @Test
    void inverseRestoresTheOriginal() {
        var s = StandardScaler.of(FEATURES).fit(iris);
        double[][] back = Matrix.features(s.inverseTransform(s.transform(iris)), FEATURES);
        double[][] orig = Matrix.features(iris, FEATURES);
        for (int i = 0; i < orig.length; i++) {
            assertArrayEquals(orig[i], back[i], 1e-12);
        }
    }

    @Test
    void minMaxMatchesScikitLearn() {
        // MinMaxScaler().fit(X).transform(X)[0] with Debian scikit-learn 1.2.1
        Table t = MinMaxScaler.of(FEATURES).fit(iris).transform(iris);
        assertArrayEquals(new double[] {0.2222222222222221, 0.625, 0.06779661016949151, 0.04166666666666667},
                Matrix.features(t, FEATURES)[0], 1e-12);
        Table r = MinMaxScaler.of("sepal_length").range(-1, 1).fitTransform(iris);
        assertEquals(-1, r.doubleColumn("sepal_length").min(), 1e-12);
        assertEquals(1, r.doubleColumn("sepal_length").max(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.of().range(1, 1));
    }

    @Test
    void scalersIgnoreMissingValues() {
        Table cars = Datasets.load("cars");
        var s = StandardScaler.of("mpg").fit(cars);
        // pandas: cars.mpg.mean() = 23.514572864321607 (NaN skipped)
        assertEquals(23.514572864321607, s.means()[0], 1e-12);
        assertEquals(8, s.transform(cars).column("mpg").countMissing());
    }

    @Test
    void nonNumericColumnsAreRefusedWithAHint() {
        var e = assertThrows(IllegalArgumentException.class, () -> StandardScaler.of("species").fit(iris));
        assertTrue(e.getMessage().contains("encode it first"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StandardScaler.of("petal_lenght").fit(iris));
        assertTrue(e.getMessage().contains("did you mean 'petal_length'?"), e.getMessage());
        assertEquals(List.of(FEATURES), StandardScaler.of().fit(iris).columns());
    }
}
