package dev.jotter.toolkit.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Shows a table the way pandas does: tables longer than {@link #MAX_ROWS} rows show their
 * first and last {@link #EDGE_ROWS} rows, tables wider than {@link #MAX_COLUMNS} columns their
 * first and last {@link #EDGE_COLUMNS}, with a "rows × columns" footer. Missing values show as NaN;
 * floating-point columns are rounded to at most six decimals, the same number for the whole
 * column ({@code 289602.9}, not {@code 289602.8999999997}).
 *
 * <pre>{@code
 * jshell> System.out.println(TableFormat.text(Datasets.load("iris")))
 *      sepal_length  sepal_width  petal_length  petal_width  species
 *   0           5.1          3.5           1.4          0.2   setosa
 *   ...
 * [150 rows x 5 columns]
 * }</pre>
 */
public final class TableFormat {

    /** Tables with more rows than this are truncated (pandas' display.max_rows). */
    public static final int MAX_ROWS = 60;
    /** Rows kept at each end of a truncated table (half of pandas' display.min_rows). */
    public static final int EDGE_ROWS = 5;
    /** Tables with more columns than this are truncated (pandas' display.max_columns). */
    public static final int MAX_COLUMNS = 20;
    /** Columns kept at each end of a truncated table. */
    public static final int EDGE_COLUMNS = 10;

    private static final String ELLIPSIS = "...";

    private TableFormat() {}

    /**
     * An HTML table for a notebook, escaped, with a shape footer.
     *
     * @param table the table
     * @return an HTML fragment
     */
    public static String html(Table table) {
        List<Integer> rows = rowIndices(table.rowCount());
        List<Integer> cols = columnIndices(table.columnCount());
        StringBuilder sb = new StringBuilder(256 + rows.size() * cols.size() * 24);
        sb.append("<div class=\"jotter-table\">\n<table class=\"dataframe\" border=\"1\">\n<thead>\n<tr style=\"text-align: right;\"><th></th>");
        for (int c : cols) {
            sb.append(c < 0 ? "<th>" + ELLIPSIS + "</th>" : "<th>" + escape(table.column(c).name()) + "</th>");
        }
        sb.append("</tr>\n</thead>\n<tbody>\n");
        String[][] shown = shownCells(table, rows, cols);
        for (int i = 0; i < rows.size(); i++) {
            int r = rows.get(i);
            sb.append("<tr><th>").append(r < 0 ? ELLIPSIS : String.valueOf(r)).append("</th>");
            for (String[] column : shown) {
                sb.append("<td>").append(escape(column[i])).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n<p>").append(shape(table)).append("</p>\n</div>");
        return sb.toString();
    }

    /**
     * Aligned plain text: numbers right-aligned, text left-aligned, with a shape footer.
     *
     * @param table the table
     * @return several lines of text
     */
    public static String text(Table table) {
        List<Integer> rows = rowIndices(table.rowCount());
        List<Integer> cols = columnIndices(table.columnCount());
        List<String[]> grid = new ArrayList<>();
        String[] header = new String[cols.size() + 1];
        header[0] = "";
        for (int k = 0; k < cols.size(); k++) {
            header[k + 1] = cols.get(k) < 0 ? ELLIPSIS : table.column(cols.get(k)).name();
        }
        grid.add(header);
        String[][] shown = shownCells(table, rows, cols);
        for (int i = 0; i < rows.size(); i++) {
            int r = rows.get(i);
            String[] line = new String[cols.size() + 1];
            line[0] = r < 0 ? ELLIPSIS : String.valueOf(r);
            for (int k = 0; k < cols.size(); k++) {
                line[k + 1] = shown[k][i].replace('\n', ' ');
            }
            grid.add(line);
        }
        int[] width = new int[header.length];
        for (String[] line : grid) {
            for (int k = 0; k < line.length; k++) {
                width[k] = Math.max(width[k], line[k].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] line : grid) {
            for (int k = 0; k < line.length; k++) {
                boolean left = k > 0 && cols.get(k - 1) >= 0 && !(table.column(cols.get(k - 1)) instanceof NumericColumn<?>);
                if (k > 0) {
                    sb.append("  ");
                }
                String s = line[k];
                String pad = " ".repeat(width[k] - s.length());
                sb.append(left ? s + pad : pad + s);
            }
            sb.append('\n');
        }
        sb.append('[').append(shape(table).replace('×', 'x')).append(']');
        return sb.toString().lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /**
     * The footer, e.g. {@code 150 rows × 5 columns}.
     *
     * @param table the table
     * @return the table's shape in words
     */
    public static String shape(Table table) {
        return table.rowCount() + (table.rowCount() == 1 ? " row" : " rows") + " × "
                + table.columnCount() + (table.columnCount() == 1 ? " column" : " columns");
    }

    /** The text of the shown cells, column by column; the ellipsis column and row hold "...". */
    private static String[][] shownCells(Table table, List<Integer> rows, List<Integer> cols) {
        String[][] out = new String[cols.size()][];
        for (int k = 0; k < cols.size(); k++) {
            int c = cols.get(k);
            if (c < 0) {
                out[k] = new String[rows.size()];
                Arrays.fill(out[k], ELLIPSIS);
            } else {
                out[k] = cells(table.column(c), rows);
            }
        }
        return out;
    }

    /** Row indices to show; -1 marks the ellipsis row. */
    private static List<Integer> rowIndices(int n) {
        return indices(n, MAX_ROWS, EDGE_ROWS);
    }

    private static List<Integer> columnIndices(int n) {
        return indices(n, MAX_COLUMNS, EDGE_COLUMNS);
    }

    private static List<Integer> indices(int n, int max, int edge) {
        List<Integer> out = new ArrayList<>();
        if (n <= max) {
            for (int i = 0; i < n; i++) {
                out.add(i);
            }
            return out;
        }
        for (int i = 0; i < edge; i++) {
            out.add(i);
        }
        out.add(-1);
        for (int i = n - edge; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    /**
     * The text of each shown cell of one column; floating-point columns are rounded as pandas
     * rounds them, so {@code 289602.8999999997} shows as {@code 289602.9}.
     */
    private static String[] cells(Column<?> c, List<Integer> rows) {
        String[] out = new String[rows.size()];
        boolean floating = c instanceof DoubleColumn || c instanceof FloatColumn;
        double[] values = new double[rows.size()];
        int decimals = 1;
        boolean scientific = false;
        for (int k = 0; k < rows.size(); k++) {
            int r = rows.get(k);
            if (r < 0) {
                out[k] = ELLIPSIS;
            } else if (c.isMissing(r)) {
                out[k] = "NaN";
            } else if (!floating) {
                out[k] = c.getString(r);
            } else {
                double v = ((NumericColumn<?>) c).getDouble(r);
                values[k] = v;
                scientific |= Double.isFinite(v) && v != 0 && (Math.abs(v) >= 1e16 || Math.abs(v) < 1e-4);
                decimals = Math.max(decimals, decimalsNeeded(v));
            }
        }
        for (int k = 0; k < rows.size(); k++) {
            if (out[k] == null) {
                out[k] = formatDouble(values[k], decimals, scientific);
            }
        }
        return out;
    }

    /**
     * Formats a double as pandas does with its default {@code display.precision} of 6: every
     * value of a column with the same number of decimals, the fewest (at least one, at most six)
     * that show each value rounded to six decimals; scientific notation for a column holding
     * tiny or huge values.
     *
     * @param v the value
     * @param decimals digits after the point
     * @param scientific whether the column is shown in scientific notation
     * @return the text shown
     */
    private static String formatDouble(double v, int decimals, boolean scientific) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return scientific ? String.format(Locale.ROOT, "%.6e", v) : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** The fewest decimals, up to six, that show {@code v} as it shows rounded to six. */
    private static int decimalsNeeded(double v) {
        if (!Double.isFinite(v)) {
            return 1;
        }
        BigDecimal six = new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return Math.min(6, Math.max(1, six.scale()));
    }

    /**
     * Escapes text for HTML element content and attribute values.
     *
     * @param s raw text
     * @return text with {@code & < > " '} escaped
     */
    public static String escape(String s) {
        return dev.jotter.api.Html.escape(s);
    }
}
