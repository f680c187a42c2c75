package dev.jotter.magics;

import dev.jotter.api.JavaSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cell into Java code and magic calls, with IJava's rules: {@code %%name args} on the
 * first line makes the whole cell a cell magic whose body is the rest; otherwise every line that
 * starts (in column 0) with {@code %name} is a line magic and the lines between them are Java
 * code, run in order. A line magic ending with a backslash continues on the next line.
 *
 * <p>Lines inside text blocks and block comments are never magics, so a {@code %} there stays
 * Java. Leading blank lines before {@code %%name} are allowed.
 */
public final class MagicLine {

    private MagicLine() {}

    /** One piece of a cell, in the order it runs. */
    public sealed interface Part permits Code, LineCall, CellCall, Misplaced {}

    /**
     * Java code between magic lines.
     *
     * @param source the code, never blank
     * @param firstLine the 1-based line in the cell where it starts, for error messages
     */
    public record Code(String source, int firstLine) implements Part {}

    /**
     * A line magic call.
     *
     * @param name the name after {@code %}
     * @param args the rest of the line, trimmed, continuation lines joined with a space
     * @param line the 1-based line in the cell
     */
    public record LineCall(String name, String args, int line) implements Part {}

    /**
     * A cell magic call: the whole cell.
     *
     * @param name the name after {@code %%}
     * @param args the rest of the first line, trimmed
     * @param body every line after the first
     */
    public record CellCall(String name, String args, String body) implements Part {}

    /**
     * A {@code %%name} line that is not the cell's first line: an error, reported before anything runs.
     *
     * @param name the name after {@code %%}
     * @param line the 1-based line in the cell
     */
    public record Misplaced(String name, int line) implements Part {}

    /**
     * Splits a cell.
     *
     * @param cell the cell's source
     * @return its parts in order; one {@link CellCall} for a cell magic; empty for a blank cell
     */
    public static List<Part> parse(String cell) {
        String[] lines = cell.split("\r?\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first < lines.length && lines[first].startsWith("%%") && isNameStart(lines[first], 2)) {
            String head = lines[first];
            int nameEnd = nameEnd(head, 2);
            StringBuilder body = new StringBuilder();
            for (int i = first + 1; i < lines.length; i++) {
                body.append(lines[i]);
                if (i < lines.length - 1) {
                    body.append('\n');
                }
            }
            return List.of(new CellCall(head.substring(2, nameEnd), head.substring(nameEnd).trim(), body.toString()));
        }

        List<Part> parts = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        int codeStart = -1;
        JavaScanner scanner = new JavaScanner();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!scanner.inside() && line.startsWith("%%") && isNameStart(line, 2)) {
                flushCode(parts, code, codeStart);
                codeStart = -1;
                parts.add(new Misplaced(line.substring(2, nameEnd(line, 2)), i + 1));
                continue;
            }
            if (!scanner.inside() && line.startsWith("%") && isNameStart(line, 1)) {
                flushCode(parts, code, codeStart);
                codeStart = -1;
                int nameEnd = nameEnd(line, 1);
                String name = line.substring(1, nameEnd);
                StringBuilder args = new StringBuilder(line.substring(nameEnd).strip());
                int at = i;
                while (endsWithContinuation(args) && i + 1 < lines.length) {
                    String joined = args.substring(0, args.length() - 1).strip();
                    args.setLength(0);
                    args.append(joined).append(' ').append(lines[++i].strip());
                }
                parts.add(new LineCall(name, args.toString().strip(), at + 1));
                continue;
            }
            if (codeStart < 0) {
                codeStart = i + 1;
            }
            code.append(scanner.inside() ? line : inlineMagic(line, startsStatement(code))).append('\n');
            scanner.scan(line);
        }
        flushCode(parts, code, codeStart);
        return parts;
    }

    /** The call an inline line magic becomes: IJava's runtime helper, which returns the magic's value. */
    public static final String INLINE_CALL = "io.github.spencerpark.ijava.runtime.Magics.lineMagic(";

    /**
     * Rewrites a line magic that IJava accepts inside Java code into a call that runs it and
     * returns its value: one right after {@code =} ({@code List<String> added = %jars lib/*.jar;})
     * or one at the start of an indented line where a statement starts (inside a block). The
     * magic takes the rest of the line; a semicolon ending it ends the Java statement, not the
     * last argument. The line count stays the same, so errors keep their line numbers.
     *
     * @param line a line of Java code that does not start inside a comment or text block
     * @param statementStart whether a statement starts on this line (the code before it ends with
     *     {@code ;}, <code>{</code> or <code>}</code>), so that an indented {@code % x} continuing an
     *     expression stays Java's remainder operator
     * @return the line with the magic replaced by a call, or the line itself when it has none
     */
    static String inlineMagic(String line, boolean statementStart) {
        int percent = line.indexOf('%');
        if (percent < 0) {
            return line;
        }
        int at;
        if (statementStart && percent > 0 && line.substring(0, percent).isBlank()) {
            at = percent;
        } else {
            at = afterAssignment(line);
        }
        if (at < 0 || !isNameStart(line, at + 1)) {
            return line;
        }
        int nameEnd = nameEnd(line, at + 1);
        String name = line.substring(at + 1, nameEnd);
        String args = line.substring(nameEnd).strip();
        if (args.endsWith(";")) {
            args = args.substring(0, args.length() - 1).stripTrailing();
        }
        List<String> words;
        try {
            words = MagicArgs.split(args);
        } catch (MagicException e) {
            // Left as written: javac then points at the % of a magic it cannot read.
            return line;
        }
        StringBuilder call = new StringBuilder(line.substring(0, at)).append(INLINE_CALL).append(JavaSource.stringLiteral(name))
                .append(", java.util.List.<String>of(");
        for (int i = 0; i < words.size(); i++) {
            call.append(i == 0 ? "" : ", ").append(JavaSource.stringLiteral(words.get(i)));
        }
        return call.append("));").toString();
    }

    /** Whether the Java code gathered so far ends where a new statement may start. */
    private static boolean startsStatement(CharSequence code) {
        for (int i = code.length() - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == ';' || c == '{' || c == '}';
            }
        }
        return true;
    }

    /**
     * The index of a {@code %} that directly follows an assignment's {@code =} (spaces between),
     * outside string and character literals and comments, or -1.
     */
    private static int afterAssignment(String line) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                if (line.startsWith("\"\"\"", i)) {
                    return -1;
                }
                i = JavaScanner.skipLiteral(line, i);
            } else if (line.startsWith("//", i) || line.startsWith("/*", i)) {
                return -1;
            } else if (c == '=' && (i == 0 || "=!<>+-*/%&|^".indexOf(line.charAt(i - 1)) < 0)
                    && (i + 1 >= n || line.charAt(i + 1) != '=')) {
                int j = i + 1;
                while (j < n && Character.isWhitespace(line.charAt(j))) {
                    j++;
                }
                if (j < n && line.charAt(j) == '%') {
                    return j;
                }
                i++;
            } else {
                i++;
            }
        }
        return -1;
    }

    /**
     * Whether every magic line of a cell is finished: no unclosed quote and no trailing
     * continuation backslash. Java code is not checked here.
     *
     * @param cell the cell's source
     * @return false when the frontend should ask for another line
     */
    public static boolean magicsComplete(String cell) {
        for (Part part : parse(cell)) {
            String args = switch (part) {
                case LineCall l -> l.args();
                case CellCall c -> c.args();
                case Code c -> null;
                case Misplaced m -> null;
            };
            if (args == null) {
                continue;
            }
            if (endsWithContinuation(new StringBuilder(args))) {
                return false;
            }
            try {
                MagicArgs.split(args);
            } catch (MagicException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * The Java code of a cell with magic lines removed, for the kernel's completeness check.
     *
     * @param cell the cell's source
     * @return the code parts joined by newlines; empty for a cell magic or a magics-only cell
     */
    public static String javaOnly(String cell) {
        StringBuilder sb = new StringBuilder();
        for (Part part : parse(cell)) {
            if (part instanceof Code c) {
                sb.append(c.source()).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * The cell with its magic lines blanked out by spaces, for Java tools (completion,
     * documentation) that need plain Java at the cell's own offsets. A cell magic keeps its body,
     * which may be Java ({@code %%time}); only its first line is blanked.
     *
     * @param cell the cell's source
     * @return a string of the same length with magic lines replaced by spaces
     */
    public static String blankMagics(String cell) {
        String[] lines = cell.split("\n", -1);
        boolean[] magic = new boolean[lines.length];
        List<Part> parts = parse(cell);
        if (parts.size() == 1 && parts.getFirst() instanceof CellCall) {
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    magic[i] = true;
                    break;
                }
            }
        } else {
            java.util.Arrays.fill(magic, true);
            for (Part part : parts) {
                if (part instanceof Code c) {
                    int n = c.source().split("\n", -1).length;
                    for (int i = c.firstLine() - 1; i < Math.min(lines.length, c.firstLine() - 1 + n); i++) {
                        magic[i] = false;
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder(cell.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(magic[i] ? " ".repeat(lines[i].length()) : lines[i]);
        }
        return sb.toString();
    }

    /**
     * @param cell the cell's source
     * @return whether the cell is one cell magic ({@code %%name} on its first non-blank line)
     */
    public static boolean isCellMagic(String cell) {
        List<Part> parts = parse(cell);
        return parts.size() == 1 && parts.getFirst() instanceof CellCall;
    }

    private static void flushCode(List<Part> parts, StringBuilder code, int start) {
        if (!code.toString().isBlank()) {
            String src = code.toString();
            parts.add(new Code(src.endsWith("\n") ? src.substring(0, src.length() - 1) : src, start));
        }
        code.setLength(0);
    }

    private static boolean endsWithContinuation(CharSequence args) {
        int n = args.length();
        if (n == 0 || args.charAt(n - 1) != '\\') {
            return false;
        }
        // An even run of backslashes is escaped backslashes, not a continuation.
        int run = 0;
        for (int i = n - 1; i >= 0 && args.charAt(i) == '\\'; i--) {
            run++;
        }
        return run % 2 == 1;
    }

    private static boolean isNameStart(String line, int at) {
        return at < line.length() && (Character.isLetter(line.charAt(at)) || line.charAt(at) == '_');
    }

    private static int nameEnd(String line, int from) {
        int i = from;
        while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    /** Tracks, line by line, whether the next line starts inside a text block or block comment. */
    private static final class JavaScanner {
        private boolean blockComment;
        private boolean textBlock;

        boolean inside() {
            return blockComment || textBlock;
        }

        void scan(String line) {
            int i = 0;
            int n = line.length();
            while (i < n) {
                if (blockComment) {
                    int end = line.indexOf("*/", i);
                    if (end < 0) {
                        return;
                    }
                    blockComment = false;
                    i = end + 2;
                } else if (textBlock) {
                    int end = closingTextBlock(line, i);
                    if (end < 0) {
                        return;
                    }
                    textBlock = false;
                    i = end + 3;
                } else if (line.startsWith("//", i)) {
                    return;
                } else if (line.startsWith("/*", i)) {
                    blockComment = true;
                    i += 2;
                } else if (line.startsWith("\"\"\"", i)) {
                    textBlock = true;
                    i += 3;
                } else if (line.charAt(i) == '"' || line.charAt(i) == '\'') {
                    i = skipLiteral(line, i);
                } else {
                    i++;
                }
            }
        }

        private static int closingTextBlock(String line, int from) {
            for (int i = from; i < line.length(); i++) {
                if (line.charAt(i) == '\\') {
                    i++;
                } else if (line.startsWith("\"\"\"", i)) {
                    return i;
                }
            }
            return -1;
        }

        static int skipLiteral(String line, int start) {
            char quote = line.charAt(start);
            int i = start + 1;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == quote) {
                    return i + 1;
                } else {
                    i++;
                }
            }
            return i;
        }
    }
}
