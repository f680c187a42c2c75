package dev.jotter.toolkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.train.History;
import dev.jotter.toolkit.train.TrainingListener.TrainingInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {

    private static final long MS = 1_000_000L;

    /** A clock the test moves by hand, so throttling is checked without real time. */
    private long now;

    private TrainingProgress progress(RecordingSink sink, boolean liveChart) {
        return new TrainingProgress(() -> sink, liveChart, () -> now);
    }

    /**
     * Two epochs of 100 batches, 5 ms of fake time each; epoch 1 ends with loss 0.5 / accuracy
     * 0.8, epoch 2 with 0.3 / 0.9 and validation values.
     */
    private History train(TrainingProgress p) {
        p.onTrainBegin(new TrainingInfo("MLP 784-128-10", 2, 100, "cpu()"));
        Map<String, List<Double>> soFar = new LinkedHashMap<>();
        double[][] ends = {{0.5, 0.8, 0.6, 0.75}, {0.3, 0.9, 0.4, 0.85}};
        for (int epoch = 1; epoch <= 2; epoch++) {
            for (int batch = 1; batch <= 100; batch++) {
                now += 5 * MS;
                p.onBatchEnd(epoch, batch, 1.0 / epoch);
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("loss", ends[epoch - 1][0]);
            metrics.put("accuracy", ends[epoch - 1][1]);
            metrics.put("val_loss", ends[epoch - 1][2]);
            metrics.put("val_accuracy", ends[epoch - 1][3]);
            metrics.forEach((k, v) -> soFar.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            p.onEpochEnd(epoch, metrics, History.of(soFar));
        }
        History history = History.of(soFar);
        p.onTrainEnd(history);
        return history;
    }

    @Test
    void notebookShowsOneProgressAreaUpdatedInPlace() {
        RecordingSink sink = new RecordingSink(true);
        train(progress(sink, false));

        List<RecordingSink.Event> views = sink.of(ProgressView.class);
        assertFalse(views.getFirst().update(), "the first is a display");
        String id = views.getFirst().id();
        assertTrue(views.stream().skip(1).allMatch(e -> e.update() && e.id().equals(id)),
                "every later one updates the same display");
        assertEquals(0, sink.of(Figure.class).size(), "no chart when the live chart is off");
    }

    @Test
    void notebookUpdatesAreThrottledToTenASecond() {
        RecordingSink sink = new RecordingSink(true);
        train(progress(sink, false));

        // 200 batches over 1 s of fake time: at most one update per 100 ms, plus the two epoch
        // ends and the end of training, which always show.
        int updates = sink.of(ProgressView.class).size() - 1;
        assertTrue(updates <= 10 + 3, "updates: " + updates);
        assertTrue(updates >= 3 + 5, "still updates during epochs: " + updates);
    }

    @Test
    void notebookAlwaysEndsOnTheFinalState() {
        RecordingSink sink = new RecordingSink(true);
        train(progress(sink, false));

        ProgressView last = (ProgressView) sink.of(ProgressView.class).getLast().value();
        List<String> lines = last.text().lines().toList();
        assertEquals("Training MLP 784-128-10 on cpu(): 2 epochs of 100 batches", lines.get(0));
        assertEquals("Epoch 2/2 [==============================] 100/100 loss 0.300 acc 0.900 val_loss 0.400 val_acc 0.850 500ms",
                lines.get(1));
        assertEquals("Trained 2 epochs in 1.0s", lines.get(2));
        assertEquals(3, lines.size(), "the earlier epochs are in the chart, not in the saved output");
        assertTrue(last.html().startsWith("<div class=\"jotter-progress\""));
        assertTrue(last.html().contains("Epoch 2/2"));
    }

    @Test
    void notebookKeepsOnlyTheLastEpochLineHoweverManyEpochsRan() {
        RecordingSink sink = new RecordingSink(true);
        TrainingProgress p = progress(sink, false);
        p.onTrainBegin(new TrainingInfo("m", 30, 10, "cpu()"));
        for (int epoch = 1; epoch <= 30; epoch++) {
            for (int batch = 1; batch <= 10; batch++) {
                now += MS;
                p.onBatchEnd(epoch, batch, 0.5);
            }
            p.onEpochEnd(epoch, Map.of("loss", 0.5), null);
            List<String> lines = p.text().lines().toList();
            assertEquals(epoch < 30 ? 3 : 2, lines.size(), "header, last epoch, live bar: " + lines);
            assertTrue(lines.get(1).startsWith("Epoch " + epoch + "/30 "), lines.get(1));
        }
        p.onTrainEnd(null);
        assertEquals("Trained 30 epochs in 300ms", p.text().lines().toList().getLast());
        ProgressView last = (ProgressView) sink.of(ProgressView.class).getLast().value();
        assertFalse(last.html().contains("Epoch 29/30"), last.html());
    }

    @Test
    void notebookLiveLineShowsBatchRunningLossAndEta() {
        RecordingSink sink = new RecordingSink(true);
        TrainingProgress p = progress(sink, false);
        p.onTrainBegin(new TrainingInfo("m", 10, 100, "cpu()"));
        assertTrue(p.text().endsWith("Epoch 1/10 [..............................] 0/100"), p.text());
        for (int batch = 1; batch <= 45; batch++) {
            now += 10 * MS;
            p.onBatchEnd(1, batch, batch % 2 == 0 ? 0.3 : 0.5);
        }
        // Throttled to one update per 100 ms, the last came at 400 ms (batch 40): mean loss 0.4,
        // 60 batches left at 10 ms each.
        ProgressView view = (ProgressView) sink.events.getLast().value();
        assertEquals(5, sink.events.size(), "the display and updates at 100, 200, 300 and 400 ms");
        assertEquals("Epoch 1/10 [===========>..................] 40/100 loss 0.400 ETA 600ms", view.text().lines().toList().getLast());
        assertTrue(view.html().contains("<progress value=\"40\" max=\"100\""), view.html());
    }

    @Test
    void notebookLiveChartIsOneDisplayRedrawnEveryEpoch() {
        RecordingSink sink = new RecordingSink(true);
        History history = train(progress(sink, true));

        List<RecordingSink.Event> charts = sink.of(ChartGrid.class);
        assertEquals(2, charts.size(), "one per epoch");
        assertFalse(charts.get(0).update());
        assertTrue(charts.get(1).update());
        assertEquals(charts.get(0).id(), charts.get(1).id());
        ChartGrid last = (ChartGrid) charts.get(1).value();
        assertEquals(List.of("Loss", "Accuracy"), last.charts().stream().map(c -> c.getTitle()).toList());
        assertEquals(history.epochs(), ((org.knowm.xchart.XYChart) last.chart(0)).getSeries("train").getXData().length);
        assertTrue(!charts.get(0).id().equals(sink.of(ProgressView.class).getFirst().id()),
                "the chart has its own display, apart from the bar");
    }

    @Test
    void consolePrintsOneLinePerEpochNotPerBatch() {
        RecordingSink sink = new RecordingSink(false);
        train(progress(sink, true));

        assertEquals(List.of(
                "Training MLP 784-128-10 on cpu(): 2 epochs of 100 batches",
                "Epoch 1/2 [==============================] 100/100 loss 0.500 acc 0.800 val_loss 0.600 val_acc 0.750 500ms ETA 500ms",
                "Epoch 2/2 [==============================] 100/100 loss 0.300 acc 0.900 val_loss 0.400 val_acc 0.850 500ms",
                "Trained 2 epochs in 1.0s"), sink.texts());
        assertTrue(sink.events.stream().noneMatch(RecordingSink.Event::update), "a console never overwrites");
    }

    @Test
    void eventsWithoutTrainBeginStillWork() {
        RecordingSink sink = new RecordingSink(false);
        TrainingProgress p = progress(sink, false);
        now += 2 * MS;
        p.onEpochEnd(1, Map.of("loss", 0.25), History.of(Map.of("loss", List.of(0.25))));
        now += 3 * MS;
        p.onTrainEnd(null);
        p.onTrainEnd(null);
        // Without onTrainBegin the start is unknown, so time counts from the first event; a
        // second onTrainEnd is ignored.
        assertEquals(List.of("Epoch 1 loss 0.250 0ms", "Trained 1 epoch in 3ms"), sink.texts());
    }

    @Test
    void barsLikeKeras() {
        assertEquals("[..............................] 0/100", TrainingProgress.bar(0, 100));
        assertEquals("[>.............................] 1/100", TrainingProgress.bar(1, 100));
        assertEquals("[============>.................] 45/100", TrainingProgress.bar(45, 100));
        assertEquals("[==============================] 100/100", TrainingProgress.bar(100, 100));
        assertEquals("7/?", TrainingProgress.bar(7, 0));
    }

    @Test
    void numbersAndDurationsStayShort() {
        assertEquals("0.412", TrainingProgress.number(0.41234));
        assertEquals("123.5", TrainingProgress.number(123.45));
        assertEquals("1.235e-05", TrainingProgress.number(0.000012345));
        assertEquals("0.000", TrainingProgress.number(0));
        assertEquals("850ms", TrainingProgress.duration(850 * MS));
        assertEquals("4.2s", TrainingProgress.duration(4200 * MS));
        assertEquals("42s", TrainingProgress.duration(42_000 * MS));
        assertEquals("3m05s", TrainingProgress.duration(185_000 * MS));
        assertEquals("1h02m", TrainingProgress.duration(3_720_000 * MS));
    }

    @Test
    void htmlIsEscaped() {
        RecordingSink sink = new RecordingSink(true);
        TrainingProgress p = progress(sink, false);
        p.onTrainBegin(new TrainingInfo("<b>net</b> & co", 1, 0, ""));
        ProgressView view = (ProgressView) sink.events.getFirst().value();
        assertTrue(view.html().contains("&lt;b&gt;net&lt;/b&gt; &amp; co"), view.html());
        assertTrue(view.text().contains("<b>net</b> & co"));
    }
}
