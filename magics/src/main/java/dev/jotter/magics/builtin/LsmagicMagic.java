package dev.jotter.magics.builtin;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.CellMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.Magic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import java.util.List;

/** {@code %lsmagic}: lists every line and cell magic with its summary. */
public final class LsmagicMagic extends AbstractMagic implements LineMagic {

    /** Creates the magic; found by ServiceLoader. */
    public LsmagicMagic() {
        super("lsmagic", "List all magics", """
                %lsmagic

                Lists every line magic (%name) and cell magic (%%name) with a one-line summary.
                Run %help NAME for a magic's full usage.
                """);
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        if (!args.isBlank()) {
            throw MagicArgs.usageError(this, "%lsmagic takes no arguments, got: " + args);
        }
        context.out().print(listing(context.magics()));
        context.out().flush();
        return null;
    }

    /**
     * @param magics the magics to list
     * @return the listing text, one magic per line, line magics first
     */
    static String listing(List<Magic> magics) {
        StringBuilder sb = new StringBuilder("Line magics:\n");
        append(sb, magics, false);
        sb.append("\nCell magics:\n");
        append(sb, magics, true);
        sb.append("\nRun %help NAME for details.\n");
        return sb.toString();
    }

    private static void append(StringBuilder sb, List<Magic> magics, boolean cell) {
        String sign = cell ? "%%" : "%";
        List<Magic> kind = magics.stream().filter(m -> cell ? m instanceof CellMagic : m instanceof LineMagic).toList();
        List<String> heads = kind.stream().map(m -> {
            StringBuilder h = new StringBuilder(sign).append(m.name());
            m.aliases().forEach(a -> h.append(", ").append(sign).append(a));
            return h.toString();
        }).toList();
        int width = heads.stream().mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < kind.size(); i++) {
            sb.append("  ").append(heads.get(i)).append(" ".repeat(width - heads.get(i).length() + 2))
                    .append(kind.get(i).summary()).append('\n');
        }
    }
}
