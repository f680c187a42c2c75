package dev.jotter.toolkit.prep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps tokens to integer ids for embedding layers: {@code <pad>} is 0, {@code <unk>} is 1,
 * then words by descending frequency (ties alphabetical, so the ids are reproducible).
 *
 * <pre>{@code
 * jshell> var tok = Tokenizer.standard()
 * jshell> var vocab = Vocabulary.builder().optMaxSize(5000).optMinFrequency(2).build(tok.tokenizeAll(texts))
 * jshell> int[][] x = Vocabulary.padSequences(vocab.encodeAll(tok.tokenizeAll(texts)), 40)
 * }</pre>
 */
public final class Vocabulary {

    /** The padding token, always id 0. */
    public static final String PAD = "<pad>";
    /** The unknown-word token, always id 1. */
    public static final String UNK = "<unk>";

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.ids = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            ids.put(tokens.get(i), i);
        }
    }

    /**
     * A vocabulary of every token seen at least once.
     *
     * @param docs tokenized documents
     * @return the vocabulary
     */
    public static Vocabulary of(List<List<String>> docs) {
        return builder().build(docs);
    }

    /**
     * A vocabulary with the given ids, e.g. one read back from a file written with {@link #tokens()}.
     *
     * <pre>{@code
     * jshell> Vocabulary.fromTokens(List.of("<pad>", "<unk>", "good", "bad")).id("bad")
     * $1 ==> 3
     * }</pre>
     *
     * @param tokens every token, index = id; must start with {@code <pad>} and {@code <unk>}, no duplicates
     * @return the vocabulary
     * @throws IllegalArgumentException if the specials are missing or a token is null, empty or repeated
     */
    public static Vocabulary fromTokens(List<String> tokens) {
        if (tokens.size() < 2 || !PAD.equals(tokens.get(0)) || !UNK.equals(tokens.get(1))) {
            throw new IllegalArgumentException("Expected <pad> and <unk> as ids 0 and 1 in Vocabulary.fromTokens, found "
                    + tokens.subList(0, Math.min(2, tokens.size())));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t == null || t.isEmpty()) {
                throw new IllegalArgumentException("Expected a non-empty token at id " + i + " in Vocabulary.fromTokens, found " + (t == null ? "null" : "an empty one"));
            }
            if (!seen.add(t)) {
                throw new IllegalArgumentException("Expected distinct tokens in Vocabulary.fromTokens, found '" + t + "' twice (again at id " + i + ")");
            }
        }
        return new Vocabulary(tokens);
    }

    /** @return a builder with no size limit and minimum frequency 1 */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Vocabulary}; DJL style, every setting optional. */
    public static final class Builder {
        private int maxSize = Integer.MAX_VALUE;
        private int minFrequency = 1;

        private Builder() {}

        /**
         * @param maxSize the most ids, counting {@code <pad>} and {@code <unk>}; at least 2
         * @return this builder
         */
        public Builder optMaxSize(int maxSize) {
            if (maxSize < 2) {
                throw new IllegalArgumentException("Expected a Vocabulary maxSize of at least 2 (room for <pad> and <unk>), found " + maxSize);
            }
            this.maxSize = maxSize;
            return this;
        }

        /**
         * @param minFrequency words seen fewer times become {@code <unk>}; at least 1
         * @return this builder
         */
        public Builder optMinFrequency(int minFrequency) {
            if (minFrequency < 1) {
                throw new IllegalArgumentException("Expected a Vocabulary minFrequency of 1 or more, found " + minFrequency);
            }
            this.minFrequency = minFrequency;
            return this;
        }

        /**
         * Counts the tokens and assigns ids.
         *
         * @param docs tokenized documents
         * @return the vocabulary
         */
        public Vocabulary build(List<List<String>> docs) {
            Map<String, Integer> counts = new HashMap<>();
            for (List<String> d : docs) {
                for (String t : d) {
                    counts.merge(t, 1, Integer::sum);
                }
            }
            counts.remove(PAD);
            counts.remove(UNK);
            List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
            entries.removeIf(e -> e.getValue() < minFrequency);
            entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            List<String> tokens = new ArrayList<>();
            tokens.add(PAD);
            tokens.add(UNK);
            for (var e : entries) {
                if (tokens.size() >= maxSize) {
                    break;
                }
                tokens.add(e.getKey());
            }
            return new Vocabulary(tokens);
        }
    }

    /** @return the number of ids, including {@code <pad>} and {@code <unk>} */
    public int size() {
        return tokens.size();
    }

    /** @return every token, index = id */
    public List<String> tokens() {
        return tokens;
    }

    /**
     * @param token a token
     * @return its id, or 1 ({@code <unk>}) for an unknown token
     */
    public int id(String token) {
        return ids.getOrDefault(token, 1);
    }

    /**
     * @param id an id
     * @return its token
     */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("Expected a vocabulary id in 0.." + (tokens.size() - 1) + ", found " + id);
        }
        return tokens.get(id);
    }

    /**
     * @param tokens a tokenized text
     * @return one id per token (unknown words are 1)
     */
    public int[] encode(List<String> tokens) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = id(tokens.get(i));
        }
        return out;
    }

    /**
     * @param docs tokenized texts
     * @return one id sequence per text
     */
    public List<int[]> encodeAll(List<List<String>> docs) {
        List<int[]> out = new ArrayList<>(docs.size());
        for (List<String> d : docs) {
            out.add(encode(d));
        }
        return out;
    }

    /**
     * Turns ids back into tokens, leaving out padding.
     *
     * @param ids an id sequence
     * @return the tokens
     */
    public List<String> decode(int[] ids) {
        List<String> out = new ArrayList<>();
        for (int id : ids) {
            if (id != 0) {
                out.add(token(id));
            }
        }
        return out;
    }

    /**
     * Makes every sequence exactly {@code maxLen} long: shorter ones are padded with 0 at the
     * end, longer ones cut at the end (the start of a review usually says the most).
     *
     * @param sequences id sequences
     * @param maxLen the length of every output row, at least 1
     * @return a {@code sequences.size() x maxLen} array
     */
    public static int[][] padSequences(List<int[]> sequences, int maxLen) {
        if (maxLen < 1) {
            throw new IllegalArgumentException("Expected a padSequences maxLen of 1 or more, found " + maxLen);
        }
        int[][] out = new int[sequences.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOf(sequences.get(i), maxLen);
        }
        return out;
    }

    /**
     * Two vocabularies are equal when they give every token the same id.
     *
     * @param o another object
     * @return whether {@code o} is a vocabulary with the same tokens in the same order
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && tokens.equals(v.tokens);
    }

    /** @return a hash of the tokens in order */
    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary[" + tokens.size() + " ids: " + tokens.subList(0, Math.min(10, tokens.size())) + (tokens.size() > 10 ? ", ...]" : "]");
    }
}
