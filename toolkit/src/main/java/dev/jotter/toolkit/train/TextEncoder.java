package dev.jotter.toolkit.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns sentences into fixed-length token-id rows for the transformer: lower-cased word tokens,
 * a vocabulary of the most frequent training words (0 = padding, 1 = unknown word), truncation
 * and zero padding at the end. Kept with the fitted model so prediction encodes text exactly as
 * training did.
 *
 * @param vocabulary id to word; ids 0 and 1 are {@code <pad>} and {@code <unk>}
 * @param maxLength tokens per row
 */
record TextEncoder(List<String> vocabulary, int maxLength) {

    static final int PAD = 0;
    static final int UNKNOWN = 1;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+|[!?]");

    TextEncoder {
        vocabulary = List.copyOf(vocabulary);
    }

    static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Builds the vocabulary from training texts: most frequent first, ties alphabetically. */
    static TextEncoder fit(List<String> texts, int maxVocabulary, int maxLength) {
        Map<String, Integer> counts = new HashMap<>();
        for (String t : texts) {
            for (String w : tokenize(t)) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey()) : b.getValue() - a.getValue());
        List<String> vocab = new ArrayList<>(List.of("<pad>", "<unk>"));
        for (Map.Entry<String, Integer> e : entries) {
            if (vocab.size() >= maxVocabulary) {
                break;
            }
            vocab.add(e.getKey());
        }
        return new TextEncoder(vocab, maxLength);
    }

    int[][] encode(List<String> texts) {
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            ids.put(vocabulary.get(i), i);
        }
        int[][] out = new int[texts.size()][maxLength];
        for (int r = 0; r < texts.size(); r++) {
            String text = texts.get(r);
            if (text == null) {
                throw new IllegalArgumentException("Text " + r + " is null; expected a string (use \"\" for an empty one).");
            }
            List<String> words = tokenize(text);
            for (int j = 0; j < Math.min(maxLength, words.size()); j++) {
                out[r][j] = ids.getOrDefault(words.get(j), UNKNOWN);
            }
        }
        return out;
    }
}
