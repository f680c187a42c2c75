package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.data.Datasets;
import dev.jotter.toolkit.data.ImageSet;
import dev.jotter.toolkit.metrics.ClassificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class MlpClassifierTest {

    @Test
    void digitsReach95PercentAndRoundTrip(@TempDir Path dir) throws Exception {
        ImageSet digits = Datasets.images("digits").shuffle(42);
        int cut = digits.size() * 8 / 10;
        ImageSet train = digits.slice(0, cut);
        ImageSet test = digits.slice(cut, digits.size());
        List<String> events = new ArrayList<>();
        TrainingListener spy = new TrainingListener() {
            @Override
            public void onTrainBegin(TrainingInfo info) {
                events.add("begin " + info.epochs() + " " + info.batchesPerEpoch() + " " + info.device());
            }

            @Override
            public void onEpochEnd(int epoch, Map<String, Double> metrics, History soFar) {
                events.add("epoch " + epoch + " " + metrics.keySet());
            }

            @Override
            public void onTrainEnd(History history) {
                events.add("end " + history.epochs());
            }
        };
        MlpClassifier trainer = MlpClassifier.builder().optHidden(128, 64).optDropout(0.1).optEpochs(20).optBatchSize(32)
                .optListener(spy).optProgress(false).build();
        try (DjlClassifier model = trainer.fit(train, test)) {
            ClassificationReport report = model.evaluate(test);
            assertTrue(report.accuracy() >= 0.95, "digits test accuracy " + report.accuracy() + "\n" + report);
            assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), List.copyOf(model.history().names()));
            assertEquals("begin 20 45 cpu()", events.get(0));
            assertEquals("epoch 1 [loss, accuracy, val_loss, val_accuracy]", events.get(1));
            assertEquals("end 20", events.get(events.size() - 1));
            // 64*128+128 + 128*64+64 + 64*10+10
            assertEquals(17226, model.parameterCount());

            model.save(dir.resolve("digits"));
            assertTrue(Files.exists(dir.resolve("digits").resolve("model.properties")));
            try (DjlClassifier back = DjlClassifier.load(dir.resolve("digits"))) {
                assertArrayEquals(model.predict(test.pixels()), back.predict(test.pixels()));
                assertEquals(model.classes(), back.classes());
            }
        }
    }

    static Table blobs(int n) {
        double[] a = new double[n];
        double[] b = new double[n];
        String[] label = new String[n];
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            a[i] = c * 3 + r.nextGaussian() * 0.5;
            b[i] = (c == 1 ? 3 : 0) + r.nextGaussian() * 0.5;
            label[i] = List.of("setosa", "versicolor", "virginica").get(c);
        }
        return Table.create("blobs", DoubleColumn.create("a", a), DoubleColumn.create("b", b), StringColumn.create("species", label));
    }

    @Test
    void logisticRegressionOnTableWithEarlyStoppingAndCheckpoint(@TempDir Path dir) throws Exception {
        Table all = blobs(300);
        Table train = all.inRange(0, 240);
        Table valid = all.inRange(240, 300);
        EarlyStopping es = EarlyStopping.builder().optMonitor("val_loss").optPatience(2).optMinDelta(0.05).build();
        MlpClassifier trainer = MlpClassifier.builder().optHidden().setFeatures("a", "b").setLabel("species").optEpochs(200).optLearningRate(0.1)
                .optEarlyStopping(es).optListener(Checkpoint.bestOnly(dir, "val_loss"))
                .optLearningRateSchedule(LearningRateSchedule.stepDecay(5, 0.5)).optGradientClipNorm(1.0).optProgress(false).build();
        try (DjlClassifier model = trainer.fit(train, valid)) {
            assertTrue(es.stoppedEpoch() > 0 && es.stoppedEpoch() < 200, "stopped at " + es.stoppedEpoch());
            assertEquals(es.stoppedEpoch(), model.history().epochs());
            assertEquals(List.of("setosa", "versicolor", "virginica"), model.classes());
            assertTrue(model.evaluate(valid).accuracy() > 0.95, model.evaluate(valid) + " " + model.history());
            assertEquals("versicolor", model.predictLabels(valid)[1]);
            try (DjlClassifier best = DjlClassifier.load(dir.resolve("best"))) {
                assertArrayEquals(model.predict(valid), best.predict(valid));
            }
            Table unknown = valid.copy();
            unknown.stringColumn("species").set(3, "tulip");
            var e = assertThrows(IllegalArgumentException.class, () -> model.evaluate(unknown));
            assertTrue(e.getMessage().contains("Expected one of the classes [setosa, versicolor, virginica] in label column 'species' row 3, found 'tulip'"), e.getMessage());
        }
    }

    @Test
    void badLabelsFailBeforeTraining() {
        MlpClassifier t = MlpClassifier.builder().optProgress(false).build();
        var e = assertThrows(IllegalArgumentException.class, () -> t.fit(new float[][] {{1}, {2}}, new int[] {0}));
        assertTrue(e.getMessage().contains("found 2 rows and 1 labels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.fit(new float[][] {{1}, {2}}, new int[] {0, -1}));
        assertTrue(e.getMessage().contains("as label 1, found -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.fit(new float[][] {{1}, {2}}, new int[] {0, 0}));
        assertTrue(e.getMessage().contains("at least 2 classes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> t.fit(new float[][] {{1}, {2}}, new int[] {0, 1}, new float[][] {{1}}, new int[] {2}));
        assertTrue(e.getMessage().contains("as label 0, found 2"), e.getMessage());
    }
}
