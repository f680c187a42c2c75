package dev.jotter.magics.builtin;

import dev.jotter.api.Html;
import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code %whos [TYPE ...]}: a table of the user's variables with types and short values. */
public final class WhosMagic extends AbstractMagic implements LineMagic {
    private static final int MAX_VALUE = 60;

    /** Creates the magic; found by ServiceLoader. */
    public WhosMagic() {
        super("whos", "Table of your variables with types and values", """
                %whos [TYPE ...]

                Shows every variable declared in this session with its declared type and the
                start of its value, as a table. With TYPE arguments only variables of those
                declared types are shown.
                """);
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        Set<String> types = Set.copyOf(MagicArgs.split(args));
        List<MagicContext.Variable> vars = filter(context.variables(), types);
        if (vars.isEmpty()) {
            context.out().println(empty(types));
            context.out().flush();
            return null;
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", text(vars));
        bundle.put("text/html", html(vars));
        context.displayBundle(bundle);
        return null;
    }

    static List<MagicContext.Variable> filter(List<MagicContext.Variable> vars, Set<String> types) {
        return types.isEmpty() ? vars : vars.stream().filter(v -> types.contains(v.type())).toList();
    }

    static String empty(Set<String> types) {
        return types.isEmpty() ? "No variables yet: declare one, e.g. var x = 1;"
                : "No variables of type " + String.join(", ", types.stream().sorted().toList()) + ".";
    }

    static String shorten(String value) {
        String flat = value == null ? "null" : value.replace('\n', ' ');
        return flat.length() <= MAX_VALUE ? flat : flat.substring(0, MAX_VALUE - 1) + "…";
    }

    private static String text(List<MagicContext.Variable> vars) {
        int nw = "Variable".length();
        int tw = "Type".length();
        for (MagicContext.Variable v : vars) {
            nw = Math.max(nw, v.name().length());
            tw = Math.max(tw, v.type().length());
        }
        StringBuilder sb = new StringBuilder();
        row(sb, "Variable", nw, "Type", tw, "Value");
        row(sb, "-".repeat(nw), nw, "-".repeat(tw), tw, "-".repeat(5));
        for (MagicContext.Variable v : vars) {
            row(sb, v.name(), nw, v.type(), tw, shorten(v.value()));
        }
        return sb.toString().stripTrailing();
    }

    private static void row(StringBuilder sb, String a, int aw, String b, int bw, String c) {
        sb.append(a).append(" ".repeat(aw - a.length() + 3)).append(b).append(" ".repeat(bw - b.length() + 3))
                .append(c).append('\n');
    }

    private static String html(List<MagicContext.Variable> vars) {
        StringBuilder sb = new StringBuilder("<table><thead><tr><th>Variable</th><th>Type</th><th>Value</th></tr></thead><tbody>");
        for (MagicContext.Variable v : vars) {
            sb.append("<tr><td>").append(Html.escape(v.name())).append("</td><td><code>").append(Html.escape(v.type()))
                    .append("</code></td><td>").append(Html.escape(shorten(v.value()))).append("</td></tr>");
        }
        return sb.append("</tbody></table>").toString();
    }
}
