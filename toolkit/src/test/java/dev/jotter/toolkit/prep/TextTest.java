package dev.jotter.toolkit.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.data.Datasets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {

    private final Tokenizer tok = Tokenizer.standard();

    @Test
    void tokenizerEdgeCases() {
        assertEquals(List.of("great", "food", "didn't", "love", "the", "service"), tok.tokenize("Great food -- didn't LOVE the service!"));
        assertEquals(List.of(), tok.tokenize(""));
        assertEquals(List.of(), tok.tokenize("  ...!!  "));
        assertEquals(List.of(), tok.tokenize(null));
        assertEquals(List.of("rock", "n", "roll", "1", "10"), tok.tokenize("'rock' n' roll: 1/10"));
        assertEquals(List.of("Hello,", "World!"), new Tokenizer(false, false, 1).tokenize("Hello,  World!"));
    }

    @Test
    void vocabularyOrderSpecialsAndLimits() {
        var docs = List.of(tok.tokenize("the cat sat"), tok.tokenize("the dog sat down"), tok.tokenize("the end"));
        var v = Vocabulary.of(docs);
        assertEquals(List.of("<pad>", "<unk>", "the", "sat", "cat", "dog", "down", "end"), v.tokens());
        assertArrayEquals(new int[] {2, 4, 1}, v.encode(List.of("the", "cat", "zebra")));
        assertArrayEquals(new int[] {}, v.encode(List.of()));
        var small = Vocabulary.builder().optMaxSize(3).build(docs);
        assertEquals(List.of("<pad>", "<unk>", "the"), small.tokens());
        var frequent = Vocabulary.builder().optMinFrequency(2).build(docs);
        assertEquals(List.of("<pad>", "<unk>", "the", "sat"), frequent.tokens());
        assertEquals(List.of("the", "<unk>"), v.decode(new int[] {2, 1, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.builder().optMaxSize(1));
    }

    @Test
    void vocabularyFromTokensRoundTrips() {
        var v = Vocabulary.of(List.of(tok.tokenize("the cat sat on the mat")));
        var back = Vocabulary.fromTokens(v.tokens());
        assertEquals(v, back);
        assertEquals(v.hashCode(), back.hashCode());
        assertEquals(v.id("cat"), back.id("cat"));
        assertNotEquals(v, Vocabulary.of(List.of(tok.tokenize("the dog"))));
        var e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.fromTokens(List.of("<unk>", "<pad>", "a")));
        assertTrue(e.getMessage().contains("[<unk>, <pad>]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.fromTokens(List.of("<pad>", "<unk>", "a", "b", "a")));
        assertTrue(e.getMessage().contains("found 'a' twice (again at id 4)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.fromTokens(List.of("<pad>", "<unk>", "")));
    }

    @Test
    void padSequences() {
        int[][] p = Vocabulary.padSequences(List.of(new int[] {5, 6, 7}, new int[] {}, new int[] {1, 2, 3, 4, 5}), 4);
        assertArrayEquals(new int[] {5, 6, 7, 0}, p[0]);
        assertArrayEquals(new int[] {0, 0, 0, 0}, p[1]); // all padding
        assertArrayEquals(new int[] {1, 2, 3, 4}, p[2]);
    }

    @Test
    void tfIdfMatchesScikitLearn() {
        // TfidfVectorizer(token_pattern=r"(?u)\b\w+\b").fit(docs) with Debian scikit-learn 1.2.1:
        // features [a, and, cat, dog, down, sat, the]; idf_ and transform(docs)[0] below.
        var docs = List.of("the cat sat", "the dog sat down", "a cat and a dog");
        var f = TfIdf.builder().build().fit(docs);
        assertEquals(List.of("a", "and", "cat", "dog", "down", "sat", "the"), f.terms());
        assertArrayEquals(new double[] {1.6931471805599454, 1.6931471805599454, 1.2876820724517808, 1.2876820724517808,
            1.6931471805599454, 1.2876820724517808, 1.2876820724517808}, f.idf(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0.5773502691896257, 0, 0, 0.5773502691896257, 0.5773502691896257},
                f.transform(docs).row(0), 1e-12);
        // max_features=3 keeps the most frequent terms, ties alphabetical: [a, cat, dog]
        assertEquals(List.of("a", "cat", "dog"), TfIdf.builder().optMaxFeatures(3).build().fit(docs).terms());
        assertArrayEquals(new double[7], f.transform(List.of("")).row(0));
        assertEquals(0, f.transform(List.of("", "zebra")).nnz()); // empty and unknown texts store nothing
    }

    @Test
    void sparseTfIdfEqualsTheDenseComputationAndIsUnitNorm() {
        var docs = Datasets.text("sentiment").texts().subList(0, 300);
        var fitted = TfIdf.builder().build().fit(docs.subList(0, 200));
        var x = fitted.transform(docs);
        double[][] expected = denseTfIdf(fitted, docs);
        assertEquals(docs.size(), x.rows());
        assertEquals(fitted.terms().size(), x.cols());
        double[][] dense = x.toDense();
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], dense[i], 1e-6, "row " + i);
            double norm = 0;
            for (double v : x.rowValues(i)) {
                norm += v * v;
            }
            boolean anyKnown = tok.tokenize(docs.get(i)).stream().anyMatch(fitted.terms()::contains);
            assertEquals(anyKnown ? 1.0 : 0.0, norm, 1e-9, "squared norm of row " + i);
        }
    }

    @Test
    void sparseTfIdfMemoryGrowsWithTheNonZerosNotTheVocabulary() {
        var texts = Datasets.text("sentiment").texts();
        var x = TfIdf.builder().build().fit(texts).transform(texts);
        long tokens = texts.stream().mapToLong(t -> tok.tokenize(t).size()).sum();
        assertTrue(x.nnz() <= tokens, x + " stores more values than the " + tokens + " tokens");
        assertEquals(4L * (x.rows() + 1) + 12L * x.nnz(), x.bytes());
        // The dense matrix is rows x terms doubles; the sparse one a small fraction of it.
        assertTrue(x.bytes() * 50 < 8L * x.rows() * x.cols(), x.toString());
    }

    /** The dense TF-IDF Jotter computed before it went sparse, kept as the reference the sparse one must equal. */
    private double[][] denseTfIdf(TfIdf.Fitted fitted, List<String> texts) {
        List<String> terms = fitted.terms();
        double[] idf = fitted.idf();
        double[][] out = new double[texts.size()][terms.size()];
        for (int i = 0; i < out.length; i++) {
            double[] row = out[i];
            for (String t : tok.tokenize(texts.get(i))) {
                int j = terms.indexOf(t);
                if (j >= 0) {
                    row[j] += 1;
                }
            }
            double norm = 0;
            for (int j = 0; j < row.length; j++) {
                row[j] *= idf[j];
                norm += row[j] * row[j];
            }
            for (int j = 0; norm > 0 && j < row.length; j++) {
                row[j] /= Math.sqrt(norm);
            }
        }
        return out;
    }

    @Test
    void sentimentEndToEnd() {
        var s = Datasets.text("sentiment");
        var docs = tok.tokenizeAll(s.texts());
        var v = Vocabulary.builder().optMaxSize(2000).optMinFrequency(2).build(docs);
        assertEquals(2000, v.size());
        assertEquals("the", v.token(2));
        int[][] x = Vocabulary.padSequences(v.encodeAll(docs), 20);
        assertEquals(3000, x.length);
        assertEquals(20, x[0].length);
    }
}
