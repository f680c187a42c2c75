package dev.jotter.kernel.session;

import java.util.regex.Pattern;

/**
 * What kind of snippet a piece of a cell is, read from its first words without compiling it: an
 * expression whose value to show, a statement, a call of the display API. Each answer only
 * chooses the quickest way to run the snippet; JShell still evaluates anything misread as written.
 */
public final class SnippetKinds {
    private SnippetKinds() {}

    /**
     * The prefix of the variable that holds the last expression's value; hidden from %who like
     * JShell's $N.
     */
    public static final String VALUE_VAR = "$jotter$value";

    /** First words of snippets that cannot be expressions: no need to try them as one. */
    private static final Pattern NOT_AN_EXPRESSION = Pattern.compile(
            "^(?:[@{;]|(?:import|package|class|interface|enum|record|public|private|protected|static|final|abstract|sealed"
                    + "|non-sealed|var|void|if|for|while|do|try|return|throw|break|continue|synchronized|assert|yield)\\b)");

    /**
     * Snippets that begin like a variable declaration: a type (qualified, generic, array) and a
     * name, then {@code =}, {@code ;} or the end. Two names in a row never begin an expression, so
     * trying them as one would only cost a rejected compilation; were one misread, JShell would
     * still evaluate it as written and show its value.
     */
    private static final Pattern DECLARATION = Pattern.compile(
            "^[A-Za-z_$][\\w$.]*(?:\\s*<[\\w$.,\\s?\\[\\]<>]*>)?(?:\\s*\\[\\s*\\])*\\s+[A-Za-z_$][\\w$]*\\s*(?:=(?!=)|;|$)");

    /**
     * Snippets that begin with a call of {@code System.out.println} or its friends: they are that
     * void call or do not compile as an expression at all, so trying them as a value would only
     * cost a rejected compilation.
     */
    private static final Pattern PRINT_CALL = Pattern.compile(
            "^System\\s*\\.\\s*(?:out|err)\\s*\\.\\s*print(?:ln)?\\s*\\(");

    /**
     * Snippets that begin with a statement's keyword or a block: they declare nothing a later cell
     * could use, so they may be compiled as a statement.
     */
    private static final Pattern STATEMENT = Pattern.compile("^(?:\\{|(?:if|for|while|do|try|switch|throw|synchronized|assert)\\b)");

    /**
     * @param snippetSource one snippet
     * @return the snippet without a trailing semicolon when it may be an expression whose value
     *     to show, or null when it cannot be one (a declaration, a statement, a print call)
     */
    public static String expressionOf(String snippetSource) {
        String source = snippetSource.strip();
        if (source.isEmpty() || NOT_AN_EXPRESSION.matcher(source).find() || PRINT_CALL.matcher(source).find()
                || DECLARATION.matcher(source).find()) {
            return null;
        }
        return source.endsWith(";") ? source.substring(0, source.length() - 1) : source;
    }

    /**
     * @param snippetSource one snippet that is not a declaration
     * @return whether it can declare nothing a later cell could use (a print call, a loop, a block),
     *     so that it may be compiled as a statement
     */
    public static boolean isStatement(String snippetSource) {
        String source = snippetSource.strip();
        return PRINT_CALL.matcher(source).find() || STATEMENT.matcher(source).find();
    }

    /**
     * Whether a snippet is one call of the display API, whose display id would otherwise be shown
     * as the cell's Out[n] below the very thing it displayed (IPython shows nothing either).
     * {@code String id = display(x);} and {@code display(x).length()} keep their values.
     *
     * @param snippetSource one snippet
     * @return whether it is a display call alone, with at most a semicolon and a comment after it
     */
    public static boolean isDisplayCall(String snippetSource) {
        String s = snippetSource.strip();
        if (!s.startsWith("display")) {
            return false;
        }
        int i = "display".length();
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '(') {
            return false;
        }
        int depth = 0;
        char quote = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                // Only a semicolon and a comment may follow: display(x); // why
                return s.substring(i + 1).matches("(?s)\\s*;?\\s*(//.*|/\\*.*\\*/\\s*)?");
            }
        }
        return false;
    }

}
