package dev.jotter.toolkit.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A first look at a table, as pandas gives it: {@link #describe(Table)} is {@code df.describe()}
 * and {@link #crossTab(Table, String, String)} is {@code pd.crosstab(..., margins=True)}.
 *
 * <p>They stand beside Tablesaw's own {@code table.summary()} and {@code xTabCounts(...)},
 * which the toolkit cannot change: {@code summary()} counts missing values as values, leaves
 * the mean and standard deviation blank for a column with one missing value, prints doubles
 * unrounded and has no quartiles; {@code xTabCounts} sorts numeric levels as text (1, 10, 11,
 * 2) and leaves the totals row without a label.
 *
 * <pre>{@code
 * jshell> Tables.describe(Datasets.load("penguins"))
 *    stat     beak_length_mm  beak_depth_mm  flipper_length_mm  body_mass_g
 * 0  count        342.000000     342.000000         342.000000   342.000000
 * 1  missing        2.000000       2.000000           2.000000     2.000000
 * 2  mean          43.921930      17.151170         200.915205  4201.754386
 * ...
 * jshell> Tables.crossTab(Datasets.load("penguins"), "species", "island")
 *    species    Biscoe  Dream  Torgersen  total
 * 0  Adelie         44     56         52    152
 * ...
 * 3  total         168    124         52    344
 * }</pre>
 */
public final class Tables {

    /** The statistics {@link #describe(Table)} reports, one row each, in pandas' order plus {@code missing}. */
    public static final List<String> DESCRIBE_ROWS = List.of("count", "missing", "mean", "std", "min", "25%", "50%", "75%", "max");

    /** The label of the totals row and column of {@link #crossTab(Table, String, String)}. */
    public static final String TOTAL = "total";

    private Tables() {}

    /**
     * Describes every numeric column as pandas' {@code describe()} does: the count of values
     * present, the count missing, then mean, sample standard deviation, minimum, quartiles
     * (linear interpolation, as numpy and pandas) and maximum, all over the values present.
     * A column with no value present shows its count and missing count and leaves the rest missing.
     *
     * @param table the table
     * @return a table with a {@code stat} column naming the rows of {@link #DESCRIBE_ROWS} and
     *     one double column per numeric column of {@code table}
     * @throws IllegalArgumentException when the table has no numeric column
     */
    public static Table describe(Table table) {
        List<NumericColumn<?>> numeric = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (c instanceof NumericColumn<?> n) {
                numeric.add(n);
            }
        }
        if (numeric.isEmpty()) {
            throw new IllegalArgumentException("Expected at least one numeric column in table " + table.name() + ", found only "
                    + table.columnNames() + "; encode text columns first (OneHotEncoder) or count them with countBy(...)");
        }
        Table out = Table.create(table.name() + " described", StringColumn.create("stat", DESCRIBE_ROWS));
        for (NumericColumn<?> c : numeric) {
            out.addColumns(DoubleColumn.create(c.name(), stats(c)));
        }
        return out;
    }

    /** The statistics of {@link #DESCRIBE_ROWS} over the values present; NaN (shown as missing) where there are none. */
    private static double[] stats(NumericColumn<?> c) {
        double[] present = new double[c.size()];
        int n = 0;
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                present[n++] = c.getDouble(i);
            }
        }
        double[] v = Arrays.copyOf(present, n);
        Arrays.sort(v);
        double mean = Double.NaN;
        double std = Double.NaN;
        if (n > 0) {
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            mean = sum / n;
        }
        if (n > 1) {
            double squares = 0;
            for (double x : v) {
                squares += (x - mean) * (x - mean);
            }
            std = Math.sqrt(squares / (n - 1));
        }
        return new double[] {n, c.size() - n, mean, std, quantile(v, 0), quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75), quantile(v, 1)};
    }

    /** numpy's default (linear) quantile of sorted values; NaN for none. */
    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Counts the rows for each pair of levels of two columns, with a {@code total} column and a
     * {@code total} row, as pandas' {@code crosstab(margins=True)}. Levels sort naturally:
     * numerically when every level is a number (1, 2, 10, 11), otherwise as text with digit runs
     * compared as numbers ({@code item2} before {@code item10}). Rows where either column is
     * missing are left out, as pandas does.
     *
     * @param table the table
     * @param rows the column whose levels become rows
     * @param columns the column whose levels become columns
     * @return a table with a text column named {@code rows} and an int column per level of {@code columns}, then {@code total}
     * @throws IllegalArgumentException naming the closest column when either name is not in the table
     */
    public static Table crossTab(Table table, String rows, String columns) {
        Column<?> r = Columns.require(table, rows);
        Column<?> c = Columns.require(table, columns);
        List<String> rowLevels = levels(r, c);
        List<String> colLevels = levels(c, r);
        Map<String, Integer> rowIndex = index(rowLevels);
        Map<String, Integer> colIndex = index(colLevels);
        int[][] counts = new int[rowLevels.size() + 1][colLevels.size() + 1];
        for (int i = 0; i < table.rowCount(); i++) {
            if (r.isMissing(i) || c.isMissing(i)) {
                continue;
            }
            int ri = rowIndex.get(r.getString(i));
            int ci = colIndex.get(c.getString(i));
            counts[ri][ci]++;
            counts[ri][colLevels.size()]++;
            counts[rowLevels.size()][ci]++;
            counts[rowLevels.size()][colLevels.size()]++;
        }
        List<String> labels = new ArrayList<>(rowLevels);
        labels.add(TOTAL);
        Table out = Table.create(table.name() + ": " + rows + " x " + columns, StringColumn.create(r.name(), labels));
        List<String> headers = new ArrayList<>(colLevels);
        headers.add(TOTAL);
        for (int k = 0; k < headers.size(); k++) {
            int[] column = new int[labels.size()];
            for (int i = 0; i < labels.size(); i++) {
                column[i] = counts[i][k];
            }
            out.addColumns(IntColumn.create(headers.get(k), column));
        }
        return out;
    }

    /** The distinct levels of {@code c} on rows where {@code other} is present too, sorted naturally. */
    private static List<String> levels(Column<?> c, Column<?> other) {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i) && !other.isMissing(i)) {
                seen.add(c.getString(i));
            }
        }
        List<String> out = new ArrayList<>(seen);
        out.sort(naturalOrder(out));
        return out;
    }

    /**
     * The order levels are shown in: by value when all of them are numbers, otherwise as text
     * with runs of digits compared by value.
     *
     * @param levels the levels to be sorted
     * @return a comparator for them
     */
    static Comparator<String> naturalOrder(List<String> levels) {
        Map<String, Double> numbers = new HashMap<>();
        for (String s : levels) {
            try {
                numbers.put(s, Double.parseDouble(s.strip()));
            } catch (NumberFormatException e) {
                return Tables::compareNatural;
            }
        }
        return Comparator.comparingDouble(numbers::get);
    }

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int iEnd = digitsEnd(a, i);
                int jEnd = digitsEnd(b, j);
                String da = a.substring(i, iEnd).replaceFirst("^0+(?=.)", "");
                String db = b.substring(j, jEnd).replaceFirst("^0+(?=.)", "");
                int cmp = da.length() != db.length() ? Integer.compare(da.length(), db.length()) : da.compareTo(db);
                if (cmp != 0) {
                    return cmp;
                }
                i = iEnd;
                j = jEnd;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && Character.isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static Map<String, Integer> index(List<String> levels) {
        Map<String, Integer> out = new HashMap<>();
        for (int k = 0; k < levels.size(); k++) {
            out.put(levels.get(k), k);
        }
        return out;
    }
}
