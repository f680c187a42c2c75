package dev.jotter.kernel.session;

import dev.jotter.magics.MagicLine;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

/**
 * Help while typing: completion, documentation at the cursor (inspection) and whether a cell is
 * complete, for Java through JShell's source analysis and for magics through their registry.
 */
public final class CodeAssistance {
    private final Supplier<JShell> shell;
    private final MagicHost magics;
    private volatile PackageNames packageNames;

    /**
     * @param shell the session's JShell, waited for when asked
     * @param magics the magics host
     */
    public CodeAssistance(Supplier<JShell> shell, MagicHost magics) {
        this.shell = shell;
        this.magics = magics;
    }

    /**
     * Offers package names from now on; until then completion offers none.
     *
     * @param names the package names of the kernel's class path
     */
    public void setPackageNames(PackageNames names) {
        this.packageNames = names;
    }

    /**
     * Code completion: matches replace the text between start and end.
     *
     * @param matches the completions, best first
     * @param start UTF-16 offset where the replaced text begins
     * @param end UTF-16 offset where it ends
     */
    public record Completion(List<String> matches, int start, int end) {}

    /**
     * Completes the code at the cursor: Java through JShell, magic names after % and %%.
     *
     * @param code the cell
     * @param cursor UTF-16 offset of the cursor
     * @return the completion
     */
    public Completion complete(String code, int cursor) {
        var magic = magics.registry().complete(code, cursor);
        if (magic.isPresent()) {
            return new Completion(magic.get().matches(), magic.get().start(), magic.get().end());
        }
        Span span = javaSpan(code, cursor);
        int[] anchor = new int[1];
        int rel = cursor - span.start();
        List<SourceCodeAnalysis.Suggestion> suggestions =
                shell.get().sourceCodeAnalysis().completionSuggestions(span.text(), rel, anchor);
        Set<String> seen = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType).forEach(s -> seen.add(s.continuation()));
        suggestions.forEach(s -> seen.add(s.continuation()));
        // Package names, which JShell would have taken from the class index it no longer builds.
        String before = span.text().substring(Math.max(0, rel - 300), rel);
        Matcher m = DOTTED_NAME_AT_END.matcher(before);
        if (m.find() && packageNames != null) {
            String parent = m.group(1) == null ? "" : m.group(1).replaceAll("\\s+", "");
            String partial = m.group(2);
            boolean sameAnchor = suggestions.isEmpty() || anchor[0] == rel - partial.length();
            if (sameAnchor && (parent.isEmpty() || packageNames.isPackageOrPrefix(parent))) {
                seen.addAll(packageNames.next(parent, partial));
                anchor[0] = rel - partial.length();
            }
        }
        return new Completion(List.copyOf(seen), span.start() + anchor[0], cursor);
    }

    /** A dotted name (a.b.c) ending at the end of the text: group 1 before the last dot, group 2 after it. */
    private static final Pattern DOTTED_NAME_AT_END = Pattern.compile(
            "(?<![\\w$.])(?:((?:[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*\\s*\\.\\s*)*"
                    + "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)\\s*\\.\\s*)?([\\p{javaJavaIdentifierPart}]*)$");

    /**
     * Documentation for the token at or before the cursor: signature and javadoc.
     *
     * @param code the cell
     * @param cursor UTF-16 offset of the cursor
     * @return plain text, or null when nothing is known there
     */
    public String inspect(String code, int cursor) {
        Span span = javaSpan(code, cursor);
        String text = span.text();
        int rel = cursor - span.start();
        // Extend to the end of the identifier under the cursor so "Math.ma|x" and "Math.max|" both work.
        int end = rel;
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
            end++;
        }
        SourceCodeAnalysis sca = shell.get().sourceCodeAnalysis();
        List<SourceCodeAnalysis.Documentation> docs = sca.documentation(text, end, true);
        if (docs.isEmpty()) {
            String call = text.substring(0, end) + "(";
            docs = sca.documentation(call, call.length(), true);
        }
        StringBuilder sb = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append(d.signature());
            if (d.javadoc() != null && !d.javadoc().isBlank()) {
                sb.append("\n\n").append(Javadoc.toText(d.javadoc()));
            }
        }
        if (sb.isEmpty()) {
            int start = end;
            while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
                start--;
            }
            String name = text.substring(start, end);
            for (VarSnippet v : shell.get().variables().toList()) {
                if (v.name().equals(name)) {
                    return v.typeName() + " " + v.name() + " = " + shell.get().varValue(v);
                }
            }
            return null;
        }
        return sb.toString();
    }

    /** The Java snippet around a cursor, without magic lines or the cell's earlier snippets. */
    private record Span(String text, int start) {}

    private Span javaSpan(String code, int cursor) {
        // JShell sees plain Java with unchanged offsets.
        String all = MagicLine.blankMagics(code);
        SourceCodeAnalysis sca = shell.get().sourceCodeAnalysis();
        int start = 0;
        String remaining = all;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(remaining);
            if (!info.completeness().isComplete() || info.remaining().isEmpty()) {
                break;
            }
            int next = all.length() - info.remaining().length();
            if (next >= cursor || next <= start) {
                break;
            }
            start = next;
            remaining = info.remaining();
        }
        return new Span(all.substring(start), start);
    }

    /**
     * is_complete's answer.
     *
     * @param status "complete", "incomplete" or "invalid"
     * @param indent the indent for the next line, when incomplete
     */
    public record CompleteStatus(String status, String indent) {}

    /**
     * Whether the code is a complete cell: "complete", "incomplete" (with the indent for the
     * next line) or "invalid".
     *
     * @param code the code typed so far
     * @return status and indent
     */
    public CompleteStatus isComplete(String code) {
        if (MagicLine.isCellMagic(code)) {
            // As in IPython: a cell magic's body ends with an empty line.
            String[] lines = code.split("\n", -1);
            int first = 0;
            while (lines[first].isBlank()) {
                first++;
            }
            return code.endsWith("\n\n") || (lines.length > first + 1 && lines[lines.length - 1].isBlank() && code.endsWith("\n"))
                    ? new CompleteStatus("complete", "") : new CompleteStatus("incomplete", "");
        }
        String status = magics.registry().isComplete(code, java -> javaCompleteness(java).status());
        return status.equals("incomplete") ? new CompleteStatus(status, javaCompleteness(MagicLine.javaOnly(code)).indent())
                : new CompleteStatus(status, "");
    }

    private CompleteStatus javaCompleteness(String java) {
        String remaining = java;
        SourceCodeAnalysis sca = shell.get().sourceCodeAnalysis();
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> remaining = info.remaining();
                case EMPTY -> {
                    return new CompleteStatus("complete", "");
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return new CompleteStatus("incomplete", " ".repeat(4 * Math.max(0, depth(remaining))));
                }
                case UNKNOWN -> {
                    return new CompleteStatus("invalid", "");
                }
            }
        }
        return new CompleteStatus("complete", "");
    }

    private static int depth(String code) {
        int d = 0;
        for (char c : code.toCharArray()) {
            if (c == '{' || c == '(' || c == '[') {
                d++;
            } else if (c == '}' || c == ')' || c == ']') {
                d--;
            }
        }
        return d;
    }
}
