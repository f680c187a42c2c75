package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class SgdRegressorTest {

    /** Noiseless y = 3 x0 - 2 x1 + 5 with x on very different scales. */
    static Table line(int n, long seed) {
        Random r = new Random(seed);
        double[] a = new double[n];
        double[] b = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble() * 10;
            b[i] = r.nextDouble() * 100 - 50;
            y[i] = 3 * a[i] - 2 * b[i] + 5;
        }
        return Table.create("line", DoubleColumn.create("a", a), DoubleColumn.create("b", b), DoubleColumn.create("y", y));
    }

    @Test
    void recoversNoiselessLineAndRoundTrips(@TempDir Path dir) throws Exception {
        Table train = line(256, 1);
        Table test = line(64, 2);
        SgdRegressor trainer = SgdRegressor.builder().setFeatures("a", "b").setLabel("y").optEpochs(60)
                .optLearningRate(0.05).optProgress(false).build();
        try (DjlRegressor model = trainer.fit(train, test)) {
            double[] w = model.coefficients();
            assertEquals(3.0, w[0], 1e-2);
            assertEquals(-2.0, w[1], 1e-2);
            assertEquals(5.0, model.intercept(), 1e-2);
            assertEquals(60, model.history().epochs());
            assertTrue(model.history().has("val_loss"));
            assertTrue(model.evaluate(test).r2() > 0.9999);

            model.save(dir.resolve("m"));
            try (DjlRegressor back = DjlRegressor.load(dir.resolve("m"))) {
                assertArrayEquals(model.predict(test), back.predict(test), 1e-4);
                assertEquals(model.history(), back.history());
                assertEquals(model.featureNames(), back.featureNames());
            }
        }
    }

    @Test
    void sameSeedSameModel() {
        double[][] x = {{1}, {2}, {3}, {4}, {5}, {6}};
        double[] y = {2, 4, 6, 8, 10, 12};
        SgdRegressor trainer = SgdRegressor.builder().optEpochs(3).optBatchSize(2).optProgress(false).build();
        try (var a = trainer.fit(x, y); var b = trainer.fit(x, y)) {
            assertArrayEquals(a.predict(x), b.predict(x));
            assertEquals(a.history(), b.history());
        }
    }

    @Test
    void badInputFailsBeforeTraining() {
        SgdRegressor t = SgdRegressor.builder().setFeatures("a", "b").setLabel("y").optProgress(false).build();
        var e = assertThrows(IllegalArgumentException.class, () -> t.fit(new double[][] {{1}, {2}}, new double[] {1}));
        assertTrue(e.getMessage().contains("found 2 rows and 1 targets"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.fit(new double[][] {{1}, {Double.NaN}}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.fit(line(0, 1)));
        assertTrue(e.getMessage().contains("at least one row in table 'line', found none"), e.getMessage());
        Table missing = line(4, 1);
        missing.doubleColumn("a").setMissing(2);
        e = assertThrows(IllegalArgumentException.class, () -> t.fit(missing));
        assertTrue(e.getMessage().contains("'a'") && e.getMessage().contains("row 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.fit(line(4, 1).removeColumns("b")));
        assertTrue(e.getMessage().contains("No column 'b'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.fit(new double[][] {{1, 2}, {3}}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("ragged"), e.getMessage());
    }

    @Test
    void predictRejectsWrongWidth() {
        try (var m = SgdRegressor.builder().optEpochs(1).optProgress(false).build().fit(new double[][] {{1, 2}, {3, 4}}, new double[] {1, 2})) {
            var e = assertThrows(IllegalArgumentException.class, () -> m.predict(new double[][] {{1, 2, 3}}));
            assertTrue(e.getMessage().contains("Expected 2 features per row (as in training), found 3"), e.getMessage());
        }
    }
}
