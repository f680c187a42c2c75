package dev.jotter.toolkit.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.data.Datasets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class EncodersTest {

    private final Table cars = Datasets.load("cars");

    @Test
    void oneHotHasPrefixedSortedColumnsInPlace() {
        var enc = OneHotEncoder.of("origin").fit(cars);
        Table t = enc.transform(cars);
        assertEquals(List.of("name", "mpg", "cylinders", "displacement", "horsepower", "weight", "acceleration", "year",
                "origin_Europe", "origin_Japan", "origin_USA"), t.columnNames());
        assertEquals(1, t.intColumn("origin_USA").get(0));
        assertEquals(0, t.intColumn("origin_Japan").get(0));
        // pandas.get_dummies(cars.origin).sum(): Europe 73, Japan 79, USA 254
        assertEquals(73, t.intColumn("origin_Europe").sum(), 0);
        assertEquals(254, t.intColumn("origin_USA").sum(), 0);
    }

    @Test
    void dropFirstAndIntegerLevelsSortNumerically() {
        var enc = OneHotEncoder.builder().setColumns("origin", "cylinders").optDropFirst(true).build().fit(cars);
        assertEquals(List.of("origin_Japan", "origin_USA"), enc.outputNames("origin"));
        assertEquals(List.of("cylinders_4", "cylinders_5", "cylinders_6", "cylinders_8"), enc.outputNames("cylinders"));
    }

    @Test
    void wholeNumbersInADoubleColumnAreTheClassesModelsUse() {
        // 1.0, 2.0, 3.0 are classes "1", "2", "3" for Matrix and every model, so the encoders name them the same way.
        Table t = Table.create("t", DoubleColumn.create("grade", 3.0, 1.0, 2.0, 1.0));
        var labels = LabelEncoder.of("grade").fit(t);
        assertEquals(List.of("1", "2", "3"), labels.classes());
        assertEquals(List.of(2, 0, 1, 0), labels.transform(t).intColumn("grade").asList());
        var oneHot = OneHotEncoder.of("grade").fit(t);
        assertEquals(List.of("grade_1", "grade_2", "grade_3"), oneHot.outputNames("grade"));
        assertEquals(List.of(1, 0, 0, 0), oneHot.transform(t).intColumn("grade_3").asList());
    }

    @Test
    void roundTrip() {
        for (boolean drop : new boolean[] {false, true}) {
            var enc = OneHotEncoder.builder().setColumns("origin").optDropFirst(drop).build().fit(cars);
            Table back = enc.inverseTransform(enc.transform(cars));
            assertEquals(cars.columnNames(), back.columnNames());
            assertEquals(cars.stringColumn("origin").asList(), back.stringColumn("origin").asList());
        }
        var lab = LabelEncoder.of("origin").fit(cars);
        assertEquals(List.of("Europe", "Japan", "USA"), lab.classes());
        Table coded = lab.transform(cars);
        assertEquals(2, coded.intColumn("origin").get(0));
        assertEquals(cars.stringColumn("origin").asList(), lab.inverseTransform(coded).stringColumn("origin").asList());
        assertEquals("Japan", lab.decode(lab.encode("Japan")));
    }

    @Test
    void unknownLevels() {
        Table other = Table.create("new", StringColumn.create("origin", "USA", "Mars"));
        var strict = OneHotEncoder.of("origin").fit(cars);
        var e = assertThrows(IllegalArgumentException.class, () -> strict.transform(other));
        assertEquals("Expected one of the levels seen in fit, [Europe, Japan, USA], in column 'origin', found 'Mars' at row 1;"
                + " refit on data that has it, or use optUnknown(Unknown.IGNORE) to encode it as all zeros", e.getMessage());
        Table t = OneHotEncoder.builder().setColumns("origin").optUnknown(OneHotEncoder.Unknown.IGNORE).build().fit(cars).transform(other);
        assertEquals(0, t.intColumn("origin_Europe").get(1) + t.intColumn("origin_Japan").get(1) + t.intColumn("origin_USA").get(1));
        e = assertThrows(IllegalArgumentException.class, () -> LabelEncoder.of("origin").fit(cars).encode("Mars"));
        assertEquals("Expected one of the classes [Europe, Japan, USA] of column 'origin', found 'Mars'", e.getMessage());
    }

    @Test
    void imputerStrategiesMatchScikitLearn() {
        // SimpleImputer(strategy=...).fit(cars[["mpg", "horsepower"]]).statistics_ with Debian scikit-learn 1.2.1:
        // median [23.0, 95.0]; mean [23.514572864321607, 105.0825]
        var med = Imputer.median("mpg", "horsepower").fit(cars);
        assertEquals(Map.of("mpg", 23.0, "horsepower", 95.0), med.values());
        var mean = Imputer.mean("mpg", "horsepower").fit(cars);
        assertEquals(23.514572864321607, (double) mean.values().get("mpg"), 1e-12);
        assertEquals(105.0825, (double) mean.values().get("horsepower"), 1e-12);
        Table filled = med.transform(cars);
        assertEquals(0, filled.column("mpg").countMissing());
        assertEquals(8, cars.column("mpg").countMissing(), "input untouched");
        // most_frequent on penguins.sex: 'MALE' (168 vs 165)
        Table penguins = Datasets.load("penguins");
        assertEquals("MALE", Imputer.mostFrequent("sex").fit(penguins).values().get("sex"));
        Table c = Imputer.constant("unknown", "sex").fitTransform(penguins);
        assertEquals(11, c.stringColumn("sex").countOccurrences("unknown"));
        var e = assertThrows(IllegalArgumentException.class, () -> Imputer.constant("x", "mpg").fitTransform(cars));
        assertTrue(e.getMessage().startsWith("Expected a number to fill the numeric column 'mpg'"), e.getMessage());
    }

    @Test
    void anIntegerColumnStaysIntegerWhenItsFillValueIsWhole() {
        Table t = Table.create("flats", IntColumn.create("floor").append(1).append(8).appendMissing().append(9),
                LongColumn.create("year").append(1970L).append(1990L).appendMissing().append(2010L),
                IntColumn.create("rooms").append(2).append(3).appendMissing().append(3));

        // Before, a median of 8 filled 8.0 and the whole column became DOUBLE.
        Table filled = Imputer.median("floor", "year", "rooms").fitTransform(t);
        assertEquals(ColumnType.INTEGER, filled.column("floor").type());
        assertEquals(List.of(1, 8, 8, 9), filled.intColumn("floor").asList());
        assertEquals(ColumnType.LONG, filled.column("year").type());
        assertEquals(1990L, filled.longColumn("year").get(2));
        assertEquals(ColumnType.INTEGER, Imputer.constant(0, "rooms").fitTransform(t).column("rooms").type());

        // The mean 8/3 would be rounded in an integer column, so that column becomes DOUBLE.
        Table mean = Imputer.mean("rooms").fitTransform(t);
        assertEquals(ColumnType.DOUBLE, mean.column("rooms").type());
        assertEquals(8 / 3.0, mean.doubleColumn("rooms").get(2), 1e-12);
        assertEquals(1, t.column("floor").countMissing(), "input untouched");
    }

    @Test
    void pipelineChainsAndFitsInOrder() {
        var p = Pipeline.of(Imputer.median("horsepower", "mpg"), OneHotEncoder.of("origin"),
                StandardScaler.of("horsepower", "weight")).fit(cars);
        Table t = p.transform(cars);
        assertTrue(t.columnNames().contains("origin_USA"));
        assertEquals(0, t.column("horsepower").countMissing());
        // the scaler saw the imputed column: mean of horsepower with NaN replaced by the median 95
        double expected = (cars.intColumn("horsepower").sum() + 6 * 95.0) / 406;
        assertEquals(expected, p.step(StandardScaler.Fitted.class).means()[0], 1e-9);
        assertEquals(0, t.doubleColumn("horsepower").mean(), 1e-9);
    }
}
