package dev.jotter.toolkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class DatasetsTest {

    @Test
    void listsEveryShippedDataset() {
        assertEquals(List.of("breast-cancer", "cars", "co2", "diabetes", "digits", "fashion-mnist", "iris", "penguins",
                "sentiment", "sunspots", "wine"), Datasets.names());
        assertEquals("images", Datasets.list().stream().filter(d -> d.name().equals("digits")).findFirst().orElseThrow().kind());
    }

    @Test
    void irisHasTypedColumns() {
        Table iris = Datasets.load("iris");
        assertEquals("iris", iris.name());
        assertEquals(150, iris.rowCount());
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width", "species"), iris.columnNames());
        assertEquals(ColumnType.DOUBLE, iris.column("sepal_length").type());
        assertEquals(ColumnType.STRING, iris.column("species").type());
        assertEquals(5.1, iris.doubleColumn("sepal_length").get(0));
        assertEquals(List.of("setosa", "versicolor", "virginica"), Matrix.classes(iris, "species"));
    }

    @Test
    void shapesMatchTheReadme() {
        // rows x columns as in datasets/README.md
        String[][] expected = {{"wine", "178", "14"}, {"breast-cancer", "569", "31"}, {"diabetes", "442", "11"},
            {"digits", "1797", "65"}, {"cars", "406", "9"}, {"penguins", "344", "7"}, {"sentiment", "3000", "3"},
            {"sunspots", "309", "2"}, {"co2", "2284", "2"}};
        for (String[] e : expected) {
            Table t = Datasets.load(e[0]);
            assertEquals(Integer.parseInt(e[1]), t.rowCount(), e[0]);
            assertEquals(Integer.parseInt(e[2]), t.columnCount(), e[0]);
        }
    }

    @Test
    void missingValuesStayMissing() {
        Table cars = Datasets.load("cars");
        assertEquals(8, cars.column("mpg").countMissing());
        assertEquals(6, cars.column("horsepower").countMissing());
        assertEquals(ColumnType.INTEGER, cars.column("year").type());
        Table penguins = Datasets.load("penguins");
        assertEquals(11, penguins.column("sex").countMissing());
        assertEquals(2, penguins.column("body_mass_g").countMissing());
        assertEquals(59, Datasets.load("co2").column("co2").countMissing());
        assertEquals(ColumnType.LOCAL_DATE, Datasets.load("co2").column("date").type());
    }

    @Test
    void digitsAsImages() {
        ImageSet d = Datasets.images("digits");
        assertEquals(1797, d.size());
        assertEquals(8, d.width());
        assertEquals(64, d.pixels()[0].length);
        assertEquals(0, d.labels()[0]);
        // first image of sklearn's load_digits(): row 0 = 0,0,5,13,9,1,0,0 (scaled by 1/16)
        assertEquals(5 / 16f, d.pixels()[0][2], 1e-7);
        assertEquals(13 / 16f, d.pixels()[0][3], 1e-7);
        int[] counts = d.classCounts();
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, counts);
        assertEquals(10, d.head(10).size());
        assertEquals(d.shuffle(42).labels()[0], d.shuffle(42).labels()[0]);
        assertEquals(1797 * 64, d.flatPixels().length);
    }

    @Test
    void fashionMnistTestPart() {
        ImageSet test = Datasets.images("fashion-mnist", "test");
        assertEquals(10000, test.size());
        assertEquals(28 * 28, test.features());
        assertEquals("Ankle boot", test.classNames().get(test.labels()[0]));
        int[] counts = test.classCounts();
        for (int c : counts) {
            assertEquals(1000, c);
        }
        float max = 0;
        for (float v : test.pixels()[0]) {
            max = Math.max(max, v);
        }
        assertTrue(max <= 1f && max > 0.5f);
    }

    @Test
    void sentimentText() {
        TextSet s = Datasets.text("sentiment");
        assertEquals(3000, s.size());
        assertEquals(List.of("negative", "positive"), s.classNames());
        assertEquals("Good case, Excellent value.", s.texts().get(1));
        assertEquals(1, s.labels()[1]);
        assertEquals("amazon", s.sources().get(1));
        assertEquals("yelp", s.sources().get(2999));
        assertEquals(1500, java.util.Arrays.stream(s.labels()).sum());
    }

    @Test
    void unknownNamesSuggestTheClosest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.load("irsi"));
        assertTrue(e.getMessage().startsWith("No dataset 'irsi'; did you mean 'iris'? Available: [breast-cancer"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.images("iris"));
        assertEquals("Expected an image dataset, one of [digits, fashion-mnist], found 'iris', a table dataset.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.load("fashion-mnist"));
        assertTrue(e.getMessage().contains("Datasets.images(\"fashion-mnist\")"), e.getMessage());
    }

    @Test
    void aPathInsteadOfANamePointsAtDataCsv(@TempDir Path dir) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.load("data/concrete.csv"));
        assertTrue(e.getMessage().startsWith("No dataset 'data/concrete.csv' among the shipped datasets [breast-cancer"), e.getMessage());
        assertTrue(e.getMessage().contains("to read your own file use Data.csv(\"data/concrete.csv\") (no such file in "), e.getMessage());
        Path csv = Files.writeString(dir.resolve("mine.csv"), "a,b\n1,2\n");
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.load(csv.toString()));
        assertTrue(e.getMessage().endsWith("use Data.csv(\"" + csv + "\") (the file exists)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.load("records.json"));
        assertTrue(e.getMessage().contains("use Data.json(\"records.json\")"), e.getMessage());
    }
}
