package dev.jotter.kernel.cli.teaching;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jotter.kernel.cli.NotebookRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Grades a folder of submissions against a source notebook: each submission becomes the notebook
 * to grade ({@link Exercises#forGrading}), runs in a JVM of its own ({@code jotter run
 * --allow-errors}) with a heap limit and a time limit, several at once, and its test cells' tables
 * become rows of grades.csv. Whatever one submission does (invalid JSON, a hang, an exit, running
 * out of memory, deleted cells), it gets its rows and a reason, and the others are graded.
 */
public final class Grader {
    /** Stream outputs longer than this are cut in feedback notebooks, so a student's 10 MB print does not make a 10 MB file. */
    static final int MAX_STREAM_CHARS = 100_000;

    /**
     * The grader's limits and options.
     *
     * @param output where grades.csv and the feedback folders go
     * @param jobs submissions run at once
     * @param timeLimitSeconds wall-clock limit of one submission's run; past it its JVM is killed
     * @param cellTimeoutSeconds limit of each cell (0: none); a cell past it is interrupted
     * @param memory the heap of each submission's JVM, as -Xmx takes it
     * @param jvmOptions more options for those JVMs
     */
    public record Settings(Path output, int jobs, long timeLimitSeconds, long cellTimeoutSeconds, String memory, List<String> jvmOptions) {}

    /**
     * One row of grades.csv.
     *
     * @param student the submission's name
     * @param exercise the test cell's grade_id
     * @param points the points earned
     * @param maxPoints the points it is worth
     * @param status what happened, in words
     */
    public record Row(String student, String exercise, double points, double maxPoints, String status) {}

    /** A submission: who, and which notebook (which may not be a notebook at all). */
    record Submission(String student, Path notebook) {}

    private final JsonObject source;
    private final Path sourcePath;
    private final List<Exercises.Cell> tests;
    private final Settings settings;
    private final PrintWriter log;

    /**
     * @param sourcePath the teacher's notebook
     * @param settings limits and the output folder
     * @param log where progress goes
     * @throws IOException when the source cannot be read
     * @throws Exercises.MarkupException when its markup is wrong
     */
    public Grader(Path sourcePath, Settings settings, PrintWriter log) throws IOException, Exercises.MarkupException {
        this.sourcePath = sourcePath;
        this.source = Exercises.read(sourcePath);
        this.tests = Exercises.graded(source).stream().filter(c -> c.kind() == Exercises.Kind.TESTS).toList();
        this.settings = settings;
        this.log = log;
        if (tests.isEmpty()) {
            throw new Exercises.MarkupException(sourcePath + " has no test cell (nbgrader grade: true and a %%test cell): nothing to grade");
        }
    }

    /**
     * The submissions in a folder: each sub-folder is a student (their notebook named like the
     * source, else their only notebook), each notebook directly inside is a student named by the file.
     *
     * @param dir the submissions folder
     * @return the submissions, by student name
     * @throws IOException when the folder cannot be listed
     */
    List<Submission> submissions(Path dir) throws IOException {
        List<Submission> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    Path same = p.resolve(sourcePath.getFileName());
                    if (Files.isRegularFile(same)) {
                        found.add(new Submission(name, same));
                    } else {
                        List<Path> nbs;
                        try (Stream<Path> in = Files.list(p)) {
                            nbs = in.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
                        }
                        // None, or several and none named like the source: the student still gets a row.
                        found.add(new Submission(name, nbs.size() == 1 ? nbs.getFirst() : p.resolve(sourcePath.getFileName())));
                    }
                } else if (name.endsWith(".ipynb")) {
                    found.add(new Submission(name.substring(0, name.length() - ".ipynb".length()), p));
                }
            }
        }
        return found;
    }

    /**
     * Grades every submission of a folder and writes grades.csv and the feedback notebooks.
     *
     * @param dir the submissions folder
     * @return the rows, by student and exercise
     * @throws IOException when the output cannot be written
     * @throws InterruptedException when interrupted while waiting for the submissions' JVMs
     */
    public List<Row> grade(Path dir) throws IOException, InterruptedException {
        List<Submission> subs = submissions(dir);
        Files.createDirectories(settings.output());
        log.printf("Grading %d submissions of %s, %d at a time (%d s, -Xmx%s each)%n", subs.size(), sourcePath.getFileName(),
                settings.jobs(), settings.timeLimitSeconds(), settings.memory());
        log.flush();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.jobs()));
        List<Future<List<Row>>> futures = new ArrayList<>();
        for (Submission s : subs) {
            futures.add(pool.submit(() -> gradeSafely(s)));
        }
        List<Row> rows = new ArrayList<>();
        try {
            for (int i = 0; i < futures.size(); i++) {
                try {
                    rows.addAll(futures.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    rows.addAll(allZero(subs.get(i).student(), "grader error: " + e.getCause()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        writeCsv(settings.output().resolve("grades.csv"), rows);
        return rows;
    }

    private List<Row> gradeSafely(Submission s) {
        long t0 = System.nanoTime();
        List<Row> rows;
        try {
            rows = gradeOne(s);
        } catch (Exception | Error e) {
            // Never the end of the run: the student gets rows that say what went wrong.
            rows = allZero(s.student(), "grader error: " + e);
        }
        double points = rows.stream().mapToDouble(Row::points).sum();
        double max = rows.stream().mapToDouble(Row::maxPoints).sum();
        synchronized (log) {
            log.printf("  %-20s %6s / %-6s %5.1fs  %s%n", s.student(), fmt(points), fmt(max), (System.nanoTime() - t0) / 1e9,
                    rows.stream().map(Row::status).filter(st -> !st.equals("passed")).findFirst().orElse("passed"));
            log.flush();
        }
        return rows;
    }

    private List<Row> allZero(String student, String why) {
        return tests.stream().map(t -> new Row(student, t.id(), 0, t.points(), why)).toList();
    }

    List<Row> gradeOne(Submission s) throws IOException, InterruptedException, Exercises.MarkupException {
        Path folder = settings.output().resolve(safeName(s.student()));
        Files.createDirectories(folder);
        Path feedback = folder.resolve(sourcePath.getFileName());
        JsonObject submission;
        try {
            if (!Files.isRegularFile(s.notebook())) {
                throw new IOException("no notebook submitted (looked for " + s.notebook().getFileName() + ")");
            }
            submission = Exercises.read(s.notebook());
        } catch (IOException e) {
            String why = "invalid notebook: " + e.getMessage();
            writeExplained(feedback, Exercises.release(source), why);
            return allZero(s.student(), why);
        }
        List<String> notes = new ArrayList<>();
        JsonObject toRun = Exercises.forGrading(source, submission, notes);
        Files.writeString(feedback, AssignCommand.NOTEBOOK_JSON.toJson(toRun) + "\n");
        String problem = runIsolated(feedback, folder.resolve("run.log"));
        JsonObject ran;
        try {
            ran = Exercises.read(feedback);
        } catch (IOException e) {
            ran = toRun;
            problem = problem != null ? problem : "the run left no readable notebook: " + e.getMessage();
        }
        if (problem == null && !(ran.has("metadata") && ran.getAsJsonObject("metadata").has("jotter"))) {
            // jotter run writes its record into every notebook it finishes: without it, the JVM ended mid-run.
            String tail = lastLines(folder.resolve("run.log"), 2);
            problem = "the notebook's JVM ended before writing its results" + (tail.isEmpty() ? "" : ": " + tail);
        }
        List<Row> rows = new ArrayList<>();
        for (Exercises.Cell t : tests) {
            rows.add(score(s.student(), t, ran, problem, notes));
        }
        cutLongOutputs(ran);
        addSummary(ran, rows, problem, notes);
        Files.writeString(feedback, AssignCommand.NOTEBOOK_JSON.toJson(ran) + "\n");
        return rows;
    }

    /**
     * Runs the notebook in place in a JVM of its own.
     *
     * @return null when the JVM finished, else why not
     */
    private String runIsolated(Path notebook, Path runLog) throws IOException, InterruptedException {
        List<String> cmd = NotebookRunner.jotterCommand(List.of("-Xmx", "-XX:MaxRAMPercentage", "-XX:+ExitOnOutOfMemoryError"));
        cmd.addAll(1, settings.jvmOptions());
        cmd.add(1, "-Xmx" + settings.memory());
        cmd.addAll(List.of("run", notebook.toAbsolutePath().toString(), "-o", notebook.toAbsolutePath().toString(), "--allow-errors"));
        if (settings.cellTimeoutSeconds() > 0) {
            cmd.addAll(List.of("--timeout", Long.toString(settings.cellTimeoutSeconds())));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(notebook.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true).redirectOutput(runLog.toFile());
        // Each submission is a JVM of its own, started from the grader's folder: not a child of a folder run.
        pb.environment().remove("JOTTER_RUN_IN_FOLDER");
        pb.environment().remove("JOTTER_RUN_REPORT");
        Process p = pb.start();
        p.getOutputStream().close();
        boolean done = p.waitFor(settings.timeLimitSeconds(), TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            return "timed out: the notebook ran past the time limit of " + settings.timeLimitSeconds() + " s and was stopped";
        }
        int rc = p.exitValue();
        // jotter run exits 1 when a cell failed, which --allow-errors makes a normal outcome; other codes mean the JVM died.
        if (rc == 0 || rc == 1) {
            return null;
        }
        String tail = lastLines(runLog, 3);
        return "the notebook's JVM ended with status " + rc + (rc == 137 ? " (killed, out of memory?)" : rc == 134 ? " (crashed)" : "")
                + (tail.isEmpty() ? "" : ": " + tail);
    }

    private static String lastLines(Path file, int n) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size())).strip();
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    private Row score(String student, Exercises.Cell test, JsonObject ran, String problem, List<String> notes) {
        // A note on this test cell, or on an answer or locked cell (which may be what any test needs), leads the status.
        String note = notes.stream().filter(n -> n.contains(" " + test.id() + " ") || !n.startsWith("test cell "))
                .map(n -> n + "; ").collect(java.util.stream.Collectors.joining());
        JsonObject cell = findCell(ran, test.id());
        JsonObject table = cell == null ? null : testTable(cell);
        if (table == null) {
            String why = problem != null ? problem
                    : cell == null ? "test cell missing from the run"
                    : error(cell) != null ? "the test cell failed: " + error(cell)
                    : "the test cell did not run";
            return new Row(student, test.id(), 0, test.points(), note + why);
        }
        double got = table.has("points") ? table.get("points").getAsDouble() : 0;
        double max = table.has("max_points") ? table.get("max_points").getAsDouble() : 0;
        double points = max > 0 ? Math.round(test.points() * got / max * 100) / 100.0 : 0;
        String status;
        JsonArray rows = table.has("tests") ? table.getAsJsonArray("tests") : new JsonArray();
        long passed = 0;
        String firstFailure = null;
        for (JsonElement r : rows) {
            JsonObject o = r.getAsJsonObject();
            if (o.get("passed").getAsBoolean()) {
                passed++;
            } else if (firstFailure == null) {
                firstFailure = o.get("name").getAsString() + ": " + o.get("message").getAsString();
            }
        }
        if (table.has("problem") && !table.get("problem").isJsonNull()) {
            status = "tests did not run: " + table.get("problem").getAsString();
        } else if (!rows.isEmpty() && passed == rows.size()) {
            status = "passed";
        } else {
            status = passed + " of " + rows.size() + " tests passed; " + firstFailure;
        }
        return new Row(student, test.id(), points, test.points(), note + oneLine(status));
    }

    private static String oneLine(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 300 ? one.substring(0, 297) + "..." : one;
    }

    private static JsonObject findCell(JsonObject nb, String id) {
        for (JsonElement e : nb.getAsJsonArray("cells")) {
            JsonObject g = e.isJsonObject() ? Exercises.nbgrader(e.getAsJsonObject()) : null;
            if (g != null && g.has("grade_id") && id.equals(g.get("grade_id").getAsString())) {
                return e.getAsJsonObject();
            }
        }
        return null;
    }

    /** The last test table a cell showed: the magic shows it when its tests end, after anything the student's code displayed. */
    private static JsonObject testTable(JsonObject cell) {
        JsonObject found = null;
        if (!cell.has("outputs")) {
            return null;
        }
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            JsonObject out = o.getAsJsonObject();
            if (out.has("data") && out.getAsJsonObject("data").has(MIME)) {
                JsonElement d = out.getAsJsonObject("data").get(MIME);
                try {
                    found = d.isJsonObject() ? d.getAsJsonObject() : JsonParser.parseString(d.getAsString()).getAsJsonObject();
                } catch (RuntimeException e) {
                    found = null;
                }
            }
        }
        return found;
    }

    /** The machine-readable results of a {@code %%test} cell (the toolkit's TestReport.MIME). */
    static final String MIME = "application/vnd.jotter.tests+json";

    private static String error(JsonObject cell) {
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            JsonObject out = o.getAsJsonObject();
            if ("error".equals(out.has("output_type") ? out.get("output_type").getAsString() : "")) {
                return out.get("ename").getAsString() + ": " + out.get("evalue").getAsString();
            }
        }
        return null;
    }

    /** Cuts stream outputs past {@link #MAX_STREAM_CHARS}, saying how much was cut. */
    static void cutLongOutputs(JsonObject nb) {
        for (JsonElement e : nb.getAsJsonArray("cells")) {
            JsonObject c = e.getAsJsonObject();
            if (!c.has("outputs")) {
                continue;
            }
            for (JsonElement o : c.getAsJsonArray("outputs")) {
                JsonObject out = o.getAsJsonObject();
                if (out.has("text")) {
                    String text = Exercises.text(out.get("text"));
                    if (text.length() > MAX_STREAM_CHARS) {
                        out.addProperty("text", text.substring(0, MAX_STREAM_CHARS) + "\n[... " + (text.length() - MAX_STREAM_CHARS)
                                + " more characters cut by jotter grade]\n");
                    }
                }
            }
        }
    }

    private void addSummary(JsonObject nb, List<Row> rows, String problem, List<String> notes) {
        StringBuilder md = new StringBuilder("## Feedback\n\n");
        double points = rows.stream().mapToDouble(Row::points).sum();
        double max = rows.stream().mapToDouble(Row::maxPoints).sum();
        md.append("**").append(fmt(points)).append(" of ").append(fmt(max)).append(" points.**\n\n");
        if (problem != null) {
            md.append("The notebook could not be graded in full: ").append(problem).append(".\n\n");
        }
        for (String n : notes) {
            md.append("- ").append(n).append('\n');
        }
        md.append("\n| exercise | points | status |\n|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.exercise()).append(" | ").append(fmt(r.points())).append(" / ").append(fmt(r.maxPoints()))
                    .append(" | ").append(r.status().replace("|", "\\|")).append(" |\n");
        }
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "markdown");
        cell.add("metadata", new JsonObject());
        Exercises.setSource(cell, md.toString());
        JsonArray cells = nb.getAsJsonArray("cells");
        JsonArray withSummary = new JsonArray();
        withSummary.add(cell);
        cells.forEach(withSummary::add);
        nb.add("cells", withSummary);
        if (nb.has("nbformat_minor") && nb.get("nbformat_minor").getAsInt() >= 5) {
            cell.addProperty("id", "jotter-feedback");
        }
    }

    private void writeExplained(Path feedback, JsonObject released, String why) throws IOException {
        List<Row> rows = allZero("", why);
        addSummary(released, rows, why, List.of());
        Files.writeString(feedback, AssignCommand.NOTEBOOK_JSON.toJson(released) + "\n");
    }

    static void writeCsv(Path file, List<Row> rows) throws IOException {
        StringBuilder sb = new StringBuilder("student,exercise,points,max_points,status\n");
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Row::student));
        for (Row r : sorted) {
            sb.append(csv(r.student())).append(',').append(csv(r.exercise())).append(',').append(fmt(r.points())).append(',')
                    .append(fmt(r.maxPoints())).append(',').append(csv(r.status())).append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static String fmt(double d) {
        double r = Math.round(d * 100) / 100.0;
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%s", r);
    }

    private static String safeName(String student) {
        return student.replaceAll("[^A-Za-z0-9._@-]", "_");
    }

    /** @return the submissions' names and grades, for a report: student to total points */
    static Map<String, Double> totals(List<Row> rows) {
        Map<String, Double> t = new java.util.TreeMap<>();
        rows.forEach(r -> t.merge(r.student(), r.points(), Double::sum));
        return t;
    }
}
