package dev.jotter.toolkit.prep;

import dev.jotter.toolkit.data.Columns;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Fills missing values with a statistic learned from the training table, as scikit-learn's
 * {@code SimpleImputer}. Mean and median need numeric columns; most-frequent (ties: the smallest
 * value, as scikit-learn) and constant work on text too.
 *
 * <p><b>Column types.</b> An integer column (INTEGER, LONG, SHORT) stays one when its fill value
 * is a whole number that fits it: a median of {@code 8} fills {@code 8}, not {@code 8.0}. A
 * fractional fill (a mean of {@code 7.4}, a median of {@code 7.5}) turns it into a DOUBLE column,
 * since the value itself would otherwise be rounded; every other numeric column becomes DOUBLE.
 * Round the fill yourself ({@code Imputer.constant(8, "rooms")}) to keep integers.
 *
 * <pre>{@code
 * jshell> var imp = Imputer.median("mpg", "horsepower").fit(cars)
 * jshell> imp.values()         // {mpg=23.0, horsepower=93.5}
 * jshell> Imputer.constant("unknown", "sex").fitTransform(penguins)
 * }</pre>
 *
 * @param strategy how the fill value is chosen
 * @param columns the columns to fill
 * @param constant the fill value for {@link Strategy#CONSTANT}, else null
 */
public record Imputer(Strategy strategy, List<String> columns, Object constant) implements Transformer {

    /** How the fill value is chosen. */
    public enum Strategy {
        /** The mean of the non-missing values. */
        MEAN,
        /** The median of the non-missing values. */
        MEDIAN,
        /** The most frequent value; ties go to the smallest. */
        MOST_FREQUENT,
        /** A given constant. */
        CONSTANT
    }

    /**
     * Checks the configuration.
     *
     * @throws IllegalArgumentException if no columns are given, or CONSTANT has no constant
     */
    public Imputer {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Expected at least one column name for the Imputer, found none.");
        }
        if (strategy == Strategy.CONSTANT && constant == null) {
            throw new IllegalArgumentException("Expected a fill value for Imputer.constant, found null.");
        }
    }

    /**
     * @param columns numeric columns
     * @return an imputer filling with the mean
     */
    public static Imputer mean(String... columns) {
        return new Imputer(Strategy.MEAN, List.of(columns), null);
    }

    /**
     * @param columns numeric columns
     * @return an imputer filling with the median
     */
    public static Imputer median(String... columns) {
        return new Imputer(Strategy.MEDIAN, List.of(columns), null);
    }

    /**
     * @param columns any columns
     * @return an imputer filling with the most frequent value
     */
    public static Imputer mostFrequent(String... columns) {
        return new Imputer(Strategy.MOST_FREQUENT, List.of(columns), null);
    }

    /**
     * @param value a number for numeric columns, a string for text columns
     * @param columns the columns to fill
     * @return an imputer filling with that value
     */
    public static Imputer constant(Object value, String... columns) {
        return new Imputer(Strategy.CONSTANT, List.of(columns), value);
    }

    @Override
    public Fitted fit(Table table) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : columns) {
            Column<?> c = Columns.require(table, name);
            Object v = switch (strategy) {
                case MEAN, MEDIAN -> {
                    NumericColumn<?> n = Columns.numeric(table, name);
                    double[] xs = new double[n.size() - n.countMissing()];
                    int k = 0;
                    for (int i = 0; i < n.size(); i++) {
                        if (!n.isMissing(i)) {
                            xs[k++] = n.getDouble(i);
                        }
                    }
                    if (xs.length == 0) {
                        throw new IllegalArgumentException("Expected values in column '" + name + "' to learn a " + strategy.name().toLowerCase()
                                + " from, found only missing ones; use Imputer.constant(...)");
                    }
                    yield strategy == Strategy.MEAN ? Arrays.stream(xs).sum() / xs.length : median(xs);
                }
                case MOST_FREQUENT -> mostFrequent(c);
                case CONSTANT -> constant;
            };
            values.put(name, v);
        }
        return new Fitted(values);
    }

    private static double median(double[] xs) {
        Arrays.sort(xs);
        int n = xs.length;
        return n % 2 == 1 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
    }

    private static Object mostFrequent(Column<?> c) {
        boolean numeric = c instanceof NumericColumn<?>;
        TreeMap<Object, Integer> counts = new TreeMap<>();
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                Object key = numeric ? (Object) ((NumericColumn<?>) c).getDouble(i) : c.getString(i);
                counts.merge(key, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("Expected values in column '" + c.name() + "' to learn the most frequent from, found only missing ones; use Imputer.constant(...)");
        }
        Object best = null;
        int bestCount = -1;
        for (var e : counts.entrySet()) { // ascending order, so ties keep the smallest
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /**
     * A fitted imputer.
     *
     * @param values the fill value per column: a Double for numeric columns, a String for text columns;
     *     an integer column keeps its type when its value is whole (see {@link Imputer})
     */
    public record Fitted(Map<String, Object> values) implements FittedTransformer {

        /** Copies the map. */
        public Fitted {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        @Override
        public Table transform(Table table) {
            Map<String, List<Column<?>>> out = new HashMap<>();
            for (var e : values.entrySet()) {
                Column<?> c = Columns.require(table, e.getKey());
                Object fill = e.getValue();
                if (c instanceof NumericColumn<?> n) {
                    if (!(fill instanceof Number num)) {
                        throw new IllegalArgumentException("Expected a number to fill the numeric column '" + c.name() + "' with, found '" + fill + "'");
                    }
                    double f = num.doubleValue();
                    Column<?> kept = filledKeepingIntegers(n, f);
                    if (kept != null) {
                        out.put(c.name(), List.of(kept));
                        continue;
                    }
                    double[] v = new double[n.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = n.isMissing(i) ? f : n.getDouble(i);
                    }
                    out.put(c.name(), List.of(DoubleColumn.create(c.name(), v)));
                } else if (c instanceof StringColumn s) {
                    StringColumn copy = s.copy();
                    copy.set(copy.isMissing(), String.valueOf(fill));
                    out.put(c.name(), List.of(copy));
                } else {
                    throw new IllegalArgumentException("Expected a numeric or text column for the Imputer, found column '" + c.name() + "' of type "
                            + c.type().name());
                }
            }
            return TableEdits.replace(table, out);
        }

        /** The integer column with {@code f} in its gaps, or null when it is no integer column or {@code f} no whole number that fits it. */
        private static Column<?> filledKeepingIntegers(NumericColumn<?> n, double f) {
            if (f != Math.rint(f)) {
                return null;
            }
            switch (n) {
                case IntColumn ic when f >= Integer.MIN_VALUE && f <= Integer.MAX_VALUE -> {
                    IntColumn copy = ic.copy();
                    copy.set(copy.isMissing(), (int) f);
                    return copy;
                }
                case LongColumn lc when Math.abs(f) < 0x1p63 -> {
                    LongColumn copy = lc.copy();
                    copy.set(copy.isMissing(), (long) f);
                    return copy;
                }
                case ShortColumn sc when f >= Short.MIN_VALUE && f <= Short.MAX_VALUE -> {
                    ShortColumn copy = sc.copy();
                    copy.set(copy.isMissing(), (short) f);
                    return copy;
                }
                default -> {
                    return null;
                }
            }
        }
    }
}
