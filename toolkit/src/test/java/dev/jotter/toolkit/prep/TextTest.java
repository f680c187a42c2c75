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
                f.transform(docs)[0], 1e-12);
        // max_features=3 keeps the most frequent terms, ties alphabetical: [a, cat, dog]
        assertEquals(List.of("a", "cat", "dog"), TfIdf.builder().optMaxFeatures(3).build().fit(docs).terms());
        assertArrayEquals(new double[7], f.transform(List.of(""))[0]);
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
