package dev.jotter.api;

/**
 * HTML text for values, where the toolkit or a magic writes HTML output: table cells, the
 * training progress line, {@code %whos}. One escaping for all of them, so that a value shows the
 * same wherever it is shown and none of them can be made to inject markup.
 */
public final class Html {
    private Html() {}

    /**
     * Escapes text for HTML element content and quoted attribute values.
     *
     * <pre>{@code
     * jshell> Html.escape("<b>\"Smith & Sons\"</b>")
     * "&lt;b&gt;&quot;Smith &amp; Sons&quot;&lt;/b&gt;"
     * }</pre>
     *
     * @param s raw text
     * @return the text with {@code & < > " '} escaped
     */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
