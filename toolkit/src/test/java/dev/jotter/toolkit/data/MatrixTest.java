package dev.jotter.toolkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
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
        assertEquals(5.1, Matrix.column(iris, "sepal_length")[0]);
    }

    @Test
    void rowsCutAFlatArrayBackIntoImages() {
        ImageSet digits = Datasets.images("digits").head(3);
        float[][] images = Matrix.rows(digits.flatPixels(), digits.features());
        assertEquals(3, images.length);
        assertArrayEquals(digits.pixels()[2], images[2]);
        assertArrayEquals(new float[] {3, 4}, Matrix.rows(new float[] {1, 2, 3, 4}, 2)[1]);
        assertEquals("Cannot cut 5 values into rows of 2; expected a positive width that divides the length (check the array's shape)",
                assertThrows(IllegalArgumentException.class, () -> Matrix.rows(new float[5], 2)).getMessage());
    }

    @Test
    void stringLabelsUseSortedClasses() {
        int[] y = Matrix.labels(iris, "species");
        assertEquals(0, y[0]);
        assertEquals(2, y[149]);
        assertEquals(1, Matrix.labels(iris.first(3), "species", java.util.List.of("virginica", "setosa"))[0]);
        var e = assertThrows(IllegalArgumentException.class, () -> Matrix.labels(iris, "species", java.util.List.of("virginica", "setosa")));
        assertEquals("Label column 'species' row 50: 'versicolor' is not one of the classes [virginica, setosa]", e.getMessage());
    }

    @Test
    void errorsSayWhatToDo() {
        var e = assertThrows(IllegalArgumentException.class, () -> Matrix.features(iris, "sepal_lenght"));
        assertEquals("No column 'sepal_lenght' in table iris; did you mean 'sepal_length'? Available: "
                + "[sepal_length, sepal_width, petal_length, petal_width, species]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Matrix.features(iris, "species"));
        assertEquals("Column 'species' in table iris is STRING, expected a numeric column; encode it first (OneHotEncoder or LabelEncoder)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Matrix.features(Datasets.load("cars"), "mpg"));
        assertEquals("Column 'mpg' in table cars has 8 missing values; fill them with Imputer or drop them with table.dropRowsWithMissingValues()",
                e.getMessage());
    }
}
