package dev.jotter.magics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The registry of magics and the kernel's entry point to them: lookup by name or alias,
 * running a whole cell (Java code and magic lines in order), completion and is_complete.
 *
 * <p>Typical kernel use: {@code Magics magics = Magics.load();} once, then
 * {@code magics.run(cellSource, context)} for every execute_request whose cell contains a
 * magic ({@link #hasMagics}), {@link #complete(String, int)} for complete_request and
 * {@link #isComplete} for is_complete_request.
 */
public final class Magics {
    private final List<Magic> all;
    private final Map<String, LineMagic> lines = new LinkedHashMap<>();
    private final Map<String, CellMagic> cells = new LinkedHashMap<>();

    private Magics(Collection<? extends Magic> magics) {
        List<Magic> distinct = new ArrayList<>();
        for (Magic m : magics) {
            // A class that is both a line and a cell magic is listed in both service files; show it once.
            if (distinct.stream().noneMatch(d -> d.getClass() == m.getClass())) {
                distinct.add(m);
            }
            if (m instanceof LineMagic l) {
                register(lines, l);
            }
            if (m instanceof CellMagic c) {
                register(cells, c);
            }
        }
        distinct.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        this.all = List.copyOf(distinct);
    }

    private static <M extends Magic> void register(Map<String, M> map, M magic) {
        map.putIfAbsent(magic.name(), magic);
        for (String alias : magic.aliases()) {
            map.putIfAbsent(alias, magic);
        }
    }

    /**
     * Discovers every {@link LineMagic} and {@link CellMagic} registered in
     * {@code META-INF/services} on the class path of this class's loader.
     *
     * @return the registry
     */
    public static Magics load() {
        return load(Magics.class.getClassLoader());
    }

    /**
     * Discovers magics with a given class loader, e.g. one that includes plug-in jars.
     *
     * @param loader where to look for {@code META-INF/services} files
     * @return the registry
     */
    public static Magics load(ClassLoader loader) {
        List<Magic> found = new ArrayList<>();
        ServiceLoader.load(LineMagic.class, loader).forEach(found::add);
        ServiceLoader.load(CellMagic.class, loader).forEach(found::add);
        return new Magics(found);
    }

    /**
     * A registry of exactly the given magics, for tests and embedding.
     *
     * @param magics line and cell magics
     * @return the registry
     */
    public static Magics of(Collection<? extends Magic> magics) {
        return new Magics(magics);
    }

    /** @return every magic once, sorted by name */
    public List<Magic> all() {
        return all;
    }

    /**
     * @param name a line magic's name or alias, without {@code %}
     * @return the magic, if there is one
     */
    public Optional<LineMagic> lineMagic(String name) {
        return Optional.ofNullable(lines.get(name));
    }

    /**
     * @param name a cell magic's name or alias, without {@code %%}
     * @return the magic, if there is one
     */
    public Optional<CellMagic> cellMagic(String name) {
        return Optional.ofNullable(cells.get(name));
    }

    /**
     * Finds a magic of either kind for {@code %help}.
     *
     * @param name a name or alias, with or without leading {@code %} signs
     * @return the line magic of that name if there is one, else the cell magic
     */
    public Optional<Magic> find(String name) {
        String bare = stripPercent(name);
        if (name.startsWith("%%") && cells.containsKey(bare)) {
            return Optional.of(cells.get(bare));
        }
        Magic m = lines.get(bare);
        return Optional.ofNullable(m != null ? m : cells.get(bare));
    }

    /**
     * Runs a line magic.
     *
     * @param name its name or alias, without {@code %}
     * @param args the rest of the line
     * @param context the kernel's services
     * @return the magic's result, or {@code null}
     * @throws MagicException if there is no such line magic (with a suggestion) or the magic refused its input
     * @throws Exception whatever the magic threw
     */
    public Object runLine(String name, String args, MagicContext context) throws Exception {
        LineMagic magic = lines.get(name);
        if (magic == null) {
            throw unknown(name, false);
        }
        return magic.run(args == null ? "" : args, context);
    }

    /**
     * Runs a cell magic.
     *
     * @param name its name or alias, without {@code %%}
     * @param args the rest of the first line
     * @param body the remaining lines
     * @param context the kernel's services
     * @return the magic's result, or {@code null}
     * @throws MagicException if there is no such cell magic (with a suggestion) or the magic refused its input
     * @throws Exception whatever the magic threw
     */
    public Object runCell(String name, String args, String body, MagicContext context) throws Exception {
        CellMagic magic = cells.get(name);
        if (magic == null) {
            throw unknown(name, true);
        }
        return magic.run(args == null ? "" : args, body == null ? "" : body, context);
    }

    /**
     * Whether a cell needs this registry: it has a line magic or is a cell magic. Cells without
     * magics can go straight to JShell.
     *
     * @param cell the cell's source
     * @return true if {@link MagicLine#parse} finds any magic call, inline ones in Java code included
     */
    public static boolean hasMagics(String cell) {
        if (cell.indexOf('%') < 0) {
            return false;
        }
        return MagicLine.parse(cell).stream().anyMatch(p -> !(p instanceof MagicLine.Code c)
                || c.source().contains(MagicLine.INLINE_CALL));
    }

    /**
     * Runs a whole cell: Java code through {@link MagicContext#eval} and magics through this
     * registry, in order. Every magic name is checked before anything runs, so a typo on the
     * last line does not leave the cell half-evaluated.
     *
     * @param cell the cell's source
     * @param context the kernel's services
     * @return the result of the last part (the cell's {@code execute_result}), or {@code null}
     * @throws Exception the first failure; later parts do not run
     */
    public Object run(String cell, MagicContext context) throws Exception {
        List<MagicLine.Part> parts = MagicLine.parse(cell);
        check(parts);
        Object result = null;
        for (MagicLine.Part part : parts) {
            result = switch (part) {
                case MagicLine.Code c -> context.eval(c.source());
                case MagicLine.LineCall l -> runLine(l.name(), l.args(), context);
                case MagicLine.CellCall c -> runCell(c.name(), c.args(), c.body(), context);
                case MagicLine.Misplaced m -> throw new IllegalStateException("checked above");
            };
        }
        return result;
    }

    /**
     * Checks every magic named in a parsed cell before any part runs, so that a typo on the
     * last line does not leave the cell half-evaluated.
     *
     * @param parts the cell as {@link MagicLine#parse} split it
     * @throws MagicException for the first unknown or misplaced magic, with a suggestion
     */
    public void check(List<MagicLine.Part> parts) throws MagicException {
        for (MagicLine.Part part : parts) {
            if (part instanceof MagicLine.LineCall l && !lines.containsKey(l.name())) {
                throw unknown(l.name(), false);
            }
            if (part instanceof MagicLine.CellCall c && !cells.containsKey(c.name())) {
                throw unknown(c.name(), true);
            }
            if (part instanceof MagicLine.Misplaced m) {
                throw new MagicException("%%" + m.name() + " is on line " + m.line() + ", but a cell magic must be the first line"
                        + " of its cell. Move it to the top of a new cell" + (lines.containsKey(m.name())
                        ? ", or write %" + m.name() + " (one %) for the line magic." : "."));
            }
        }
    }

    /**
     * Magic names starting with a prefix, for completion.
     *
     * @param prefix what the user typed after {@code %} or {@code %%}
     * @param cell true after {@code %%}
     * @return matching names and aliases, without percent signs, sorted
     */
    public List<String> complete(String prefix, boolean cell) {
        TreeSet<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : (cell ? cells : lines).keySet()) {
            if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Completion at a cursor: magic names when the cursor is in a word that starts with
     * {@code %} or {@code %%} at the start of a line.
     *
     * @param code the cell's source
     * @param cursor the cursor offset in {@code code}
     * @return matches with percent signs and the range they replace, or empty when the cursor is not on a magic name
     */
    public Optional<Completion> complete(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', Math.max(0, cursor - 1)) + 1;
        if (cursor < lineStart || !code.startsWith("%", lineStart)) {
            return Optional.empty();
        }
        boolean cell = code.startsWith("%%", lineStart);
        int nameStart = lineStart + (cell ? 2 : 1);
        if (cursor < nameStart) {
            // Cursor right after '%' or '%%': everything matches.
            cursor = nameStart;
        }
        String typed = code.substring(nameStart, Math.min(cursor, code.length()));
        for (int i = 0; i < typed.length(); i++) {
            if (!Character.isLetterOrDigit(typed.charAt(i)) && typed.charAt(i) != '_') {
                return Optional.empty();
            }
        }
        // A cell magic only counts on the cell's first non-blank line.
        if (cell && !code.substring(0, lineStart).isBlank()) {
            return Optional.empty();
        }
        String sign = cell ? "%%" : "%";
        List<String> matches = complete(typed, cell).stream().map(n -> sign + n).toList();
        return Optional.of(new Completion(matches, lineStart, cursor));
    }

    /**
     * Magic-name completions and the text range they replace.
     *
     * @param matches candidates including their percent signs, e.g. {@code "%maven"}
     * @param start start offset of the replaced range (the first percent sign)
     * @param end end offset of the replaced range (the cursor)
     */
    public record Completion(List<String> matches, int start, int end) {}

    /**
     * The is_complete status of a cell that may contain magics.
     *
     * @param cell the cell's source
     * @param javaStatus the kernel's check of plain Java code, returning a Jupyter status
     *                   ({@code "complete"}, {@code "incomplete"}, {@code "invalid"} or {@code "unknown"})
     * @return {@code "incomplete"} while a magic line is unfinished (open quote, trailing
     *         backslash); {@code "complete"} for a cell magic, whose body is not Java; otherwise
     *         the status of the Java code between magic lines ({@code "complete"} if there is none)
     */
    public String isComplete(String cell, Function<String, String> javaStatus) {
        if (!MagicLine.magicsComplete(cell)) {
            return "incomplete";
        }
        List<MagicLine.Part> parts = MagicLine.parse(cell);
        if (parts.size() == 1 && parts.getFirst() instanceof MagicLine.CellCall) {
            return "complete";
        }
        String java = MagicLine.javaOnly(cell);
        return java.isBlank() ? "complete" : javaStatus.apply(java);
    }

    /**
     * The error for a name that is not a magic of the wanted kind, with the closest name as a
     * suggestion.
     *
     * @param name the name typed, without percent signs
     * @param cell whether it was typed as a cell magic
     * @return the exception to throw
     */
    public MagicException unknown(String name, boolean cell) {
        String sign = cell ? "%%" : "%";
        if (cell && lines.containsKey(name)) {
            return new MagicException("%%" + name + " is a line magic, not a cell magic. Write %" + name
                    + " on a line of its own (one %, not two).");
        }
        if (!cell && cells.containsKey(name)) {
            return new MagicException("%" + name + " is a cell magic, not a line magic. Write %%" + name
                    + " as the first line of the cell; the rest of the cell is its body.");
        }
        StringBuilder msg = new StringBuilder("Unknown magic ").append(sign).append(name)
                .append(". Run %lsmagic to list magics.");
        suggest(name, cell).ifPresent(s -> msg.append(" Did you mean ").append(s).append('?'));
        return new MagicException(msg.toString());
    }

    private Optional<String> suggest(String name, boolean cell) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String candidate : (cell ? cells : lines).keySet()) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        // Beyond about a third of the word the "suggestion" is usually unrelated noise.
        int limit = Math.max(1, Math.min(3, name.length() / 3 + 1));
        if (best == null || bestDistance > limit) {
            return Optional.empty();
        }
        return Optional.of((cell ? "%%" : "%") + best);
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String stripPercent(String name) {
        int i = 0;
        while (i < name.length() && name.charAt(i) == '%') {
            i++;
        }
        return name.substring(i);
    }
}
