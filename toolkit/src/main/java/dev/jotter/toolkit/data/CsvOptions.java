package dev.jotter.toolkit.data;

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
     * @return new options with the markers added to the defaults
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

    @Override
    public String toString() {
        return "CsvOptions[missing=" + missing + ", text=" + text + "]";
    }
}
