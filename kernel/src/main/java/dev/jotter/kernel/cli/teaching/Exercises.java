package dev.jotter.kernel.cli.teaching;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exercise markup of a source notebook, in nbgrader's terms where they fit: cell metadata
 * {@code nbgrader: {grade, grade_id, points, solution, locked, schema_version}}, solution regions
 * between {@code // BEGIN SOLUTION} and {@code // END SOLUTION}, hidden tests between
 * {@code // BEGIN HIDDEN TESTS} and {@code // END HIDDEN TESTS}.
 *
 * <p>Three kinds of graded cell: an answer cell ({@code solution: true}), a test cell
 * ({@code grade: true}, a code cell that starts with {@code %%test}, worth its {@code points}),
 * and a locked cell ({@code locked: true}: instructions or set-up the student must not change).
 * Test cells are locked too. Differences from nbgrader are listed in docs/teaching.md.
 */
public final class Exercises {
    private Exercises() {}

    /** The stub a solution region becomes: compiles where a statement may stand, and fails the tests with a clear message. */
    static final String STUB_COMMENT = "// YOUR CODE HERE";
    static final String STUB_THROW = "throw new UnsupportedOperationException(\"not implemented yet\");";
    static final int SCHEMA_VERSION = 3;

    /** What a graded cell is. */
    public enum Kind {
        /** A student's answer: solution regions, or the whole cell. */
        ANSWER,
        /** A {@code %%test} cell, worth points. */
        TESTS,
        /** Read-only: instructions, data loading, helpers. */
        LOCKED
    }

    /**
     * A graded cell of a source notebook.
     *
     * @param id its grade_id
     * @param kind what it is
     * @param points what it is worth (test cells; 0 otherwise)
     * @param index its position among the notebook's cells
     */
    public record Cell(String id, Kind kind, double points, int index) {}

    /** An exercise markup mistake in a source notebook: the message names the cell and what to change. */
    public static final class MarkupException extends Exception {
        private static final long serialVersionUID = 1L;

        MarkupException(String message) {
            super(message);
        }
    }

    /**
     * Reads a notebook.
     *
     * @param file the .ipynb
     * @return its JSON
     * @throws IOException when it cannot be read or is not an nbformat 4 notebook; the message says which
     */
    public static JsonObject read(Path file) throws IOException {
        String text = Files.readString(file);
        JsonObject nb;
        try {
            nb = JsonParser.parseString(text).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(file.getFileName() + " is not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        boolean v4;
        try {
            v4 = nb.has("cells") && nb.get("cells").isJsonArray() && nb.has("nbformat") && nb.get("nbformat").getAsInt() == 4;
        } catch (RuntimeException e) {
            v4 = false;
        }
        if (!v4) {
            throw new IOException(file.getFileName() + " is not an nbformat 4 notebook (no cells list, or another nbformat)");
        }
        return nb;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** @return the cell's nbgrader metadata, or null */
    static JsonObject nbgrader(JsonObject cell) {
        JsonElement m = cell.get("metadata");
        if (m == null || !m.isJsonObject()) {
            return null;
        }
        JsonElement g = m.getAsJsonObject().get("nbgrader");
        return g != null && g.isJsonObject() ? g.getAsJsonObject() : null;
    }

    private static boolean flag(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
    }

    /** @return the cell's source as one string (nbformat allows a string or a list of lines) */
    static String source(JsonObject cell) {
        return text(cell.get("source"));
    }

    /** @return a multi-line nbformat string (a string, or a list of lines) as one string */
    static String text(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "";
        }
        if (e.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            e.getAsJsonArray().forEach(x -> sb.append(x.getAsString()));
            return sb.toString();
        }
        return e.getAsString();
    }

    /** Sets a cell's source as nbformat writes it: a list of lines, each with its newline but the last. */
    static void setSource(JsonObject cell, String text) {
        JsonArray lines = new JsonArray();
        Matcher m = Pattern.compile("[^\n]*\n|[^\n]+$").matcher(text);
        while (m.find()) {
            lines.add(m.group());
        }
        cell.add("source", lines);
    }

    /**
     * The graded cells of a source notebook, checked: unique grade ids, points on test cells,
     * test cells that start with {@code %%test}, balanced regions.
     *
     * @param nb the source notebook
     * @return its graded cells in order
     * @throws MarkupException naming the first mistake
     */
    public static List<Cell> graded(JsonObject nb) throws MarkupException {
        List<Cell> cells = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonArray all = nb.getAsJsonArray("cells");
        for (int i = 0; i < all.size(); i++) {
            JsonObject c = all.get(i).getAsJsonObject();
            JsonObject g = nbgrader(c);
            String where = "cell " + (i + 1);
            checkRegions(source(c), where);
            if (g == null) {
                if (source(c).contains("BEGIN SOLUTION") || source(c).contains("BEGIN HIDDEN TESTS")) {
                    throw new MarkupException(where + " has a BEGIN SOLUTION or BEGIN HIDDEN TESTS region but no nbgrader metadata:"
                            + " mark it as an answer (solution: true) or a test cell (grade: true) with a grade_id");
                }
                continue;
            }
            boolean grade = flag(g, "grade");
            boolean solution = flag(g, "solution");
            boolean locked = flag(g, "locked");
            if (!grade && !solution && !locked) {
                continue;
            }
            String id = g.has("grade_id") && g.get("grade_id").isJsonPrimitive() ? g.get("grade_id").getAsString() : "";
            if (id.isBlank()) {
                throw new MarkupException(where + " is marked for nbgrader but has no grade_id: give it a unique name, e.g. \"mse-tests\"");
            }
            where = where + " (" + id + ")";
            if (!ids.add(id)) {
                throw new MarkupException(where + ": the grade_id " + id + " is used twice; each graded cell needs its own");
            }
            boolean code = "code".equals(c.has("cell_type") ? c.get("cell_type").getAsString() : "");
            if (grade && solution) {
                throw new MarkupException(where + " is an answer that is graded by hand (grade and solution both true);"
                        + " Jotter grades with tests only: make it solution: true and grade its tests in a %%test cell");
            }
            if (grade) {
                if (!code || !source(c).stripLeading().startsWith("%%test")) {
                    throw new MarkupException(where + " is a test cell (grade: true) but is not a code cell that starts with %%test");
                }
                JsonElement p = g.get("points");
                double points;
                try {
                    points = p == null ? Double.NaN : p.getAsDouble();
                } catch (RuntimeException e) {
                    points = Double.NaN;
                }
                if (!(points >= 0)) {
                    throw new MarkupException(where + " is a test cell without points: add \"points\": 2 (any number >= 0) to its nbgrader metadata");
                }
                cells.add(new Cell(id, Kind.TESTS, points, i));
            } else if (solution) {
                if (!code) {
                    throw new MarkupException(where + " is an answer cell (solution: true) but not a code cell; written answers are not graded by Jotter");
                }
                cells.add(new Cell(id, Kind.ANSWER, 0, i));
            } else {
                cells.add(new Cell(id, Kind.LOCKED, 0, i));
            }
        }
        return cells;
    }

    private static final Pattern BEGIN_SOLUTION = Pattern.compile("^([ \\t]*)//\\s*BEGIN SOLUTION\\s*$");
    private static final Pattern END_SOLUTION = Pattern.compile("^[ \\t]*//\\s*END SOLUTION\\s*$");
    private static final Pattern BEGIN_HIDDEN = Pattern.compile("^[ \\t]*//\\s*BEGIN HIDDEN TESTS\\s*$");
    private static final Pattern END_HIDDEN = Pattern.compile("^[ \\t]*//\\s*END HIDDEN TESTS\\s*$");

    private static void checkRegions(String source, String where) throws MarkupException {
        String open = null;
        int line = 0;
        for (String l : source.split("\n", -1)) {
            line++;
            boolean bs = BEGIN_SOLUTION.matcher(l).matches();
            boolean bh = BEGIN_HIDDEN.matcher(l).matches();
            boolean es = END_SOLUTION.matcher(l).matches();
            boolean eh = END_HIDDEN.matcher(l).matches();
            if ((bs || bh) && open != null) {
                throw new MarkupException(where + ", line " + line + ": a region begins inside the " + open + " region; close it first");
            }
            if (bs) {
                open = "SOLUTION";
            } else if (bh) {
                open = "HIDDEN TESTS";
            } else if (es || eh) {
                String which = es ? "SOLUTION" : "HIDDEN TESTS";
                if (!which.equals(open)) {
                    throw new MarkupException(where + ", line " + line + ": // END " + which + " without its // BEGIN " + which);
                }
                open = null;
            }
        }
        if (open != null) {
            throw new MarkupException(where + ": // BEGIN " + open + " is never closed; add // END " + open);
        }
    }

    /**
     * The student's version of a cell's source: each solution region replaced by the stub at the
     * region's indentation, each hidden-test region removed. An answer cell with no region
     * becomes the stub as a whole.
     *
     * @param source the teacher's source
     * @param answer whether the cell is an answer cell
     * @return the released source
     */
    static String release(String source, boolean answer) {
        if (answer && !source.contains("BEGIN SOLUTION")) {
            return STUB_COMMENT + "\n" + STUB_THROW;
        }
        StringBuilder out = new StringBuilder();
        boolean inSolution = false;
        boolean inHidden = false;
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            Matcher bs = BEGIN_SOLUTION.matcher(l);
            String newline = i < lines.length - 1 ? "\n" : "";
            if (bs.matches()) {
                inSolution = true;
                out.append(bs.group(1)).append(STUB_COMMENT).append('\n').append(bs.group(1)).append(STUB_THROW).append('\n');
            } else if (END_SOLUTION.matcher(l).matches()) {
                inSolution = false;
            } else if (BEGIN_HIDDEN.matcher(l).matches()) {
                inHidden = true;
            } else if (END_HIDDEN.matcher(l).matches()) {
                inHidden = false;
            } else if (!inSolution && !inHidden) {
                out.append(l).append(newline);
            }
        }
        String s = out.toString();
        return s.endsWith("\n") && !source.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * A test cell's source with its {@code %%test} line worth the cell's points, so that the
     * table in the notebook and grades.csv agree.
     *
     * @param source the test cell's source
     * @param points the cell's nbgrader points
     * @return the source with {@code --points} set on its first line
     */
    static String withPoints(String source, double points) {
        int nl = source.indexOf('\n');
        String first = nl < 0 ? source : source.substring(0, nl);
        String rest = nl < 0 ? "" : source.substring(nl);
        String stripped = first.replaceAll("\\s--points(=|\\s+)\\S+", "").stripTrailing();
        return stripped + " --points " + formatPoints(points) + rest;
    }

    static String formatPoints(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }

    /**
     * The student version of a source notebook: solutions replaced by stubs, hidden tests removed,
     * every output and execution count cleared; test and locked cells read-only
     * ({@code editable: false, deletable: false}, which Jupyter honours without nbgrader).
     *
     * @param source the teacher's notebook (not changed)
     * @return the release
     * @throws MarkupException when the markup is wrong
     */
    public static JsonObject release(JsonObject source) throws MarkupException {
        Map<Integer, Cell> graded = new HashMap<>();
        for (Cell c : graded(source)) {
            graded.put(c.index(), c);
        }
        JsonObject nb = source.deepCopy();
        JsonArray cells = nb.getAsJsonArray("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonObject c = cells.get(i).getAsJsonObject();
            Cell g = graded.get(i);
            String src = source(c);
            if (g != null && g.kind() == Kind.TESTS) {
                src = withPoints(src, g.points());
            }
            if (g != null || src.contains("BEGIN SOLUTION") || src.contains("BEGIN HIDDEN TESTS")) {
                setSource(c, release(src, g != null && g.kind() == Kind.ANSWER));
            }
            if ("code".equals(c.has("cell_type") ? c.get("cell_type").getAsString() : "")) {
                c.add("outputs", new JsonArray());
                c.add("execution_count", JsonNull.INSTANCE);
            }
            if (g != null) {
                JsonObject meta = c.getAsJsonObject("metadata");
                nbgrader(c).addProperty("schema_version", SCHEMA_VERSION);
                boolean readOnly = g.kind() != Kind.ANSWER;
                nbgrader(c).addProperty("locked", readOnly);
                if (readOnly) {
                    meta.addProperty("editable", false);
                    meta.addProperty("deletable", false);
                } else {
                    meta.addProperty("deletable", false);
                }
            }
        }
        if (nb.has("metadata") && nb.get("metadata").isJsonObject()) {
            // What jotter run recorded about the teacher's run is not the student's.
            nb.getAsJsonObject("metadata").remove("jotter");
        }
        return nb;
    }

    /**
     * The notebook to grade: the student's cells, with every test and locked cell taken from the
     * source (hidden tests included, the student's copy ignored, a deleted one put back where it
     * was), an answer cell the student deleted put back as the stub, and nbgrader metadata the
     * source does not know removed, so no cell of the student's counts.
     *
     * @param source the teacher's notebook
     * @param submission the student's notebook
     * @param notes receives one sentence per cell the grader had to put back
     * @return the notebook to run
     * @throws MarkupException when the source's markup is wrong
     */
    public static JsonObject forGrading(JsonObject source, JsonObject submission, List<String> notes) throws MarkupException {
        List<Cell> graded = graded(source);
        Map<String, Cell> byId = new LinkedHashMap<>();
        graded.forEach(c -> byId.put(c.id(), c));
        JsonArray sourceCells = source.getAsJsonArray("cells");
        JsonArray result = new JsonArray();
        Map<String, Integer> placed = new HashMap<>();
        for (JsonElement e : submission.getAsJsonArray("cells")) {
            if (!e.isJsonObject()) {
                continue;
            }
            JsonObject c = e.getAsJsonObject().deepCopy();
            JsonObject g = nbgrader(c);
            String id = g != null && g.has("grade_id") && g.get("grade_id").isJsonPrimitive() ? g.get("grade_id").getAsString() : null;
            Cell known = id == null ? null : byId.get(id);
            if (known == null || placed.containsKey(id)) {
                if (g != null) {
                    // A cell that claims a grade id the source does not have (or a second copy): an ordinary cell.
                    c.getAsJsonObject("metadata").remove("nbgrader");
                }
                result.add(c);
                continue;
            }
            placed.put(id, result.size());
            if (known.kind() == Kind.ANSWER) {
                c.add("metadata", sourceCells.get(known.index()).getAsJsonObject().get("metadata").deepCopy());
                c.addProperty("cell_type", "code");
                result.add(c);
            } else {
                result.add(fromSource(sourceCells, known));
            }
        }
        // Put back what the student deleted, after the cell that precedes it in the source.
        for (int k = 0; k < graded.size(); k++) {
            Cell missing = graded.get(k);
            if (placed.containsKey(missing.id())) {
                continue;
            }
            int at = 0;
            for (int j = k - 1; j >= 0; j--) {
                Integer p = placed.get(graded.get(j).id());
                if (p != null) {
                    at = p + 1;
                    break;
                }
            }
            JsonObject back = fromSource(sourceCells, missing);
            if (missing.kind() == Kind.ANSWER) {
                setSource(back, release(source(back), true));
                notes.add("answer cell " + missing.id() + " was deleted: graded as unanswered");
            } else {
                notes.add((missing.kind() == Kind.TESTS ? "test cell " : "locked cell ") + missing.id() + " was deleted: put back from the source");
            }
            insert(result, at, back);
            for (Map.Entry<String, Integer> p : placed.entrySet()) {
                if (p.getValue() >= at) {
                    p.setValue(p.getValue() + 1);
                }
            }
            placed.put(missing.id(), at);
        }
        JsonObject nb = submission.deepCopy();
        nb.add("cells", result);
        nb.addProperty("nbformat", 4);
        if (!nb.has("nbformat_minor")) {
            nb.addProperty("nbformat_minor", 5);
        }
        if (!nb.has("metadata") || !nb.get("metadata").isJsonObject()) {
            nb.add("metadata", source.get("metadata").deepCopy());
        }
        // The grader knows a finished run by the record jotter run writes; a student's own run left one too.
        nb.getAsJsonObject("metadata").remove("jotter");
        return nb;
    }

    private static JsonObject fromSource(JsonArray sourceCells, Cell cell) {
        JsonObject c = sourceCells.get(cell.index()).getAsJsonObject().deepCopy();
        if (cell.kind() == Kind.TESTS) {
            setSource(c, withPoints(source(c), cell.points()));
        }
        if (c.has("outputs")) {
            c.add("outputs", new JsonArray());
            c.add("execution_count", JsonNull.INSTANCE);
        }
        return c;
    }

    private static void insert(JsonArray a, int at, JsonElement e) {
        List<JsonElement> all = new ArrayList<>();
        a.forEach(all::add);
        all.add(Math.min(at, all.size()), e);
        while (!a.isEmpty()) {
            a.remove(a.size() - 1);
        }
        all.forEach(a::add);
    }

    /** @return a primitive for JSON output of points: whole numbers without a fraction */
    static JsonPrimitive points(double p) {
        return p == Math.rint(p) ? new JsonPrimitive((long) p) : new JsonPrimitive(p);
    }
}
