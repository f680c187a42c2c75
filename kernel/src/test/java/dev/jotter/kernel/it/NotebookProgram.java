package dev.jotter.kernel.it;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

/**
 * Turns a notebook's Java cells into one plain Java program, a compact source file that the
 * {@code java} launcher runs with no kernel and no JShell: the reproducibility test's third path
 * beside the kernel and {@code jotter run}.
 *
 * <p>JShell's source analysis (no evaluation) splits each cell into snippets and says what each
 * is. Imports go to the top, with the kernel's default imports; methods and classes become
 * members of the program's class; a variable declared with a type becomes a field, assigned
 * where the cell declared it, so that lambdas and methods see it as JShell's variables are seen;
 * {@code var} declarations and statements run in order in {@code main}; an expression whose value
 * the kernel would show is evaluated and dropped. Magic lines and cells ({@code %...}) are not
 * Java and are left out, which the program's header says.
 *
 * <p>Usage: {@code NotebookProgram NOTEBOOK.ipynb PROGRAM.java}
 */
public final class NotebookProgram {
    /** The kernel's default imports (Session.DEFAULT_IMPORTS), which every cell sees. */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.time.*", "java.util.*",
            "java.util.concurrent.*", "java.util.function.*", "java.util.regex.*", "java.util.stream.*",
            "tech.tablesaw.api.*", "dev.jotter.toolkit.data.*", "dev.jotter.toolkit.prep.*",
            "dev.jotter.toolkit.train.*", "dev.jotter.toolkit.metrics.*", "dev.jotter.toolkit.plot.*",
            "static dev.jotter.kernel.Display.*");

    private static final Pattern SIMPLE_VALUE = Pattern.compile("[\\w.$]+;?");

    private NotebookProgram() {}

    /**
     * @param args the notebook and the program file to write
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: NotebookProgram NOTEBOOK.ipynb PROGRAM.java");
            System.exit(2);
        }
        JsonObject nb = JsonParser.parseString(Files.readString(Path.of(args[0]))).getAsJsonObject();
        List<String> cells = new ArrayList<>();
        for (JsonElement e : nb.getAsJsonArray("cells")) {
            JsonObject c = e.getAsJsonObject();
            if (c.get("cell_type").getAsString().equals("code")) {
                JsonElement source = c.get("source");
                StringBuilder text = new StringBuilder();
                if (source.isJsonArray()) {
                    source.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
                } else {
                    text.append(source.getAsString());
                }
                cells.add(text.toString());
            }
        }
        Files.writeString(Path.of(args[1]), program(Path.of(args[0]).getFileName().toString(), cells));
    }

    /**
     * @param name the notebook's file name, for the header
     * @param cells the source of each code cell, in order
     * @return the text of a compact source file with a {@code void main()}
     */
    static String program(String name, List<String> cells) {
        StringBuilder imports = new StringBuilder();
        StringBuilder members = new StringBuilder();
        StringBuilder body = new StringBuilder();
        List<String> skipped = new ArrayList<>();
        DEFAULT_IMPORTS.forEach(i -> imports.append("import ").append(i).append(";\n"));
        int temp = 0;
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            for (int c = 0; c < cells.size(); c++) {
                String rest = withoutMagics(cells.get(c), c, skipped);
                body.append("        // cell ").append(c + 1).append('\n');
                while (!rest.isBlank()) {
                    SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
                    if (!info.completeness().isComplete()) {
                        throw new IllegalArgumentException("Expected complete Java in code cell " + (c + 1) + " of " + name
                                + ", found an incomplete snippet: " + rest.strip() + "; fix the notebook's cell.");
                    }
                    // Comments out: a declaration's text then starts with its type and ends with its semicolon.
                    String src = withoutComments(info.source()).strip();
                    rest = info.remaining();
                    if (src.isEmpty()) {
                        continue;
                    }
                    if (!src.endsWith(";") && !src.endsWith("}")) {
                        // A cell's last expression, whose value the kernel shows: no statement as it stands.
                        body.append("        ").append(valueStatement(src, ++temp)).append('\n');
                        continue;
                    }
                    List<Snippet> snippets = analysis.sourceToSnippets(src);
                    Snippet s = snippets.getFirst();
                    switch (s.kind()) {
                        case IMPORT -> imports.append(src.strip()).append('\n');
                        case TYPE_DECL, METHOD -> members.append(src.strip()).append("\n\n");
                        case VAR -> {
                            VarSnippet v = (VarSnippet) s;
                            if (v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                                body.append("        ").append(valueStatement(src, ++temp)).append('\n');
                            } else {
                                String field = snippets.size() == 1 ? asField(v, src) : null;
                                if (field == null) {
                                    body.append("        ").append(src.strip()).append('\n');
                                } else {
                                    members.append("    ").append(v.typeName()).append(' ').append(v.name()).append(";\n");
                                    if (!field.isEmpty()) {
                                        body.append("        ").append(v.name()).append(" = ").append(field).append('\n');
                                    }
                                }
                            }
                        }
                        case EXPRESSION -> body.append("        ").append(valueStatement(src, ++temp)).append('\n');
                        default -> body.append("        ").append(src.strip()).append('\n');
                    }
                }
            }
        }
        return "// Generated from " + name + " by dev.jotter.kernel.it.NotebookProgram: the notebook's code cells as one\n"
                + "// plain Java program (java Program.java), for the reproducibility test."
                + (skipped.isEmpty() ? "" : " Left out (magics, not Java): " + String.join(", ", skipped) + ".")
                + "\n" + imports + "\n" + members + "\nvoid main() throws Exception {\n" + body + "}\n";
    }

    /** A cell without its magic lines; a cell magic ({@code %%}) leaves out the whole cell. */
    private static String withoutMagics(String cell, int index, List<String> skipped) {
        if (cell.stripLeading().startsWith("%%")) {
            skipped.add("cell " + (index + 1));
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String line : cell.split("\n", -1)) {
            if (line.stripLeading().startsWith("%")) {
                skipped.add("a line of cell " + (index + 1));
            } else {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    /**
     * The initializer of a declaration that can become a field (with its semicolon), "" for a
     * declaration without one, or null to keep it a local ({@code var}, an array initializer,
     * modifiers).
     */
    private static String asField(VarSnippet v, String src) {
        String type = v.typeName();
        if (type == null || type.isBlank() || type.equals("var")) {
            return null;
        }
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(type) + "\\s+" + Pattern.quote(v.name()) + "\\s*(=\\s*)?", Pattern.DOTALL)
                .matcher(src);
        if (!m.find()) {
            return null;
        }
        if (m.group(1) == null) {
            return src.substring(m.end()).strip().equals(";") ? "" : null;
        }
        String init = src.substring(m.end()).strip();
        return init.startsWith("{") ? null : init.endsWith(";") ? init : init + ";";
    }

    /** The source with its comments blanked out, so that its last character can be judged. */
    static String withoutComments(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '"' || c == '\'') {
                // A literal, copied as it is; text blocks are three of these in a row.
                int j = i + 1;
                while (j < src.length() && src.charAt(j) != c) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, src.length());
                out.append(src, i, j);
                i = j;
            } else if (src.startsWith("//", i)) {
                int j = src.indexOf('\n', i);
                i = j < 0 ? src.length() : j;
            } else if (src.startsWith("/*", i)) {
                int j = src.indexOf("*/", i + 2);
                i = j < 0 ? src.length() : j + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** An expression the kernel would show: a call stays a statement, any other value is kept in a variable. */
    private static String valueStatement(String src, int temp) {
        String e = src.strip();
        if (SIMPLE_VALUE.matcher(e).matches() || !e.replaceFirst(";$", "").endsWith(")")) {
            return "var $" + temp + " = " + (e.endsWith(";") ? e : e + ";");
        }
        return e.endsWith(";") ? e : e + ";";
    }
}
