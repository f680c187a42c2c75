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
                .append("line. `%lsmagic` lists the magics and `%help NAME` shows the text below.\n\n");
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
