package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.data.ImageSet;
import dev.jotter.toolkit.metrics.ClassificationReport;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An image set's labels mean its own class names, as a text set's do: a model scores a set by
 * name, whatever order the set lists its classes in, and a class the model never saw is refused.
 */
class ImageSetClassesTest {

    private static final List<String> CLASSES = List.of("left", "middle", "right");

    /** 3x1 images with one bright pixel (the class's position) in noise. */
    private static ImageSet bars(int n, long seed) {
        Random r = new Random(seed);
        float[][] pixels = new float[n][3];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int p = 0; p < 3; p++) {
                pixels[i][p] = 0.2f * r.nextFloat();
            }
            pixels[i][labels[i]] += 0.8f;
        }
        return new ImageSet("bars", 3, 1, pixels, labels, CLASSES);
    }

    /** The same images with the class list in another order and the labels moved with it. */
    private static ImageSet reordered(ImageSet s, List<String> order) {
        int[] labels = new int[s.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = order.indexOf(s.classNames().get(s.labels()[i]));
        }
        return new ImageSet(s.name(), s.width(), s.height(), s.pixels(), labels, order);
    }

    @Test
    void evaluateMatchesTheSetsClassesToTheModelsByName() {
        List<String> order = List.of("right", "left", "middle");
        MlpClassifier trainer = MlpClassifier.builder().optHidden(8).optEpochs(30).optBatchSize(16).optLearningRate(0.05).optSeed(7)
                .optProgress(false).build();
        ImageSet train = bars(90, 1);
        try (var model = trainer.fit(train, reordered(bars(30, 3), order))) {
            ImageSet test = bars(30, 2);
            ClassificationReport direct = model.evaluate(test);
            assertTrue(direct.accuracy() >= 0.9, direct.toString());
            assertEquals(direct.toString(), model.evaluate(reordered(test, order)).toString());

            ImageSet withDiagonal = new ImageSet("bars", 3, 1, new float[][] {{1, 0, 0}, {0, 0, 0}}, new int[] {0, 3},
                    List.of("left", "middle", "right", "none"));
            String m = assertThrows(IllegalArgumentException.class, () -> model.evaluate(withDiagonal)).getMessage();
            assertEquals("Expected the classes [left, middle, right] in ImageSet bars, found images of class [none] too;"
                    + " drop those images, or train on a set that has them.", m);
        }
    }

    @Test
    void aLabelOutsideTheClassListIsRefusedAtConstruction() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> new ImageSet("bars", 3, 1, new float[][] {{1, 0, 0}, {0, 1, 0}}, new int[] {0, 3}, CLASSES)).getMessage();
        assertEquals("Expected a class index in 0..2 (into the classes [left, middle, right]) as label of image 1 in ImageSet bars, found 3;"
                + " add the class to classNames or fix the label.", m);
    }
}
