package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.data.Matrix;
import dev.jotter.toolkit.prep.Split;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Mistakes that used to give a plausible wrong result now stop with the column and the fix. */
class SilentResultsTest {

    /** 701 houses: a continuous price, a size, and a rating of 1 to 5. */
    private static Table houses() {
        Random r = new Random(3);
        int n = 701;
        double[] size = new double[n];
        double[] price = new double[n];
        int[] rating = new int[n];
        for (int i = 0; i < n; i++) {
            size[i] = 40 + r.nextDouble() * 160;
            price[i] = 1000 * size[i] + 5000 * r.nextGaussian();
            rating[i] = 1 + r.nextInt(5);
        }
        return Table.create("houses", DoubleColumn.create("size", size), DoubleColumn.create("price", price), IntColumn.create("rating", rating));
    }

    @Test
    void theLabelAmongTheFeaturesIsRefusedByEveryTrainer() {
        List<Supplier<?>> builds = List.of(
                () -> MlpClassifier.builder().setFeatures("size", "price").setLabel("price").build(),
                () -> MlpRegressor.builder().setFeatures("size", "price").setLabel("price").build(),
                () -> SgdRegressor.builder().setFeatures("size", "price").setLabel("price").build(),
                () -> ClassicRegression.ols().setFeatures("size", "price").setLabel("price").build(),
                () -> SmileClassification.logistic().setFeatures("size", "price").setLabel("price").build(),
                () -> SmileClassification.randomForest().setLabel("price").setFeatures("size", "price").build());
        for (Supplier<?> build : builds) {
            assertEquals("Expected the label 'price' to be left out of the features [size, price]; remove it from setFeatures(...)",
                    assertThrows(IllegalArgumentException.class, build::get).getMessage());
        }
    }

    @Test
    void aClassifierOnAContinuousLabelIsRefusedWithTheRegressorHint() {
        Table t = houses();
        String expected = "Expected a label with a few classes, found 701 distinct values in 'price' (701 rows); did you mean a regressor"
                + " (MlpRegressor, ClassicRegression.ols())? If they really are classes, make the column text first:"
                + " table.replaceColumn(\"price\", table.numberColumn(\"price\").asStringColumn().setName(\"price\"))";
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> MlpClassifier.builder().setFeatures("size").setLabel("price").build().fit(t)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> SmileClassification.logistic().setFeatures("size").setLabel("price").build().fit(t)).getMessage());

        // The hint, as written, turns the column into names, which are classes whatever their number.
        Table named = t.copy();
        named.replaceColumn("price", named.numberColumn("price").asStringColumn().setName("price"));
        assertFalse(Matrix.looksContinuous(named, "price"));
        // A few numeric classes stay classes.
        assertFalse(Matrix.looksContinuous(t, "rating"));
        assertTrue(Matrix.looksContinuous(t, "size"));
    }

    @Test
    void aStratifiedSplitOnAContinuousColumnIsRefused() {
        Table t = houses();
        assertEquals("Expected a column of a few classes to stratify on, found 701 distinct values in 'price' (701 rows);"
                + " use Split.trainTest(table, 0.2, seed) for a continuous column",
                assertThrows(IllegalArgumentException.class, () -> Split.stratified(t, "price", 0.2, 1)).getMessage());
        assertEquals(141, Split.stratified(t, "rating", 0.2, 1).test().rowCount(), "a few numeric classes still stratify");
    }

    @Test
    void missingValueHintsNameTheImputer() {
        Table t = houses().first(30);
        t.doubleColumn("size").setMissing(4);
        String matrix = assertThrows(IllegalArgumentException.class,
                () -> ClassicRegression.ols().setFeatures("size").setLabel("price").build().fit(t)).getMessage();
        assertTrue(matrix.contains("fill them with Imputer"), matrix);
        LinearModel model = ClassicRegression.ols().build().fit(new double[][] {{1}, {2}, {3}}, new double[] {2, 4, 6});
        String predict = assertThrows(IllegalArgumentException.class, () -> model.predict(new double[][] {{Double.NaN}})).getMessage();
        assertTrue(predict.contains("(Imputer)"), predict);
    }
}
