package dev.jotter.toolkit.grading;

import java.util.ArrayList;
import java.util.List;

/** Finds the top-level classes a cell declares, for {@code %%test} to hand to the launcher. */
final class TestClasses {
    private TestClasses() {}

    /**
     * The names of the classes (and records) declared at the cell's top level, outside comments,
     * strings and nested blocks, in order.
     *
     * @param source the cell's Java source
     * @return the names
     */
    static List<String> declaredIn(String source) {
        String code = blankCommentsAndLiterals(source);
        List<String> names = new ArrayList<>();
        int depth = 0;
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                depth--;
                i++;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < code.length() && Character.isJavaIdentifierPart(code.charAt(i))) {
                    i++;
                }
                String word = code.substring(start, i);
                boolean keyword = word.equals("class") || word.equals("record");
                boolean member = start > 0 && code.charAt(start - 1) == '.';
                if (depth == 0 && keyword && !member) {
                    int j = i;
                    while (j < code.length() && Character.isWhitespace(code.charAt(j))) {
                        j++;
                    }
                    int k = j;
                    while (k < code.length() && Character.isJavaIdentifierPart(code.charAt(k))) {
                        k++;
                    }
                    if (k > j) {
                        names.add(code.substring(j, k));
                    }
                    i = k;
                }
            } else {
                i++;
            }
        }
        return names;
    }

    /** The source with comments, strings (text blocks too) and char literals replaced by spaces. */
    static String blankCommentsAndLiterals(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (; i < end; i++) {
                    out.append(s.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? s.length() : end + 3;
                for (; i < end; i++) {
                    out.append(s.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"' || c == '\'') {
                out.append(' ');
                i++;
                while (i < s.length() && s.charAt(i) != c && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '\\') {
                        out.append(' ');
                        i++;
                    }
                    if (i < s.length()) {
                        out.append(' ');
                        i++;
                    }
                }
                if (i < s.length()) {
                    out.append(' ');
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
