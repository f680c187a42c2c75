package dev.jotter.toolkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** describe and crossTab against values worked out by hand (pandas gives the same). */
class TablesTest {

    @Test
    void describeCountsMissingValuesAndComputesOverThePresentOnes() {
        Table t = Table.create("t",
                DoubleColumn.create("x", 1, 2, Double.NaN, 4, 10),
                IntColumn.create("n", 3, 1, 2, 5, 4),
                StringColumn.create("s", "a", "b", "c", "d", "e"));
        Table d = Tables.describe(t);
        assertEquals(List.of("stat", "x", "n"), d.columnNames(), "numeric columns only, as pandas");
        assertEquals(Tables.DESCRIBE_ROWS, d.stringColumn("stat").asList());
        // x present: 1, 2, 4, 10; pandas: count 4, mean 4.25, std 4.031129, 25% 1.75, 50% 3, 75% 5.5
        double[] x = d.doubleColumn("x").asDoubleArray();
        assertEquals(4, x[0]);
        assertEquals(1, x[1]);
        assertEquals(4.25, x[2], 1e-12);
        assertEquals(Math.sqrt(16.25), x[3], 1e-12);
        assertEquals(1, x[4]);
        assertEquals(1.75, x[5], 1e-12);
        assertEquals(3, x[6], 1e-12);
        assertEquals(5.5, x[7], 1e-12);
        assertEquals(10, x[8]);
        double[] n = d.doubleColumn("n").asDoubleArray();
        assertEquals(5, n[0]);
        assertEquals(0, n[1]);
        assertEquals(3, n[2], 1e-12);
        assertEquals(3, n[6], 1e-12);
        String shown = TableFormat.text(d);
        assertTrue(shown.contains("std       4.031129  1.581139"), shown);
    }

    @Test
    void describeOfAColumnWithNoValueLeavesItsStatisticsMissing() {
        Table d = Tables.describe(Table.create("t", DoubleColumn.create("empty", Double.NaN, Double.NaN)));
        double[] e = d.doubleColumn("empty").asDoubleArray();
        assertEquals(0, e[0]);
        assertEquals(2, e[1]);
        assertTrue(Double.isNaN(e[2]) && Double.isNaN(e[8]));
    }

    @Test
    void describeOfATableWithoutNumbersSaysWhatToDo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tables.describe(Table.create("words", StringColumn.create("w", "a"))));
        assertEquals("Expected at least one numeric column in table words, found only [w]; "
                + "encode text columns first (OneHotEncoder) or count them with countBy(...)", e.getMessage());
    }

    @Test
    void crossTabSortsNumericLevelsByValueAndLabelsTheTotals() {
        Table t = Table.create("t",
                IntColumn.create("k", 1, 10, 2, 11, 2, 1),
                StringColumn.create("s", "b", "a", "a", "b", "b", ""));
        Table x = Tables.crossTab(t, "k", "s");
        assertEquals(List.of("k", "a", "b", "total"), x.columnNames());
        assertEquals(List.of("1", "2", "10", "11", "total"), x.stringColumn("k").asList());
        assertEquals(List.of(0, 1, 1, 0, 2), x.intColumn("a").asList());
        assertEquals(List.of(1, 1, 0, 1, 3), x.intColumn("b").asList());
        assertEquals(List.of(1, 2, 1, 1, 5), x.intColumn("total").asList(), "the row with a missing s is left out");
    }

    @Test
    void textLevelsSortWithTheirDigitRunsByValue() {
        List<String> levels = new ArrayList<>(List.of("item10", "item2", "item1", "box", "item02b"));
        levels.sort(Tables.naturalOrder(levels));
        assertEquals(List.of("box", "item1", "item2", "item02b", "item10"), levels);
        List<String> numbers = new ArrayList<>(List.of("1.5", "-2", "1.25", "10"));
        numbers.sort(Tables.naturalOrder(numbers));
        assertEquals(List.of("-2", "1.25", "1.5", "10"), numbers);
    }

    @Test
    void crossTabNamesTheClosestColumnForATypo() {
        Table t = Table.create("t", IntColumn.create("klass", 1, 2), IntColumn.create("s", 3, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tables.crossTab(t, "class", "s"));
        assertTrue(e.getMessage().contains("did you mean 'klass'?"), e.getMessage());
    }
}
