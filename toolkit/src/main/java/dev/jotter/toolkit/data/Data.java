package dev.jotter.toolkit.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.json.JsonReadOptions;
import tech.tablesaw.io.json.JsonReader;

/**
 * Reads your own files into tables, with errors that point at the problem: a malformed CSV row
 * is reported as {@code file:line, column 'name'}, a JSON syntax error with its line and column.
 * Empty cells, {@code NA} and {@code NaN} are missing values; column types are detected.
 *
 * <pre>{@code
 * jshell> Table t = Data.csv("measurements.csv")
 * jshell> Table j = Data.json(Path.of("records.json"))   // an array of flat objects
 * }</pre>
 */
public final class Data {

    private static final Pattern BAD_VALUE = Pattern.compile("(?:value|String|string)[: ]+\"?'?([^\"']*)[\"']?", Pattern.CASE_INSENSITIVE);

    private Data() {}

    /**
     * Reads a CSV file with a header row.
     *
     * @param path the file
     * @return a new table named after the file
     * @throws IllegalArgumentException naming file, line and column when a row is malformed
     */
    public static Table csv(String path) {
        return csv(Path.of(path));
    }

    /**
     * Reads a CSV file with a header row.
     *
     * @param path the file
     * @return a new table named after the file
     * @throws IllegalArgumentException naming file, line and column when a row is malformed
     */
    public static Table csv(Path path) {
        requireFile(path);
        try {
            return Table.read().usingOptions(CsvReadOptions.builder(path.toFile()).tableName(name(path))
                    .missingValueIndicator("", "NA", "NaN").commentPrefix('\0').maxCharsPerColumn(1 << 20));
        } catch (RuntimeException e) {
            // Tablesaw rejects ragged rows but names no file line, so only now (off the fast path)
            // rescan with a quote-aware splitter to find the line and column.
            checkShape(path);
            throw locate(path, e);
        }
    }

    /**
     * Reads a JSON file holding an array of flat objects (one per row), or an object of columns.
     *
     * @param path the file
     * @return a new table named after the file
     */
    public static Table json(String path) {
        return json(Path.of(path));
    }

    /**
     * Reads a JSON file holding an array of flat objects (one per row), or an object of columns.
     *
     * @param path the file
     * @return a new table named after the file
     * @throws IllegalArgumentException naming file, line and column for a syntax error
     */
    public static Table json(Path path) {
        requireFile(path);
        try {
            Table t = new JsonReader().read(JsonReadOptions.builder(path.toFile()).tableName(name(path)).build());
            t.setName(name(path));
            return t;
        } catch (RuntimeException e) {
            Throwable c = e;
            while (c != null) {
                if (c instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
                    throw new IllegalArgumentException(path + ":" + j.getLocation().getLineNr() + ", column "
                            + j.getLocation().getColumnNr() + ": invalid JSON: " + j.getOriginalMessage(), e);
                }
                c = c.getCause();
            }
            throw new IllegalArgumentException("Cannot read " + path + " as a table: " + e.getMessage()
                    + ". Expected an array of flat objects like [{\"a\": 1, \"b\": \"x\"}, ...]", e);
        }
    }

    private static void requireFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("No file " + path.toAbsolutePath() + "; check the name, or that the notebook runs in "
                    + Path.of("").toAbsolutePath());
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

    /** Turns a Tablesaw parse failure into file:line, column by finding the offending value. */
    private static IllegalArgumentException locate(Path path, RuntimeException e) {
        String msg = String.valueOf(e.getMessage());
        Matcher m = BAD_VALUE.matcher(msg);
        if (m.find() && !m.group(1).isEmpty()) {
            String bad = m.group(1);
            try {
                List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
                String[] header = lines.getFirst().split(",", -1);
                for (int i = 1; i < lines.size(); i++) {
                    String[] f = lines.get(i).split(",", -1);
                    for (int j = 0; j < f.length && j < header.length; j++) {
                        if (f[j].strip().equals(bad)) {
                            return new IllegalArgumentException(path + ":" + (i + 1) + ", column '" + header[j] + "': cannot read '"
                                    + bad + "' as the type detected from the rows above it; fix the value, or read with "
                                    + "Table.read().usingOptions(...columnTypes(...)) to choose the type", e);
                        }
                    }
                }
            } catch (IOException ignored) {
                // fall through to the general message
            }
        }
        return new IllegalArgumentException("Cannot read " + path + " as CSV: " + msg, e);
    }
}
