package dev.jotter.toolkit.plot;

import dev.jotter.api.Html;
import dev.jotter.toolkit.train.DefaultListeners;
import dev.jotter.toolkit.train.History;
import dev.jotter.toolkit.train.TrainingListener;
import dev.jotter.toolkit.train.TrainingListenerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A Keras-style progress bar for {@code fit}, on by default (see {@link DefaultListeners}):
 *
 * <pre>
 * Epoch 3/10 [=============&gt;................] 45/100 loss 0.412 ETA 4s
 * </pre>
 *
 * <p>In a notebook ({@link DisplaySink#isNotebook()}) it is one output area updated in place at
 * most {@value #MAX_UPDATES_PER_SECOND} times a second: the last finished epoch above the live
 * bar, and at the end the last epoch and the total time, so a saved notebook keeps three lines
 * however many epochs ran; a loss chart redrawn after every epoch shows the whole history.
 * Elsewhere it prints one line per epoch, so logs stay short. {@code JOTTER_PROGRESS=off} turns the default bar off (for CI);
 * {@code JOTTER_PROGRESS=bar} keeps the bar but drops the live chart.
 *
 * <pre>{@code
 * jshell> TrainingProgress p = new TrainingProgress(false);   // the bar without the chart, to pass to fit by hand
 * }</pre>
 */
public final class TrainingProgress implements TrainingListener {

    /** Notebook updates per second at most; epoch ends and the end of training always show. */
    public static final int MAX_UPDATES_PER_SECOND = 10;

    /** The environment variable that turns the default progress display off or down ({@link DefaultListeners#ENV}). */
    public static final String ENV = DefaultListeners.ENV;

    private static final long MIN_UPDATE_NANOS = 1_000_000_000L / MAX_UPDATES_PER_SECOND;
    private static final int BAR_WIDTH = 30;

    private final Supplier<DisplaySink> sinks;
    private final LongSupplier clock;
    private final boolean liveChart;

    private DisplaySink sink;
    private boolean notebook;
    private TrainingInfo info;
    private String header = "";
    private String lastEpochLine = "";
    private int epochsDone;
    private int epoch;
    private int batch;
    private double lossSum;
    private long trainStart;
    private long epochStart;
    private long lastUpdate;
    private String progressId;
    private String chartId;
    private String current = "";
    private boolean finished;

    /**
     * A progress bar on the display in force when training starts ({@link DisplaySink#current()}),
     * with the live loss chart unless {@code JOTTER_PROGRESS=bar}.
     */
    public TrainingProgress() {
        this(DisplaySink::current, !"bar".equalsIgnoreCase(System.getenv(ENV)), System::nanoTime);
    }

    /**
     * A progress bar on the display in force when training starts, choosing whether notebooks
     * also get a loss chart redrawn after every epoch.
     *
     * @param liveChart true for the chart, false for the bar alone
     */
    public TrainingProgress(boolean liveChart) {
        this(DisplaySink::current, liveChart, System::nanoTime);
    }

    /**
     * A progress bar on a given display, with the live loss chart when it is a notebook.
     *
     * @param sink where to show progress
     */
    public TrainingProgress(DisplaySink sink) {
        this(() -> sink, true, System::nanoTime);
        Objects.requireNonNull(sink, "sink");
    }

    TrainingProgress(Supplier<DisplaySink> sinks, boolean liveChart, LongSupplier clock) {
        this.sinks = sinks;
        this.liveChart = liveChart;
        this.clock = clock;
    }


    /**
     * Makes every later {@code fit} show a progress bar. It already does by default; this is for
     * hosts that replaced the defaults and want the bar back.
     */
    public static void register() {
        DefaultListeners.register(TrainingProgress::new);
    }

    /**
     * Adds a {@link TrainingProgress} to every {@code fit}: registered in
     * {@code META-INF/services/dev.jotter.toolkit.train.TrainingListenerFactory}, so that the
     * training package finds the progress bar without depending on this package.
     */
    public static final class Factory implements TrainingListenerFactory {

        /** Called by {@link java.util.ServiceLoader}. */
        public Factory() {}

        @Override
        public TrainingListener create() {
            return new TrainingProgress();
        }
    }

    // ---- events ---------------------------------------------------------------------------

    @Override
    public void onTrainBegin(TrainingInfo info) {
        this.info = info;
        start();
        header = describe(info);
        current = liveLine(1, 0, Double.NaN, -1);
        if (notebook) {
            progressId = sink.display(view());
            lastUpdate = clock.getAsLong();
        } else if (!header.isEmpty()) {
            sink.display(header);
        }
    }

    @Override
    public void onBatchEnd(int epoch, int batch, double loss) {
        if (sink == null) {
            start();
        }
        if (epoch != this.epoch) {
            this.epoch = epoch;
            lossSum = 0;
        }
        this.batch = batch;
        lossSum += loss;
        if (!notebook) {
            return;
        }
        long now = clock.getAsLong();
        if (now - lastUpdate >= MIN_UPDATE_NANOS) {
            int total = batchesPerEpoch();
            long eta = total > 0 && batch > 0 ? (now - epochStart) / batch * (total - batch) : -1;
            current = liveLine(epoch, batch, lossSum / Math.max(1, batch), eta);
            show(now);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> metrics, History soFar) {
        if (sink == null) {
            start();
        }
        long now = clock.getAsLong();
        long took = now - epochStart;
        int epochs = info == null ? 0 : info.epochs();
        long eta = epochs > epoch ? (now - trainStart) / epoch * (epochs - epoch) : -1;
        int total = batchesPerEpoch();
        String progress = total > 0 ? " " + bar(total, total) : batch > 0 ? " " + batch + " batches" : "";
        String line = prefix(epoch) + progress + metricsText(metrics) + " " + duration(took) + (eta >= 0 ? " ETA " + duration(eta) : "");
        lastEpochLine = line;
        epochsDone++;
        this.epoch = epoch + 1;
        batch = 0;
        lossSum = 0;
        epochStart = now;
        if (notebook) {
            current = epochs > epoch ? liveLine(epoch + 1, 0, Double.NaN, -1) : "";
            show(now);
            if (liveChart && soFar != null && soFar.epochs() > 0) {
                showChart(soFar);
            }
        } else {
            sink.display(line);
        }
    }

    @Override
    public void onTrainEnd(History history) {
        if (sink == null || finished) {
            return;
        }
        finished = true;
        long now = clock.getAsLong();
        int done = history == null ? epochsDone : history.epochs();
        String summary = "Trained " + done + (done == 1 ? " epoch" : " epochs") + " in " + duration(now - trainStart);
        if (notebook) {
            current = summary;
            show(now);
        } else {
            sink.display(summary);
        }
    }

    // ---- state ----------------------------------------------------------------------------

    /** @return the text the display shows now: header, the last finished epoch and the live line */
    public String text() {
        return view().text();
    }

    private void start() {
        sink = sinks.get();
        notebook = sink.isNotebook();
        trainStart = clock.getAsLong();
        epochStart = trainStart;
        epoch = 1;
    }

    private void show(long now) {
        if (progressId == null) {
            progressId = sink.display(view());
        } else {
            sink.update(progressId, view());
        }
        lastUpdate = now;
    }

    private void showChart(History soFar) {
        Figure chart = Plots.history(soFar);
        if (chartId == null) {
            chartId = sink.display(chart);
        } else {
            sink.update(chartId, chart);
        }
    }

    private int batchesPerEpoch() {
        return info == null ? 0 : info.batchesPerEpoch();
    }

    private ProgressView view() {
        List<String> lines = new ArrayList<>();
        if (!header.isEmpty()) {
            lines.add(header);
        }
        if (!lastEpochLine.isEmpty()) {
            lines.add(lastEpochLine);
        }
        if (!current.isEmpty()) {
            lines.add(current);
        }
        StringBuilder html = new StringBuilder(
                "<div class=\"jotter-progress\" style=\"font-family: monospace; font-size: 12px; line-height: 1.5\">");
        if (!header.isEmpty()) {
            html.append("<div style=\"color: #666\">").append(Html.escape(header)).append("</div>");
        }
        if (!lastEpochLine.isEmpty()) {
            html.append("<div>").append(Html.escape(lastEpochLine)).append("</div>");
        }
        if (!current.isEmpty()) {
            html.append("<div>").append(htmlBar()).append("</div>");
        }
        html.append("</div>");
        return new ProgressView(String.join("\n", lines), html.toString());
    }

    /** The live line with an HTML {@code <progress>} element in place of the text bar. */
    private String htmlBar() {
        int open = current.indexOf(" [");
        int close = current.indexOf("] ");
        int total = batchesPerEpoch();
        if (open < 0 || close < open || total <= 0) {
            return Html.escape(current);
        }
        return Html.escape(current.substring(0, open)) + " <progress value=\"" + batch + "\" max=\"" + total
                + "\" style=\"width: 16em; vertical-align: middle\"></progress> " + Html.escape(current.substring(close + 2));
    }

    // ---- text -----------------------------------------------------------------------------

    private String prefix(int epoch) {
        int epochs = info == null ? 0 : info.epochs();
        return "Epoch " + epoch + (epochs > 0 ? "/" + epochs : "");
    }

    private String liveLine(int epoch, int batch, double meanLoss, long etaNanos) {
        return prefix(epoch) + " " + bar(batch, batchesPerEpoch())
                + (Double.isNaN(meanLoss) ? "" : " loss " + number(meanLoss))
                + (etaNanos >= 0 ? " ETA " + duration(etaNanos) : "");
    }

    /** {@code [=====>....] 45/100}, or just {@code 45/?} when the epoch length is unknown. */
    static String bar(int batch, int total) {
        if (total <= 0) {
            return batch + "/?";
        }
        String bar;
        if (batch >= total) {
            bar = "=".repeat(BAR_WIDTH);
        } else {
            // An arrow from the first batch on, so that a started epoch never looks idle.
            int filled = batch > 0 ? Math.max(1, (int) ((long) batch * BAR_WIDTH / total)) : 0;
            bar = filled == 0 ? ".".repeat(BAR_WIDTH) : "=".repeat(filled - 1) + ">" + ".".repeat(BAR_WIDTH - filled);
        }
        return "[" + bar + "] " + batch + "/" + total;
    }

    private static String metricsText(Map<String, Double> metrics) {
        StringBuilder s = new StringBuilder();
        if (metrics == null) {
            return "";
        }
        metrics.forEach((name, value) -> {
            if (value != null) {
                s.append(' ').append(shortName(name)).append(' ').append(number(value));
            }
        });
        return s.toString();
    }

    private static String shortName(String metric) {
        return metric.replace("accuracy", "acc");
    }

    private static String describe(TrainingInfo info) {
        if (info == null) {
            return "";
        }
        StringBuilder s = new StringBuilder("Training");
        if (info.model() != null && !info.model().isBlank()) {
            s.append(' ').append(info.model());
        }
        if (info.device() != null && !info.device().isBlank()) {
            s.append(" on ").append(info.device());
        }
        if (info.epochs() > 0) {
            s.append(": ").append(info.epochs()).append(info.epochs() == 1 ? " epoch" : " epochs");
            if (info.batchesPerEpoch() > 0) {
                s.append(" of ").append(info.batchesPerEpoch()).append(info.batchesPerEpoch() == 1 ? " batch" : " batches");
            }
        }
        return s.toString();
    }

    /** Three decimals for everyday values, scientific notation for tiny or huge ones. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        double magnitude = Math.abs(v);
        if (v != 0 && (magnitude < 1e-3 || magnitude >= 1e5)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, magnitude >= 100 ? "%.1f" : "%.3f", v);
    }

    /** {@code 850ms}, {@code 4.2s}, {@code 42s}, {@code 3m05s}, {@code 1h02m}. */
    static String duration(long nanos) {
        double seconds = nanos / 1e9;
        if (seconds < 1) {
            return Math.max(0, Math.round(seconds * 1000)) + "ms";
        }
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

}
