package dev.jotter.toolkit.prep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF features with scikit-learn's {@code TfidfVectorizer} defaults: raw term counts,
 * smoothed idf {@code ln((1 + n) / (1 + df)) + 1}, rows scaled to unit L2 norm, features in
 * alphabetical order. With a feature limit the most frequent terms in the corpus are kept
 * (ties alphabetical).
 *
 * <pre>{@code
 * jshell> var tfidf = TfIdf.builder().optMaxFeatures(2000).build().fit(trainTexts)
 * jshell> double[][] x = tfidf.transform(testTexts)
 * }</pre>
 *
 * @param tokenizer how texts are split
 * @param maxFeatures the most terms kept
 */
public record TfIdf(Tokenizer tokenizer, int maxFeatures) {

    /**
     * Checks the configuration.
     *
     * @throws IllegalArgumentException if maxFeatures is below 1
     */
    public TfIdf {
        java.util.Objects.requireNonNull(tokenizer, "tokenizer");
        if (maxFeatures < 1) {
            throw new IllegalArgumentException("Expected TfIdf maxFeatures of 1 or more, found " + maxFeatures);
        }
    }

    /** @return a builder: standard tokenizer, no feature limit */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TfIdf}; DJL style, every setting optional. */
    public static final class Builder {
        private Tokenizer tokenizer = Tokenizer.standard();
        private int maxFeatures = Integer.MAX_VALUE;

        private Builder() {}

        /**
         * @param tokenizer how texts are split (default {@link Tokenizer#standard()})
         * @return this builder
         */
        public Builder optTokenizer(Tokenizer tokenizer) {
            this.tokenizer = tokenizer;
            return this;
        }

        /**
         * @param maxFeatures the most terms kept (default: all)
         * @return this builder
         */
        public Builder optMaxFeatures(int maxFeatures) {
            this.maxFeatures = maxFeatures;
            return this;
        }

        /** @return the vectorizer */
        public TfIdf build() {
            return new TfIdf(tokenizer, maxFeatures);
        }
    }

    /**
     * Learns the vocabulary and idf weights.
     *
     * @param texts training texts
     * @return the fitted vectorizer
     */
    public Fitted fit(List<String> texts) {
        Map<String, int[]> stats = new HashMap<>(); // term -> {corpus count, document frequency}
        for (String t : texts) {
            Map<String, Integer> tf = new HashMap<>();
            for (String tok : tokenizer.tokenize(t)) {
                tf.merge(tok, 1, Integer::sum);
            }
            tf.forEach((term, c) -> {
                int[] s = stats.computeIfAbsent(term, k -> new int[2]);
                s[0] += c;
                s[1]++;
            });
        }
        List<String> terms = new ArrayList<>(stats.keySet());
        if (terms.size() > maxFeatures) {
            terms.sort((a, b) -> stats.get(b)[0] != stats.get(a)[0] ? Integer.compare(stats.get(b)[0], stats.get(a)[0]) : a.compareTo(b));
            terms = new ArrayList<>(terms.subList(0, maxFeatures));
        }
        terms.sort(null);
        double[] idf = new double[terms.size()];
        int n = texts.size();
        for (int j = 0; j < idf.length; j++) {
            idf[j] = Math.log((1.0 + n) / (1.0 + stats.get(terms.get(j))[1])) + 1;
        }
        return new Fitted(tokenizer, terms, idf);
    }

    /**
     * A fitted TF-IDF vectorizer.
     *
     * @param tokenizer how texts are split
     * @param terms the features, alphabetical
     * @param idf idf weight per feature
     */
    public record Fitted(Tokenizer tokenizer, List<String> terms, double[] idf) {

        /** Copies the inputs. */
        public Fitted {
            terms = List.copyOf(terms);
            idf = idf.clone();
        }

        @Override
        public double[] idf() {
            return idf.clone();
        }

        /**
         * @param texts texts to vectorize; unknown words are ignored, an empty text gives a zero row
         * @return {@code texts.size() x terms().size()} values, each row unit L2 norm (or zero)
         */
        public double[][] transform(List<String> texts) {
            Map<String, Integer> index = new HashMap<>();
            for (int j = 0; j < terms.size(); j++) {
                index.put(terms.get(j), j);
            }
            double[][] out = new double[texts.size()][terms.size()];
            for (int i = 0; i < out.length; i++) {
                double[] row = out[i];
                for (String tok : tokenizer.tokenize(texts.get(i))) {
                    Integer j = index.get(tok);
                    if (j != null) {
                        row[j] += 1;
                    }
                }
                double norm = 0;
                for (int j = 0; j < row.length; j++) {
                    row[j] *= idf[j];
                    norm += row[j] * row[j];
                }
                if (norm > 0) {
                    norm = Math.sqrt(norm);
                    for (int j = 0; j < row.length; j++) {
                        row[j] /= norm;
                    }
                }
            }
            return out;
        }

        /**
         * As {@link #transform} but float32, row-major in one array, for DJL.
         *
         * @param texts texts to vectorize
         * @return {@code texts.size() * terms().size()} values
         */
        public float[] transformFlat(List<String> texts) {
            double[][] d = transform(texts);
            int p = terms.size();
            float[] out = new float[d.length * p];
            for (int i = 0; i < d.length; i++) {
                for (int j = 0; j < p; j++) {
                    out[i * p + j] = (float) d[i][j];
                }
            }
            return out;
        }
    }
}
