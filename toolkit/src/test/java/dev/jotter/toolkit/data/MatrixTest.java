package dev.jotter.toolkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class MatrixTest {

    private final Table iris = Datasets.load("iris");

    @Test
    void featuresAreRowMajor() {
        double[][] x = Matrix.features(iris, "sepal_length", "petal_width");
        assertEquals(150, x.length);
        assertArrayEquals(new double[] {5.1, 0.2}, x[0]);
        float[] f = Matrix.floatFeatures(iris, "sepal_length", "petal_width");
        assertEquals(300, f.length);
        assertEquals(4.9f, f[2]);
        assertEquals(4, Matrix.featuresExcept(iris, "species")[0].length);
        // Text columns are never features: leaving out a numeric column keeps the other numeric ones only.
        assertArrayEquals(new String[] {"sepal_length", "sepal_width", "petal_length"}, Matrix.numericNamesExcept(iris, "petal_width"));
        assertEquals(5.1, Matrix.column(iris, "sepal_length")[0]);
    }

    @Test
    void rowsCutAFlatArrayBackIntoImages() {
        ImageSet digits = Datasets.images("digits").head(3);
        float[][] images = Matrix.rows(digits.flatPixels(), digits.features());
        assertEquals(3, images.length);
        assertArrayEquals(digits.pixels()[2], images[2]);
        assertArrayEquals(new float[] {3, 4}, Matrix.rows(new float[] {1, 2, 3, 4}, 2)[1]);
        assertEquals("Expected a positive width that divides the length 5, found 2; check the array's shape",
                assertThrows(IllegalArgumentException.class, () -> Matrix.rows(new float[5], 2)).getMessage());
    }

    @Test
    void stringLabelsUseSortedClasses() {
        int[] y = Matrix.labels(iris, "species");
        assertEquals(0, y[0]);
        assertEquals(2, y[149]);
        assertEquals(1, Matrix.labels(iris.first(3), "species", List.of("virginica", "setosa"))[0]);
        var e = assertThrows(IllegalArgumentException.class, () -> Matrix.labels(iris, "species", List.of("virginica", "setosa")));
        assertEquals("Expected one of the classes [virginica, setosa] in label column 'species' row 50, found 'versicolor';"
                + " remove rows whose label the model was not trained on", e.getMessage());
    }

    @Test
    void numericLabelsAreIndicesIntoTheirSortedClassesLikeTextOnes() {
        // Labels 1..k used to come out as 1..k while every model predicts 0..k-1.
        Table t = Table.create("t", IntColumn.create("grade", 3, 1, 2, 1, 10), DoubleColumn.create("score", 2.0, 1.0, 1.0, 2.5, 1.0));
        assertEquals(List.of("1", "2", "3", "10"), Matrix.classes(t, "grade"));
        assertArrayEquals(new int[] {2, 0, 1, 0, 3}, Matrix.labels(t, "grade"));
        assertEquals(List.of("1", "2", "2.5"), Matrix.classes(t, "score"));
        assertArrayEquals(new int[] {1, 0, 0, 2, 0}, Matrix.labels(t, "score"));
        // Against a model's classes: a subset of them, in the model's order.
        assertArrayEquals(new int[] {2, 3, 1, 3, 0}, Matrix.labels(t, "grade", List.of("10", "2", "3", "1")));
        var e = assertThrows(IllegalArgumentException.class, () -> Matrix.labels(t, "grade", List.of("1", "2", "3")));
        assertEquals("Expected one of the classes [1, 2, 3] in label column 'grade' row 4, found '10';"
                + " remove rows whose label the model was not trained on", e.getMessage());
    }

    @Test
    void missingAndInfiniteValuesAreRefusedWithTheirRow() {
        Table t = Table.create("t", DoubleColumn.create("a", 1, 2, Double.NaN, Double.NaN), DoubleColumn.create("b", 1, Double.POSITIVE_INFINITY, 3, 4));
        var e = assertThrows(IllegalArgumentException.class, () -> Matrix.features(t, "a"));
        assertEquals("Expected numbers in column 'a' of table t, found 2 missing values (NaN or empty; the first at row 2);"
                + " fill them with Imputer or drop them with table.dropRowsWithMissingValues()", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Matrix.column(t, "b"));
        assertEquals("Expected finite numbers in column 'b' of table t, found Infinity at row 1; drop or fix that row first", e.getMessage());
        Table missingLabel = Table.create("m", StringColumn.create("y", "a", null, "b"));
        e = assertThrows(IllegalArgumentException.class, () -> Matrix.labels(missingLabel, "y"));
        assertTrue(e.getMessage().startsWith("Expected one of the classes [a, b] in label column 'y' row 1, found a missing value"), e.getMessage());
    }

    @Test
    void errorsSayWhatToDo() {
        var e = assertThrows(IllegalArgumentException.class, () -> Matrix.features(iris, "sepal_lenght"));
        assertEquals("No column 'sepal_lenght' in table iris; did you mean 'sepal_length'? Available: "
                + "[sepal_length, sepal_width, petal_length, petal_width, species]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Matrix.features(iris, "species"));
        assertEquals("Expected a numeric column 'species' in table iris, found STRING; encode it first (OneHotEncoder or LabelEncoder)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Matrix.features(Datasets.load("cars"), "mpg"));
        assertTrue(e.getMessage().startsWith("Expected numbers in column 'mpg' of table cars, found 8 missing values (NaN or empty; the first at row "),
                e.getMessage());
    }
}
