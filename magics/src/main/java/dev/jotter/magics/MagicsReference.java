package dev.jotter.magics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates the magics reference ({@code docs/magics.md}) from each magic's {@link Magic#usage()},
 * so the docs and {@code %help} never disagree.
 */
public final class MagicsReference {

    private MagicsReference() {}

    /**
     * Renders the reference.
     *
     * @param magics the magics to document, e.g. {@code Magics.load().all()}
     * @return Markdown text
     */
    public static String markdown(List<Magic> magics) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Magics reference\n\n")
                .append("<!-- Generated from each magic's usage() by dev.jotter.magics.MagicsReference; do not edit.\n")
                .append("     Regenerate: ./mvnw -pl magics -am test -Dtest=MagicsReferenceTest -Djotter.regenerateDocs=true")
                .append(" -Dsurefire.failIfNoSpecifiedTests=false -->\n\n")
                .append("A line magic is `%name args` on a line of its own (column 0); Java code and line magics can be ")
                .append("mixed in one cell and run top to bottom. A cell magic is `%%name args` on the first line of a ")
                .append("cell and takes the rest of the cell as its body. Arguments are split like a shell: quote with ")
                .append("`'...'` or `\"...\"`, escape with `\\`, and end a line magic with `\\` to continue it on the next ")
                .append("line. `%lsmagic` lists the magics and `%help NAME` shows the text below.\n\n")
                .append("As in IJava, a line magic may also stand where Java expects a value, right after `=`, and gives ")
                .append("the magic's return value: `List<String> added = %jars lib/*.jar;` (the magic takes the rest of ")
                .append("the line; a final `;` ends the statement). An indented line magic that starts a statement inside ")
                .append("a block (`if (gpu) {` / `    %maven ...` / `}`) runs there too. From Java, ")
                .append("`lineMagic(\"maven\", List.of(\"g:a:1.0\"))` and `cellMagic(\"html\", List.of(), \"<b>hi</b>\")` ")
                .append("run a magic by name and return its value. What each magic returns: `%jars` and `%classpath` ")
                .append("the list of paths added, `%pwd` the folder, `%env NAME` the value; `%maven` and `%loadFromPOM` ")
                .append("return nothing, as in IJava; `%load` returns the last value of what it ran. IJava compatibility as a whole: ")
                .append("[ijava-compatibility.md](ijava-compatibility.md).\n\n");
        sb.append("| Magic | Summary |\n|---|---|\n");
        for (Magic m : magics) {
            sb.append("| [").append(heading(m)).append("](#").append(m.name().toLowerCase(java.util.Locale.ROOT)).append(") | ")
                    .append(m.summary()).append(" |\n");
        }
        for (Magic m : magics) {
            sb.append("\n## ").append(m.name()).append("\n\n").append(heading(m)).append("\n\n```\n")
                    .append(m.usage()).append("\n```\n");
        }
        return sb.toString();
    }

    private static String heading(Magic m) {
        StringBuilder h = new StringBuilder();
        if (m instanceof LineMagic) {
            h.append('`').append('%').append(m.name()).append('`');
            m.aliases().forEach(a -> h.append(", `%").append(a).append('`'));
        }
        if (m instanceof CellMagic) {
            if (!h.isEmpty()) {
                h.append(", ");
            }
            h.append("`%%").append(m.name()).append('`');
            m.aliases().forEach(a -> h.append(", `%%").append(a).append('`'));
        }
        return h.toString();
    }

    /**
     * Writes the reference for the magics on the class path.
     *
     * @param args the output file; {@code docs/magics.md} when none
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/magics.md");
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, markdown(Magics.load().all()), StandardCharsets.UTF_8);
    }
}
