package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.data.Datasets;
import dev.jotter.toolkit.data.TextSet;
import dev.jotter.toolkit.metrics.ClassificationReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A text set's labels mean its own class names: a model scores a set by name, whatever order the
 * set lists its classes in. Before, {@code evaluate(TextSet)} read the indices as the model's and a
 * test set with its classes the other way round scored 0.142 instead of 0.858 without a word.
 */
class TextSetClassesTest {

    private static final String[] GOOD = {"good", "great", "lovely", "fine", "superb"};
    private static final String[] BAD = {"bad", "awful", "broken", "poor", "terrible"};

    /** Two-word texts from two word lists: class 1 ("pos") from GOOD, class 0 ("neg") from BAD. */
    private static TextSet reviews(int n, long seed) {
        Random r = new Random(seed);
        List<String> texts = new ArrayList<>();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            String[] words = labels[i] == 1 ? GOOD : BAD;
            texts.add(words[r.nextInt(words.length)] + " " + words[r.nextInt(words.length)]);
        }
        return new TextSet("reviews", texts, labels, List.of("neg", "pos"));
    }

    @Test
    void evaluateMatchesTheSetsClassesToTheModelsByName() {
        TransformerClassifier trainer = TransformerClassifier.builder().optEmbeddingSize(16).optHeads(2).optLayers(1).optFeedForward(32)
                .optMaxLength(4).optEpochs(8).optBatchSize(16).optLearningRate(0.01).optProgress(false).build();
        try (TextClassifier model = trainer.fit(reviews(64, 1))) {
            TextSet test = reviews(40, 2);
            ClassificationReport direct = model.evaluate(test);
            assertTrue(direct.accuracy() >= 0.9, direct.toString());

            int[] flipped = new int[test.size()];
            for (int i = 0; i < flipped.length; i++) {
                flipped[i] = 1 - test.labels()[i];
            }
            TextSet otherOrder = new TextSet("reviews", test.texts(), flipped, List.of("pos", "neg"));
            assertEquals(direct.toString(), model.evaluate(otherOrder).toString());

            TextSet withNeutral = new TextSet("reviews", List.of("good good", "so so"), new int[] {1, 2}, List.of("neg", "pos", "neutral"));
            String m = assertThrows(IllegalArgumentException.class, () -> model.evaluate(withNeutral)).getMessage();
            assertEquals("Expected the classes [neg, pos] in TextSet reviews, found texts of class [neutral] too;"
                    + " drop those texts, or train on a set that has them.", m);
        }
    }

    @Test
    void aLabelOutsideTheClassListIsRefusedAtConstruction() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> new TextSet("reviews", List.of("good", "bad"), new int[] {1, 2}, List.of("neg", "pos"))).getMessage();
        assertEquals("Expected a class index in 0..1 (into the classes [neg, pos]) as label of text 1 in TextSet reviews, found 2;"
                + " add the class to classNames or fix the label.", m);
        assertThrows(IllegalArgumentException.class, () -> new TextSet("reviews", List.of("good"), new int[] {-1}, List.of("neg", "pos")));
    }

    @Test
    void aTableBecomesATextSetWithTheClassesOfTheClassRule() {
        Table t = Table.create("glosses", StringColumn.create("text", "a dog", "a cat", "a cow", "a fish"),
                StringColumn.create("kind", "mammal", "mammal", "mammal", "fish"));
        TextSet s = TextSet.of(t, "text", "kind");
        assertEquals(List.of("fish", "mammal"), s.classNames());
        assertArrayEquals(new int[] {1, 1, 1, 0}, s.labels());
        assertEquals(List.of("a dog", "a cat", "a cow", "a fish"), s.texts());
        assertEquals("glosses", s.name());

        // Numbers sort numerically, as Matrix.classes has it: 2 before 10.
        Table graded = Table.create("graded", StringColumn.create("text", "x", "y", "z"), IntColumn.create("grade", 10, 2, 10));
        assertEquals(List.of("2", "10"), TextSet.of(graded, "text", "grade").classNames());

        String m = assertThrows(IllegalArgumentException.class, () -> TextSet.of(t, "txt", "kind")).getMessage();
        assertTrue(m.startsWith("No column 'txt' in table glosses; did you mean 'text'?"), m);
    }

    @Test
    void notebook04sSentenceTableTurnsBackIntoItsTextSet() {
        TextSet reviews = Datasets.text("sentiment");
        // The table notebook 04 shows, built as its cell does.
        List<String> labelNames = Arrays.stream(reviews.labels()).mapToObj(reviews.classNames()::get).toList();
        Table sentences = Table.create("sentiment", StringColumn.create("text", reviews.texts()), StringColumn.create("label", labelNames));
        TextSet back = TextSet.of(sentences, "text", "label");
        assertEquals(reviews.classNames(), back.classNames());
        assertArrayEquals(reviews.labels(), back.labels());
        assertEquals(reviews.texts(), back.texts());
    }
}
