package dev.jotter.toolkit.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Column lookups whose errors tell a student what went wrong and what to type instead.
 *
 * <p>The one rule for column names in the toolkit: <b>exact match</b>, case included. Tablesaw's
 * own lookups ignore case, so a step that asked Tablesaw directly accepted {@code "Age"} for a
 * column {@code age} while the next step, keyed by the name as typed, silently did nothing; every
 * transformer, trainer and split therefore resolves names here, and a name that differs only in
 * case is refused with the table's own spelling as the did-you-mean.
 *
 * <pre>{@code
 * jshell> Columns.require(iris, "sepal_lenght")
 * |  Exception java.lang.IllegalArgumentException: No column 'sepal_lenght' in table iris;
 * |  did you mean 'sepal_length'? Available: [sepal_length, sepal_width, ...]
 * }</pre>
 */
public final class Columns {

    private Columns() {}

    /**
     * Finds a column by exact name, case included.
     *
     * @param table the table to look in
     * @param name the column name
     * @return the column
     * @throws IllegalArgumentException naming the closest existing column and listing all of them
     */
    public static Column<?> require(Table table, String name) {
        int at = name == null ? -1 : table.columnNames().indexOf(name);
        if (at >= 0) {
            return table.column(at);
        }
        throw new IllegalArgumentException(missingMessage(table, name));
    }

    /**
     * Finds a numeric column by name.
     *
     * @param table the table to look in
     * @param name the column name
     * @return the column as a numeric column
     * @throws IllegalArgumentException if it is missing or not numeric
     */
    public static NumericColumn<?> numeric(Table table, String name) {
        Column<?> c = require(table, name);
        if (c instanceof NumericColumn<?> n) {
            return n;
        }
        throw new IllegalArgumentException("Expected a numeric column '" + name + "' in table " + table.name() + ", found " + c.type().name()
                + "; encode it first (OneHotEncoder or LabelEncoder)");
    }

    /**
     * Resolves column names, or every column when none are given, each by exact name.
     *
     * @param table the table
     * @param names column names; empty means all columns in table order
     * @return the names, each checked to exist
     */
    public static List<String> resolve(Table table, String... names) {
        if (names == null || names.length == 0) {
            return table.columnNames();
        }
        List<String> out = new ArrayList<>(names.length);
        for (String n : names) {
            require(table, n);
            out.add(n);
        }
        return List.copyOf(out);
    }

    /**
     * The message used when a column is missing: the closest name if one is near, then all names.
     *
     * @param table the table that lacks the column
     * @param name the requested name
     * @return a one-line message
     */
    public static String missingMessage(Table table, String name) {
        List<String> names = table.columnNames();
        String close = closest(name, names);
        boolean caseOnly = close != null && close.equalsIgnoreCase(name);
        return "No column '" + name + "' in table " + table.name()
                + (close == null ? "" : "; did you mean '" + close + "'?" + (caseOnly ? " (column names are case-sensitive)" : ""))
                + " Available: " + names;
    }

    /**
     * The candidate nearest to a name by case-insensitive edit distance, if it is near enough to be a typo.
     *
     * @param name the misspelt name
     * @param candidates names that exist
     * @return the closest candidate, or null when none is within a third of the name's length (min 2 edits)
     */
    public static String closest(String name, List<String> candidates) {
        if (name == null) {
            return null;
        }
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String a = name.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(a, c.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return bestD <= Math.max(2, name.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
