package dev.jotter.api;

/**
 * Java source text for values, where the toolkit or a magic writes code meant to be run or pasted
 * back: the {@code CsvOptions} call chain in CSV error messages, {@code %%capture}'s variable, the
 * parameters {@code jotter run --param} injects into a notebook.
 */
public final class JavaSource {
    private JavaSource() {}

    /**
     * A Java string literal for {@code s}: quotes and backslashes escaped, control characters as
     * escapes, everything else as it is (so non-ASCII text stays readable in messages).
     *
     * <pre>{@code
     * jshell> System.out.println(JavaSource.stringLiteral("C:\\data\t\"5\""))
     * "C:\\data\t\"5\""
     * }</pre>
     *
     * @param s any text
     * @return the quoted literal, which evaluates to {@code s}
     */
    public static String stringLiteral(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < ' ' || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
