package dev.jotter.kernel.session;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns raw javadoc (HTML plus inline tags) into plain text for the inspector and pager. */
final class Javadoc {
    private static final Pattern INLINE = Pattern.compile("\\{@(?:code|literal|link|linkplain|value)\\s+([^}]*)}");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

    private Javadoc() {}

    static String toText(String javadoc) {
        Matcher m = INLINE.matcher(javadoc);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String body = m.group(1).strip();
            // {@link Type#member label}: show the label if given, else Type.member
            int space = body.indexOf(' ');
            String shown = m.group().startsWith("{@link") && space > 0 ? body.substring(space + 1) : body.replace('#', '.');
            if (shown.startsWith(".")) {
                shown = shown.substring(1);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(shown));
        }
        m.appendTail(sb);
        String text = sb.toString().replaceAll("(?i)<p>|<br\\s*/?>", "\n");
        text = TAG.matcher(text).replaceAll("");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", "\"");
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(line.startsWith(" ") ? line.substring(1) : line).append('\n');
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }
}
