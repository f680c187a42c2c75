package dev.jotter.toolkit.data;

import dev.jotter.api.JavaSource;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Options for {@link Data#csv(java.nio.file.Path, CsvOptions)}: extra missing-value markers and
 * columns that may hold text. Immutable; each method returns a new instance.
 *
 * <pre>{@code
 * jshell> Table t = Data.csv("survey.csv", CsvOptions.defaults().missing("?", "n/a"))
 * jshell> Table c = Data.csv("codes.csv", CsvOptions.defaults().text("zip"))
 * }</pre>
 */
public final class CsvOptions {

    private static final List<String> DEFAULT_MISSING = List.of("", "NA", "NaN");
    private static final CsvOptions DEFAULTS = new CsvOptions(DEFAULT_MISSING, List.of());

    private final List<String> missing;
    private final List<String> text;

    private CsvOptions(List<String> missing, List<String> text) {
        this.missing = missing;
        this.text = text;
    }

    /**
     * The options {@link Data#csv(String)} uses: empty cells, {@code NA} and {@code NaN} are
     * missing, column types are detected.
     *
     * @return the default options
     */
    public static CsvOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Adds values that mean "missing", like pandas' {@code na_values}: {@code missing("?", "-")}.
     * They are compared with the whole cell, case-sensitively, in every column.
     *
     * @param markers the extra markers
     * @return new options with the markers added to these options' markers (defaults and any
     *     added before); text columns are kept
     */
    public CsvOptions missing(String... markers) {
        Set<String> all = new LinkedHashSet<>(missing);
        for (String m : markers) {
            all.add(Objects.requireNonNull(m, "a missing-value marker is null"));
        }
        return new CsvOptions(List.copyOf(all), text);
    }

    /**
     * Reads these columns as text, as they are in the file, even where most values are numbers
     * (codes such as zip codes, or a column of numbers with a few legitimate words).
     *
     * @param columns column names from the header
     * @return new options with the columns added
     */
    public CsvOptions text(String... columns) {
        Set<String> all = new LinkedHashSet<>(text);
        for (String c : columns) {
            all.add(Objects.requireNonNull(c, "a column name is null"));
        }
        return new CsvOptions(missing, List.copyOf(all));
    }

    /**
     * The missing-value markers, defaults first.
     *
     * @return the markers
     */
    public List<String> missingMarkers() {
        return missing;
    }

    /**
     * The columns read as text.
     *
     * @return column names
     */
    public List<String> textColumns() {
        return text;
    }

    /**
     * Equal when both treat the same values as missing and the same columns as text; the order
     * in which they were added does not matter.
     *
     * @param o another object
     * @return whether {@code o} is equivalent options
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof CsvOptions other && Set.copyOf(missing).equals(Set.copyOf(other.missing))
                && Set.copyOf(text).equals(Set.copyOf(other.text));
    }

    /**
     * A hash consistent with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Set.copyOf(missing).hashCode() * 31 + Set.copyOf(text).hashCode();
    }

    /**
     * These options as the Java expression that builds them, for error messages the user can
     * paste: {@code CsvOptions.defaults().missing("?").text("zip")}.
     *
     * @return a Java expression
     */
    String toJava() {
        StringBuilder sb = new StringBuilder("CsvOptions.defaults()");
        List<String> extra = missing.stream().filter(m -> !DEFAULT_MISSING.contains(m)).toList();
        appendCall(sb, "missing", extra);
        appendCall(sb, "text", text);
        return sb.toString();
    }

    private static void appendCall(StringBuilder sb, String method, List<String> args) {
        if (args.isEmpty()) {
            return;
        }
        sb.append('.').append(method).append('(');
        for (int i = 0; i < args.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(JavaSource.stringLiteral(args.get(i)));
        }
        sb.append(')');
    }

    @Override
    public String toString() {
        return "CsvOptions[missing=" + missing + ", text=" + text + "]";
    }
}
