package dev.jotter.toolkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableFormatTest {

    @Test
    void longTablesShowHeadAndTail() {
        String html = TableFormat.html(Datasets.load("iris"));
        assertTrue(html.contains("<th>sepal_length</th>"));
        assertTrue(html.contains("<tr><th>4</th>"));
        assertTrue(html.contains("<tr><th>...</th>"));
        assertTrue(html.contains("<tr><th>149</th>"));
        assertFalse(html.contains("<tr><th>5</th>"));
        assertTrue(html.contains("150 rows × 5 columns"));
    }

    @Test
    void wideTablesElideColumns() {
        String text = TableFormat.text(Datasets.load("digits"));
        String header = text.lines().findFirst().orElseThrow();
        assertTrue(header.contains("pixel_9") && header.contains("...") && header.contains("label"), header);
        assertFalse(header.contains("pixel_10 "), header);
        assertTrue(text.endsWith("[1797 rows x 65 columns]"), text);
    }

    @Test
    void escapesAndAligns() {
        Table t = Table.create("t", StringColumn.create("name", "<b>&", "x"), DoubleColumn.create("v", 1.5, Double.NaN));
        assertTrue(TableFormat.html(t).contains("<td>&lt;b&gt;&amp;</td>"));
        assertEquals("""
                   name    v
                0  <b>&  1.5
                1  x     NaN
                [2 rows x 2 columns]""", TableFormat.text(t));
    }

    @Test
    void doublesAreRoundedAsPandasShowsThem() {
        Table t = Table.create("t",
                DoubleColumn.create("price", 289602.8999999997, 1.0, Double.NaN),
                DoubleColumn.create("ratio", 0.123456789, 2.5, 3),
                DoubleColumn.create("tiny", 0.00001234, 1, 2),
                tech.tablesaw.api.IntColumn.create("n", 1, 10, 2));
        assertEquals("""
                      price     ratio          tiny   n
                0  289602.9  0.123457  1.234000e-05   1
                1       1.0  2.500000  1.000000e+00  10
                2       NaN  3.000000  2.000000e+00   2
                [3 rows x 4 columns]""", TableFormat.text(t));
        assertTrue(TableFormat.html(t).contains("<td>289602.9</td><td>0.123457</td>"), TableFormat.html(t));
    }
}
