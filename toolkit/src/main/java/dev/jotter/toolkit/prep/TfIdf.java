package dev.jotter.toolkit.prep;

import dev.jotter.toolkit.data.SparseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF features with scikit-learn's {@code TfidfVectorizer} defaults: raw term counts,
 * smoothed idf {@code ln((1 + n) / (1 + df)) + 1}, rows scaled to unit L2 norm, features in
 * alphabetical order. With a feature limit the most frequent terms in the corpus are kept
 * (ties alphabetical). The result is sparse, as scikit-learn's: only the terms a text uses are
 * stored.
 *
 * <pre>{@code
 * jshell> var tfidf = TfIdf.builder().optMaxFeatures(2000).build().fit(trainTexts)
 * jshell> SparseMatrix x = tfidf.transform(testTexts)     // MlpClassifier trains on it as it is
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
         * @param texts texts to vectorize; unknown words are ignored, an empty text gives an empty row
         * @return {@code texts.size() x terms().size()}, each row unit L2 norm (or empty); sparse,
         *     because a text uses a handful of the terms: call {@link SparseMatrix#toDense()} on a
         *     few rows to see every value
         */
        public SparseMatrix transform(List<String> texts) {
            Map<String, Integer> index = new HashMap<>(2 * terms.size());
            for (int j = 0; j < terms.size(); j++) {
                index.put(terms.get(j), j);
            }
            int[] starts = new int[texts.size() + 1];
            int[] columns = new int[16];
            double[] values = new double[16];
            int nnz = 0;
            int[] ids = new int[16];
            for (int i = 0; i < texts.size(); i++) {
                int n = 0;
                for (String tok : tokenizer.tokenize(texts.get(i))) {
                    Integer j = index.get(tok);
                    if (j != null) {
                        ids = n == ids.length ? Arrays.copyOf(ids, 2 * n) : ids;
                        ids[n++] = j;
                    }
                }
                // Sorted ids are the row's terms with their counts as runs, in column order.
                Arrays.sort(ids, 0, n);
                if (nnz + n > columns.length) {
                    columns = Arrays.copyOf(columns, Math.max(nnz + n, 2 * columns.length));
                    values = Arrays.copyOf(values, columns.length);
                }
                int rowStart = nnz;
                for (int a = 0; a < n; ) {
                    int b = a;
                    while (b < n && ids[b] == ids[a]) {
                        b++;
                    }
                    columns[nnz] = ids[a];
                    values[nnz++] = (b - a) * idf[ids[a]];
                    a = b;
                }
                // Summed in column order, as the dense computation did, so every value is the same to the last bit.
                double norm = 0;
                for (int k = rowStart; k < nnz; k++) {
                    norm += values[k] * values[k];
                }
                if (norm > 0) {
                    norm = Math.sqrt(norm);
                    for (int k = rowStart; k < nnz; k++) {
                        values[k] /= norm;
                    }
                }
                starts[i + 1] = nnz;
            }
            return SparseMatrix.of(texts.size(), terms.size(), starts, Arrays.copyOf(columns, nnz), Arrays.copyOf(values, nnz));
        }
    }
}
