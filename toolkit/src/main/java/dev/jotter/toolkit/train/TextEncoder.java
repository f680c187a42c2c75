package dev.jotter.toolkit.train;

import dev.jotter.toolkit.prep.Tokenizer;
import dev.jotter.toolkit.prep.Vocabulary;
import java.util.List;
import java.util.Objects;

/**
 * Turns sentences into fixed-length token-id rows for the transformer with the toolkit's shared
 * text tools: {@link Tokenizer} words, {@link Vocabulary} ids (0 = padding, 1 = unknown word) and
 * {@link Vocabulary#padSequences} (cut or zero-padded at the end). Kept with the fitted model so
 * prediction encodes text exactly as training did.
 *
 * @param tokenizer how texts are split into words
 * @param vocabulary word to id
 * @param maxLength tokens per row
 */
record TextEncoder(Tokenizer tokenizer, Vocabulary vocabulary, int maxLength) {

    TextEncoder {
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(vocabulary, "vocabulary");
    }

    /** Builds the vocabulary from training texts: most frequent first, ties alphabetically. */
    static TextEncoder fit(Tokenizer tokenizer, List<String> texts, int maxVocabulary, int maxLength) {
        Vocabulary vocabulary = Vocabulary.builder().optMaxSize(maxVocabulary).build(tokenizer.tokenizeAll(checked(texts)));
        return new TextEncoder(tokenizer, vocabulary, maxLength);
    }

    int[][] encode(List<String> texts) {
        return Vocabulary.padSequences(vocabulary.encodeAll(tokenizer.tokenizeAll(checked(texts))), maxLength);
    }

    private static List<String> checked(List<String> texts) {
        for (int r = 0; r < texts.size(); r++) {
            if (texts.get(r) == null) {
                throw new IllegalArgumentException("Expected a string as text " + r + ", found null; use \"\" for an empty one.");
            }
        }
        return texts;
    }
}
