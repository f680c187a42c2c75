package dev.jotter.toolkit.prep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into word tokens: optionally lowercased, punctuation removed (an apostrophe
 * inside a word stays, so "don't" is one token), split on whitespace. Unknown words are the
 * {@link Vocabulary}'s business ({@code <unk>}), not the tokenizer's.
 *
 * <pre>{@code
 * jshell> Tokenizer.standard().tokenize("Great food -- didn't LOVE the service!")
 * $1 ==> [great, food, didn't, love, the, service]
 * }</pre>
 *
 * @param lowercase whether to lowercase (root locale)
 * @param stripPunctuation whether punctuation separates and disappears; if false only whitespace splits
 * @param minLength tokens shorter than this are dropped (1 keeps everything; scikit-learn's default pattern uses 2)
 */
public record Tokenizer(boolean lowercase, boolean stripPunctuation, int minLength) {

    /**
     * Checks the configuration.
     *
     * @throws IllegalArgumentException if minLength is below 1
     */
    public Tokenizer {
        if (minLength < 1) {
            throw new IllegalArgumentException("Expected a Tokenizer minLength of 1 or more, found " + minLength);
        }
    }

    /** @return lowercase, strip punctuation, keep every token */
    public static Tokenizer standard() {
        return new Tokenizer(true, true, 1);
    }

    /**
     * Tokenizes one text.
     *
     * @param text any text; null or blank gives an empty list
     * @return the tokens in order
     */
    public List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String s = lowercase ? text.toLowerCase(Locale.ROOT) : text;
        StringBuilder tok = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean word = stripPunctuation ? Character.isLetterOrDigit(ch) || isInnerApostrophe(s, i) : !Character.isWhitespace(ch);
            if (word) {
                tok.append(ch);
            } else {
                flush(tok, out);
            }
        }
        flush(tok, out);
        return out;
    }

    /**
     * Tokenizes many texts.
     *
     * @param texts the texts
     * @return one token list per text
     */
    public List<List<String>> tokenizeAll(List<String> texts) {
        List<List<String>> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(tokenize(t));
        }
        return out;
    }

    private static boolean isInnerApostrophe(String s, int i) {
        char ch = s.charAt(i);
        return (ch == '\'' || ch == '\u2019') && i > 0 && i + 1 < s.length()
                && Character.isLetter(s.charAt(i - 1)) && Character.isLetter(s.charAt(i + 1));
    }

    private void flush(StringBuilder tok, List<String> out) {
        if (tok.length() >= minLength) {
            out.add(tok.toString());
        }
        tok.setLength(0);
    }
}
