package dev.jotter.toolkit.data;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.AbstractColumnParser;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.Source;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.TableBuildingUtils;

/**
 * Reads your own files into tables, with errors that point at the problem: a malformed CSV row
 * is reported as {@code file:line, column 'name'}, a JSON syntax error with its line and column.
 * Empty cells, {@code NA} and {@code NaN} are missing values; column types are detected; a few
 * words in a column of numbers are reported rather than turning it into text ({@link CsvOptions}
 * declares more missing markers or text columns).
 *
 * <pre>{@code
 * jshell> Table t = Data.csv("measurements.csv")
 * jshell> Table s = Data.csv("survey.csv", CsvOptions.defaults().missing("?"))
 * jshell> Table j = Data.json(Path.of("records.json"))   // an array of flat objects
 * }</pre>
 */
public final class Data {

    private static final Pattern BAD_VALUE = Pattern.compile("(?:value|String|string)[: ]+\"?'?([^\"']*)[\"']?", Pattern.CASE_INSENSITIVE);

    private Data() {}

    /**
     * Reads a CSV file with a header row, with {@link CsvOptions#defaults()}.
     *
     * @param path the file; a relative path is taken in {@link WorkingDirectory#get()}, the notebook's folder
     * @return a new table named after the file
     * @throws IllegalArgumentException naming file, line and column when a row is malformed, or
     *     when a numeric column holds a few values that are not numbers (see {@link #csv(Path, CsvOptions)})
     */
    public static Table csv(String path) {
        return csv(Path.of(path), CsvOptions.defaults());
    }

    /**
     * Reads a CSV file with a header row, with {@link CsvOptions#defaults()}.
     *
     * @param path the file; a relative path is taken in {@link WorkingDirectory#get()}, the notebook's folder
     * @return a new table named after the file
     * @throws IllegalArgumentException naming file, line and column when a row is malformed, or
     *     when a numeric column holds a few values that are not numbers (see {@link #csv(Path, CsvOptions)})
     */
    public static Table csv(Path path) {
        return csv(path, CsvOptions.defaults());
    }

    /**
     * Reads a CSV file with a header row and options.
     *
     * @param path the file; a relative path is taken in {@link WorkingDirectory#get()}, the notebook's folder
     * @param options extra missing-value markers, columns to keep as text
     * @return a new table named after the file
     * @throws IllegalArgumentException as {@link #csv(Path, CsvOptions)}
     */
    public static Table csv(String path, CsvOptions options) {
        return csv(Path.of(path), options);
    }

    /**
     * Reads a CSV file with a header row (RFC 4180: quoted fields may hold commas, newlines and
     * doubled quotes). Column types are detected from the values: INTEGER, LONG, DOUBLE, BOOLEAN,
     * LOCAL_DATE, LOCAL_TIME, LOCAL_DATE_TIME or STRING, as Tablesaw detects them; the missing-value
     * markers of {@code options} (by default empty, {@code NA} and {@code NaN}) are missing.
     *
     * <p><b>A few words in a column of numbers are an error, not a text column.</b> When at
     * least 99% of a column's values are numbers (all but one or two in a short column, at least
     * ten numbers), the others are reported with file, line, column and value, e.g.
     * {@code data.csv:200002, column 'age': 'seven' is not a number, but 200000 of the 200001 values
     * in this column are...}. pandas reads such a column quietly as {@code object} dtype, and the
     * mistake (a typo, or a missing-value marker like {@code ?} that nobody declared) surfaces
     * later as a confusing type error far from its cause; in Java the column would be a
     * StringColumn and every numeric step after it would fail. A warning would be printed and
     * then scrolled past, leaving exactly that broken column, so Jotter stops at the cause and
     * says what to do: fix the file, declare the marker with {@link CsvOptions#missing(String...)}
     * (pandas' {@code na_values}), or accept the column as text with
     * {@link CsvOptions#text(String...)}. Columns that are mostly text, like names or codes with
     * some numeric values, are read as text as before and never refused.
     *
     * @param path the file; a relative path is taken in {@link WorkingDirectory#get()}, the notebook's folder
     * @param options extra missing-value markers, columns to keep as text
     * @return a new table named after the file
     * @throws IllegalArgumentException naming file, line and column when a row is malformed or a
     *     numeric column holds a few non-numbers; naming the closest column when {@code options}
     *     names a column the file lacks
     */
    public static Table csv(Path path, CsvOptions options) {
        path = WorkingDirectory.resolve(path);
        requireFile(path);
        Table fast = readFast(path, options);
        if (fast != null) {
            return fast;
        }
        Table t;
        try {
            Map<String, ColumnType> text = new HashMap<>();
            for (String c : options.textColumns()) {
                text.put(c, ColumnType.STRING);
            }
            t = Table.read().usingOptions(CsvReadOptions.builder(path.toFile()).tableName(name(path))
                    .missingValueIndicator(options.missingMarkers().toArray(String[]::new)).commentPrefix('\0')
                    .maxCharsPerColumn(1 << 20).columnTypesPartial(text));
        } catch (RuntimeException e) {
            // Tablesaw rejects ragged rows but names no file line, so only now (off the fast path)
            // rescan with a quote-aware splitter to find the line and column.
            checkShape(path);
            throw locate(path, e);
        }
        for (String c : options.textColumns()) {
            if (!t.columnNames().contains(c)) {
                throw new IllegalArgumentException(unknownTextColumn(path.toString(), c, t.columnNames()));
            }
        }
        checkStrayWords(path, t, options);
        return t;
    }

    /** The fast path for plain files; null when Tablesaw must read the file to give the same table. */
    private static Table readFast(Path path, CsvOptions options) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        } catch (OutOfMemoryError e) {
            return null; // over 2 GB: Tablesaw streams it
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if ((text.length() != bytes.length || text.indexOf('\uFFFD') >= 0)
                && !StandardCharsets.UTF_8.equals(new Source(path.toFile()).getCharset())) {
            return null; // not ASCII, and Tablesaw would not decode it as UTF-8
        }
        bytes = null;
        return CsvFastReader.read(text, name(path), options, path.toString());
    }

    static String unknownTextColumn(String path, String column, List<String> header) {
        String close = Columns.closest(column, header);
        return "CsvOptions.text(\"" + column + "\"): no column '" + column + "' in " + path
                + (close == null ? "" : "; did you mean '" + close + "'?") + " Available: " + header;
    }

    /** Whether a column with these counts is numbers with a few stray words (see {@link #csv(Path, CsvOptions)}). */
    static boolean nearlyAllNumbers(int numbers, int words) {
        return words > 0 && numbers >= 10 && words <= Math.max(2, (numbers + words) / 100);
    }

    /**
     * The error for a numeric column holding a few words: file, line, column, values and what to
     * do. The two remedies are written as the user's own options extended (markers and text
     * columns already passed are kept), as Java they can paste: {@code options} is rendered by
     * {@link CsvOptions#toJava()}, which escapes quotes, backslashes and control characters.
     */
    static IllegalArgumentException strayWords(String path, CsvOptions options, String column, List<String> values,
            List<Long> lines, int words, int numbers) {
        StringBuilder m = new StringBuilder();
        m.append(path).append(':').append(lines.getFirst()).append(", column '").append(column).append("': '")
                .append(values.getFirst()).append("' is not a number, but ").append(numbers).append(" of the ")
                .append(numbers + words).append(" values in this column are");
        if (words > 1) {
            m.append("; also not numbers:");
            for (int i = 1; i < values.size(); i++) {
                m.append(i > 1 ? "," : "").append(" '").append(values.get(i)).append("' (line ").append(lines.get(i)).append(')');
            }
            if (words > values.size()) {
                m.append(" and ").append(words - values.size()).append(" more");
            }
        }
        m.append(". Read as it is, the whole column would become text. Fix the file, read ")
                .append(words > 1 ? "these values" : "the value").append(" as missing with Data.csv(path, ")
                .append(options.missing(values.toArray(String[]::new)).toJava())
                .append("), or keep the column as text with Data.csv(path, ").append(options.text(column).toJava()).append(')');
        return new IllegalArgumentException(m.toString());
    }

    /** After a Tablesaw read: a STRING column of numbers with a few words is the user's mistake. */
    private static void checkStrayWords(Path path, Table t, CsvOptions options) {
        AbstractColumnParser<?> number = null;
        for (Column<?> col : t.columns()) {
            if (!(col instanceof StringColumn s) || options.textColumns().contains(col.name())) {
                continue;
            }
            if (number == null) {
                number = ColumnType.DOUBLE.customParser(CsvReadOptions.builder(new StringReader(""))
                        .missingValueIndicator(options.missingMarkers().toArray(String[]::new)).build());
            }
            int nonMissing = s.size() - s.countMissing();
            int allowed = Math.max(2, nonMissing / 100);
            int words = 0;
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < s.size() && words <= allowed; i++) {
                String v = s.get(i);
                if (!v.isEmpty() && !number.canParse(v)) {
                    words++;
                    if (rows.size() < 3) {
                        rows.add(i);
                    }
                }
            }
            if (nearlyAllNumbers(nonMissing - words, words)) {
                List<Long> lines = lines(path, rows);
                throw strayWords(path.toString(), options, col.name(), rows.stream().map(s::get).toList(), lines, words,
                        nonMissing - words);
            }
        }
    }

    /** The file line on which each data row (0 = the first after the header) starts. */
    private static List<Long> lines(Path path, List<Integer> rows) {
        List<Long> out = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().allowExtraFields(true).allowMissingFields(true).ofCsvRecord(path)) {
            int record = -1;
            int next = 0;
            for (CsvRecord rec : r) {
                if (next < rows.size() && record == rows.get(next)) {
                    out.add(rec.getStartingLineNumber());
                    next++;
                }
                record++;
                if (next == rows.size()) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through: rows without lines
        }
        while (out.size() < rows.size()) {
            out.add(rows.get(out.size()) + 2L); // one record per line, after the header
        }
        return out;
    }

    /**
     * Reads a JSON file holding an array of flat objects (one per row), or an object of columns.
     *
     * @param path the file; a relative path is taken in {@link WorkingDirectory#get()}, the notebook's folder
     * @return a new table named after the file
     */
    public static Table json(String path) {
        return json(Path.of(path));
    }

    /**
     * Reads a JSON file holding an array of objects (one per row; nested values become columns
     * named like {@code address.city} and {@code tags[0]}), an array of arrays whose first row
     * names the columns, or an object of columns ({@code {"a": [1, 2], "b": ["x", "y"]}}). Column
     * types are detected as for CSV; a JSON {@code null} reads as Tablesaw's missing-value marker
     * "null", a key a row lacks as missing.
     *
     * @param path the file; a relative path is taken in {@link WorkingDirectory#get()}, the notebook's folder
     * @return a new table named after the file
     * @throws IllegalArgumentException naming file, line and column for a syntax error, or what was
     *     found instead of a table's shape
     */
    public static Table json(Path path) {
        path = WorkingDirectory.resolve(path);
        requireFile(path);
        JsonElement root;
        // Gson, which the toolkit layer has anyway (DJL uses it): Tablesaw's JSON reader needed
        // Jackson, json-flattener, commons-text and commons-lang3 for this one method.
        try (JsonReader in = new JsonReader(Files.newBufferedReader(path, StandardCharsets.UTF_8))) {
            in.setStrictness(Strictness.STRICT);
            root = JSON_ELEMENT.read(in);
            // Lenient only to look past the value: strict mode reports a second value with its generic advice.
            in.setStrictness(Strictness.LENIENT);
            if (in.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException(path + ":" + lineOf(in) + ", column " + columnOf(in)
                        + ": invalid JSON: expected the end of the file after the first JSON value; put the rows in one array");
            }
        } catch (MalformedJsonException | JsonParseException | java.io.EOFException | IllegalStateException e) {
            throw invalidJson(path, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
        List<String> names = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        if (root.isJsonArray() && !root.getAsJsonArray().isEmpty() && root.getAsJsonArray().get(0).isJsonArray()) {
            com.google.gson.JsonArray all = root.getAsJsonArray();
            for (JsonElement h : all.get(0).getAsJsonArray()) {
                names.add(text(h));
            }
            for (int i = 1; i < all.size(); i++) {
                if (!all.get(i).isJsonArray()) {
                    throw notATable(path, "row " + i + " is " + kind(all.get(i)) + " after a first row that is an array");
                }
                com.google.gson.JsonArray r = all.get(i).getAsJsonArray();
                String[] row = new String[names.size()];
                for (int j = 0; j < row.length && j < r.size(); j++) {
                    row[j] = text(r.get(j));
                }
                rows.add(row);
            }
        } else if (root.isJsonArray() && !root.getAsJsonArray().isEmpty()) {
            List<Map<String, String>> flat = new ArrayList<>();
            java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
            int i = 0;
            for (JsonElement e : root.getAsJsonArray()) {
                if (!e.isJsonObject()) {
                    throw notATable(path, "element " + i + " is " + kind(e) + ", not an object");
                }
                Map<String, String> values = new java.util.LinkedHashMap<>();
                flatten("", e, values);
                columns.addAll(values.keySet());
                flat.add(values);
                i++;
            }
            names.addAll(columns);
            for (Map<String, String> values : flat) {
                rows.add(names.stream().map(values::get).toArray(String[]::new));
            }
        } else if (root.isJsonObject() && !root.getAsJsonObject().isEmpty()) {
            int length = -1;
            for (Map.Entry<String, JsonElement> c : root.getAsJsonObject().entrySet()) {
                if (!c.getValue().isJsonArray()) {
                    throw notATable(path, "the value of \"" + c.getKey() + "\" is " + kind(c.getValue()) + ", not an array of the column's values");
                }
                int n = c.getValue().getAsJsonArray().size();
                if (length >= 0 && n != length) {
                    throw notATable(path, "column \"" + c.getKey() + "\" has " + n + " values, the columns before it " + length);
                }
                length = n;
                names.add(c.getKey());
            }
            for (int r = 0; r < length; r++) {
                String[] row = new String[names.size()];
                for (int j = 0; j < row.length; j++) {
                    row[j] = text(root.getAsJsonObject().getAsJsonArray(names.get(j)).get(r));
                }
                rows.add(row);
            }
        } else {
            throw notATable(path, kind(root));
        }
        Table t = TableBuildingUtils.build(names, rows, CsvReadOptions.builder(new StringReader("")).tableName(name(path)).build());
        t.setName(name(path));
        return t;
    }

    private static final com.google.gson.TypeAdapter<JsonElement> JSON_ELEMENT = new com.google.gson.Gson().getAdapter(JsonElement.class);
    private static final Pattern GSON_WHERE = Pattern.compile("at line (\\d+) column (\\d+)");

    /**
     * A syntax error as file:line, column and what is wrong there. Gson's strict mode names only
     * some errors ("Expected name"); for the others it gives advice about its own settings, so the
     * offending character is read from the file instead.
     */
    private static IllegalArgumentException invalidJson(Path path, Exception e) {
        String msg = String.valueOf(e.getMessage());
        Matcher m = GSON_WHERE.matcher(msg);
        if (!m.find()) {
            return new IllegalArgumentException(path + ": invalid JSON: " + (e instanceof java.io.EOFException
                    ? "the file ends before its first value is complete" : msg), e);
        }
        int line = Integer.parseInt(m.group(1));
        int column = Integer.parseInt(m.group(2));
        String why = msg.substring(0, m.start()).strip();
        if (why.isEmpty() || why.startsWith("Use JsonReader.setStrictness")) {
            why = "unexpected " + charBefore(path, line, column);
        }
        return new IllegalArgumentException(path + ":" + line + ", column " + Math.max(1, column - 1) + ": invalid JSON: " + why, e);
    }

    /** The character Gson stopped after (its column is the next one's), quoted, or "end of line". */
    private static String charBefore(Path path, int line, int column) {
        try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
            String text = lines.skip(line - 1L).findFirst().orElse("");
            int i = column - 2;
            return i >= 0 && i < text.length() ? "'" + text.charAt(i) + "'" : "end of line";
        } catch (IOException | UncheckedIOException ex) {
            return "text";
        }
    }

    private static IllegalArgumentException notATable(Path path, String found) {
        return new IllegalArgumentException("Expected in " + path + " an array of objects like [{\"a\": 1, \"b\": \"x\"}, ...], an array "
                + "of arrays with the column names first, or an object of columns like {\"a\": [1, 2]}; found " + found);
    }

    private static String kind(JsonElement e) {
        if (e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonArray()) {
            return e.getAsJsonArray().isEmpty() ? "an empty array" : "an array";
        }
        if (e.isJsonObject()) {
            return e.getAsJsonObject().isEmpty() ? "an empty object" : "an object";
        }
        return "the value " + e;
    }

    /** A cell's text: strings as they are, other values as JSON, null as Tablesaw's missing marker "null". */
    private static String text(JsonElement e) {
        if (e.isJsonNull()) {
            return "null";
        }
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    /** Nested objects and arrays become columns named {@code a.b} and {@code a[0]}; empty ones stay "{}" and "[]". */
    private static void flatten(String prefix, JsonElement e, Map<String, String> out) {
        if (e.isJsonObject() && !e.getAsJsonObject().isEmpty()) {
            for (Map.Entry<String, JsonElement> c : e.getAsJsonObject().entrySet()) {
                flatten(prefix.isEmpty() ? c.getKey() : prefix + "." + c.getKey(), c.getValue(), out);
            }
        } else if (e.isJsonArray() && !e.getAsJsonArray().isEmpty() && !prefix.isEmpty()) {
            for (int i = 0; i < e.getAsJsonArray().size(); i++) {
                flatten(prefix + "[" + i + "]", e.getAsJsonArray().get(i), out);
            }
        } else {
            out.put(prefix, text(e));
        }
    }

    private static String lineOf(JsonReader in) {
        Matcher m = GSON_WHERE.matcher(in.toString());
        return m.find() ? m.group(1) : "?";
    }

    /** The column of the character the reader last read (Gson counts the next one's). */
    private static String columnOf(JsonReader in) {
        Matcher m = GSON_WHERE.matcher(in.toString());
        return m.find() ? String.valueOf(Math.max(1, Integer.parseInt(m.group(2)) - 1)) : "?";
    }

    private static void requireFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("No file " + path + "; check the name, or that a relative path is relative to "
                    + WorkingDirectory.get() + " (the notebook's folder; %cd changes it)");
        }
    }

    private static String name(Path path) {
        String f = path.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    /** Checks every record has as many fields as the header, with quote-aware splitting. */
    private static void checkShape(Path path) {
        List<String> header = null;
        int line = 1;
        try (var in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            List<String> fields = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            int startLine = 1;
            int ch;
            boolean any = false;
            while ((ch = in.read()) != -1) {
                char c = (char) ch;
                if (quoted) {
                    if (c == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            cur.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                in.reset();
                            }
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cur.append(c);
                    }
                    continue;
                }
                if (c == '"' && cur.isEmpty()) {
                    quoted = true;
                    any = true;
                } else if (c == ',') {
                    fields.add(cur.toString());
                    cur.setLength(0);
                    any = true;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        in.mark(1);
                        if (in.read() != '\n') {
                            in.reset();
                        }
                    }
                    if (any || !cur.isEmpty()) {
                        fields.add(cur.toString());
                        header = record(path, header, fields, startLine);
                    }
                    fields.clear();
                    cur.setLength(0);
                    any = false;
                    line++;
                    startLine = line;
                } else {
                    cur.append(c);
                    any = true;
                }
            }
            if (quoted) {
                throw new IllegalArgumentException(path + ":" + startLine + ": a quoted field opened here is never closed; add the missing '\"'");
            }
            if (any || !cur.isEmpty()) {
                fields.add(cur.toString());
                record(path, header, fields, startLine);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("No file " + path, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    private static List<String> record(Path path, List<String> header, List<String> fields, int line) {
        if (header == null) {
            return List.copyOf(fields);
        }
        if (fields.size() != header.size()) {
            String where = fields.size() > header.size()
                    ? "extra field '" + fields.get(header.size()) + "' after column '" + header.getLast() + "'"
                    : "no value for column '" + header.get(fields.size()) + "'";
            throw new IllegalArgumentException(path + ":" + line + ", column " + (Math.min(fields.size(), header.size()) + 1)
                    + ": expected " + header.size() + " fields like the header, found " + fields.size() + " (" + where
                    + "). Quote values that contain commas, e.g. \"Smith, J\"");
        }
        return header;
    }

    /**
     * Turns a Tablesaw parse failure into file:line, column by finding the offending value. The
     * rows are read with FastCSV, so a quoted value holding a comma does not shift the columns.
     */
    static IllegalArgumentException locate(Path path, RuntimeException e) {
        String msg = String.valueOf(e.getMessage());
        Matcher m = BAD_VALUE.matcher(msg);
        if (m.find() && !m.group(1).isEmpty()) {
            String bad = m.group(1);
            try (CsvReader<CsvRecord> r = CsvReader.builder().allowExtraFields(true).allowMissingFields(true).ofCsvRecord(path)) {
                List<String> header = null;
                for (CsvRecord rec : r) {
                    if (header == null) {
                        header = rec.getFields();
                        continue;
                    }
                    List<String> f = rec.getFields();
                    for (int j = 0; j < f.size() && j < header.size(); j++) {
                        if (f.get(j).strip().equals(bad)) {
                            return new IllegalArgumentException(path + ":" + rec.getStartingLineNumber() + ", column '" + header.get(j)
                                    + "': cannot read '" + bad + "' as the type detected from the rows above it; fix the value, or read with "
                                    + "Table.read().usingOptions(...columnTypes(...)) to choose the type", e);
                        }
                    }
                }
            } catch (IOException | UncheckedIOException | de.siegmar.fastcsv.reader.CsvParseException ignored) {
                // fall through to the general message
            }
        }
        return new IllegalArgumentException("Cannot read " + path + " as CSV: " + msg, e);
    }
}
