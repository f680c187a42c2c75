package dev.jotter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real public IJava notebooks ({@code compat/ijava}, unchanged, see its SOURCES.md) run through
 * Debian's nbclient against the kernel installed under the kernelspec name they ask for,
 * {@code java}, each in its own folder; how far each gets is compared with
 * {@code compat/ijava/expectations.tsv}, which records what IJava 1.3 does on a machine that
 * reaches Maven Central and nothing else.
 *
 * <p>A notebook IJava runs to the end must run to the end. A notebook IJava stops at cell N
 * (a download from outside Maven Central, or a cell that raises in IJava too) must stop at cell N
 * with that error: stopping earlier is a Jotter failure, and getting past it on an offline
 * machine means an error was swallowed (a dependency dropped in silence, say), so both fail. On a
 * machine that can reach DJL's hosts the downloads may succeed, so there a notebook only has to
 * get at least as far as cell N.
 *
 * <p>The report, expected beside actual for every notebook, is printed and written to
 * {@code target/ijava-compat/report.md}. Tuned JShell only: the plain-JShell pass excludes this IT
 * (kernel/pom.xml).
 */
class IJavaCompatIT {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path CORPUS = REPO.resolve("compat/ijava");
    private static final Path OUT = Path.of("target/ijava-compat").toAbsolutePath();
    /** Hosts the corpus downloads from (DJL's model zoo, native libraries, resources, d2l's data). */
    private static final List<String> OUTSIDE_HOSTS = List.of("publish.djl.ai", "resources.djl.ai", "mlrepo.djl.ai",
            "d2l-data.s3-accelerate.amazonaws.com");
    private static final int SUITE_MINUTES = 12;

    /** One line of expectations.tsv: what IJava 1.3 does with the notebook. */
    record Expectation(String notebook, String verdict, int cell, List<String> errors, String why) {
        boolean runsToEnd() {
            return verdict.equals("runs-to-end");
        }

        String describe() {
            return switch (verdict) {
                case "runs-to-end" -> "runs to the end";
                case "loaded-only" -> "not run (loaded by other notebooks)";
                default -> "stops at cell " + cell + ": " + String.join(" | ", errors);
            };
        }
    }

    /** What the kernel did with one notebook, as run_compat.py reported it. */
    record Outcome(boolean toEnd, int cell, Integer codeCell, String error, int codeCellsOk, int codeCells, double seconds) {
        String firstErrorLine() {
            return error.lines().filter(l -> !l.isBlank()).findFirst().orElse("(no error text)");
        }

        String describe() {
            return toEnd ? "runs to the end (" + codeCells + " code cells)"
                    : "stops at cell " + cell + (codeCell == null ? "" : " (code cell " + codeCell + ")") + ": " + firstErrorLine();
        }
    }

    @TestFactory
    Stream<DynamicTest> ijavaNotebooksDoAsWellAsInIJava() throws Exception {
        Assumptions.assumeFalse("plain".equals(System.getProperty("jotter.jshell")),
                "IJavaCompatIT runs in the tuned pass only (see kernel/pom.xml): the corpus tests what the kernel accepts, not how it drives JShell");
        JupyterHarness.requireJupyter("nbclient", "nbformat", "jupyter_client");
        Map<String, Expectation> expected = readExpectations(CORPUS.resolve("expectations.tsv"));
        List<String> corpusNotebooks;
        try (Stream<Path> files = Files.walk(CORPUS)) {
            corpusNotebooks = files.filter(p -> p.toString().endsWith(".ipynb")).map(p -> CORPUS.relativize(p).toString()).sorted().toList();
        }
        List<String> toRun = expected.values().stream().filter(e -> !e.verdict().equals("loaded-only")).map(Expectation::notebook).toList();

        // Run on a copy: the notebooks write files next to themselves (d2l-java's ../data/house_tiny.csv).
        Path work = OUT.resolve("work");
        deleteTree(OUT);
        copyTree(CORPUS, work);
        Path prefix = OUT.resolve("prefix");
        install(prefix);

        boolean online = OUTSIDE_HOSTS.stream().anyMatch(IJavaCompatIT::reachable);
        Path executed = OUT.resolve("executed");
        Path report = OUT.resolve("results.json");
        Path log = OUT.resolve("nbclient.log");
        List<String> cmd = new ArrayList<>(List.of(JupyterHarness.python(), "src/test/python/run_compat.py",
                work.toString(), executed.toString(), report.toString()));
        cmd.addAll(toRun);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        env.put("JOTTER_KERNEL_NAME", "java");
        env.put("JOTTER_CELL_TIMEOUT", "120");
        env.put("PYTHONUNBUFFERED", "1");
        env.put("JOTTER_PROGRESS", "off");
        long started = System.nanoTime();
        Process p = pb.start();
        boolean finished = p.waitFor(SUITE_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        String transcript = Files.readString(log);
        JsonObject results = Files.isRegularFile(report) ? JsonParser.parseString(Files.readString(report)).getAsJsonObject() : new JsonObject();
        Map<String, Outcome> actual = new LinkedHashMap<>();
        for (String nb : toRun) {
            if (results.has(nb)) {
                JsonObject r = results.getAsJsonObject(nb);
                boolean toEnd = r.get("status").getAsString().equals("runs-to-end");
                actual.put(nb, new Outcome(toEnd, toEnd ? -1 : r.get("cell").getAsInt(),
                        r.get("code_cell").isJsonNull() ? null : r.get("code_cell").getAsInt(), r.get("error").getAsString(),
                        r.get("code_cells_ok").getAsInt(), r.get("code_cells").getAsInt(), r.get("seconds").getAsDouble()));
            }
        }
        String table = report(expected, actual, online, minutes);
        Files.writeString(OUT.resolve("report.md"), table);
        System.out.println(table);

        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("every corpus notebook has an expectation", () -> {
            assertEquals(corpusNotebooks, expected.keySet().stream().sorted().toList(),
                    "compat/ijava/expectations.tsv must list every notebook under compat/ijava exactly once");
            for (Expectation e : expected.values()) {
                if (e.verdict().equals("stops-at")) {
                    var cells = JsonParser.parseString(Files.readString(CORPUS.resolve(e.notebook()))).getAsJsonObject().getAsJsonArray("cells");
                    assertTrue(e.cell() < cells.size() && cells.get(e.cell()).getAsJsonObject().get("cell_type").getAsString().equals("code"),
                            "expectations.tsv: cell " + e.cell() + " of " + e.notebook() + " is not a code cell (cells are counted from 0, markdown included)");
                }
            }
        }));
        tests.add(DynamicTest.dynamicTest("the suite finished within " + SUITE_MINUTES + " minutes", () -> {
            assertTrue(finished, "run_compat.py did not finish within " + SUITE_MINUTES + " minutes:\n" + transcript);
            assertEquals(toRun.size(), actual.size(), "notebooks reported:\n" + transcript);
        }));
        for (String nb : toRun) {
            Expectation e = expected.get(nb);
            tests.add(DynamicTest.dynamicTest(nb, () -> {
                Outcome o = actual.get(nb);
                if (o == null) {
                    fail(nb + " was not run to completion by run_compat.py:\n" + transcript);
                }
                String verdict = compare(e, o, online);
                if (!verdict.equals("ok")) {
                    fail(nb + ": " + verdict + "\n  IJava 1.3: " + e.describe() + " (" + e.why() + ")\n  Jotter:    " + o.describe()
                            + "\n  full error of the stopping cell:\n" + o.error().indent(4) + "  executed notebook: " + executed.resolve(nb));
                }
            }));
        }
        return tests.stream();
    }

    /**
     * @return "ok" when the kernel did at least what IJava 1.3 does, otherwise what went wrong
     */
    static String compare(Expectation e, Outcome o, boolean online) {
        if (e.runsToEnd()) {
            return o.toEnd() ? "ok" : "IJava runs it to the end, Jotter stopped at cell " + o.cell();
        }
        if (!o.toEnd() && o.cell() < e.cell()) {
            return "stopped at cell " + o.cell() + ", before cell " + e.cell() + " where IJava stops";
        }
        if (online) {
            return "ok"; // DJL's hosts answer here, so the downloads IJava fails on offline may succeed
        }
        if (o.toEnd() || o.cell() > e.cell()) {
            return "got past cell " + e.cell() + ", where IJava stops on a machine that reaches only Maven Central: an error was swallowed"
                    + " (unless this machine reaches more hosts than " + OUTSIDE_HOSTS + " or DJL's cache, ~/.djl.ai, already holds what the cell downloads)";
        }
        return e.errors().stream().anyMatch(o.error()::contains) ? "ok"
                : "stopped at the right cell, but the error names none of " + e.errors();
    }

    static Map<String, Expectation> readExpectations(Path tsv) throws IOException {
        Map<String, Expectation> out = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String where = tsv.getFileName() + " line " + lineNo + ": ";
            if (f.length != 5) {
                throw new IllegalArgumentException(where + "needs 5 tab-separated fields (notebook, verdict, cell, error, why), found " + f.length);
            }
            String verdict = f[1];
            if (!List.of("runs-to-end", "stops-at", "loaded-only").contains(verdict)) {
                throw new IllegalArgumentException(where + "verdict '" + verdict + "' must be runs-to-end, stops-at or loaded-only");
            }
            int cell = verdict.equals("stops-at") ? Integer.parseInt(f[2]) : -1;
            List<String> errors = f[3].isEmpty() ? List.of() : List.of(f[3].split(" \\|\\| "));
            if (verdict.equals("stops-at") && errors.isEmpty()) {
                throw new IllegalArgumentException(where + "a stops-at line needs the error text IJava shows at that cell");
            }
            if (out.put(f[0], new Expectation(f[0], verdict, cell, errors, f[4])) != null) {
                throw new IllegalArgumentException(where + f[0] + " is listed twice");
            }
        }
        return out;
    }

    private static String report(Map<String, Expectation> expected, Map<String, Outcome> actual, boolean online, double minutes) {
        StringBuilder sb = new StringBuilder("# IJava compatibility suite\n\n");
        sb.append(String.format("%d notebooks in %.1f minutes; DJL's hosts %s.%n%n", actual.size(), minutes,
                online ? "ARE reachable (downloads may succeed: only 'at least as far' is checked)" : "are not reachable (offline, as the expectations assume)"));
        sb.append("| Notebook | IJava 1.3 (expected) | Jotter (this build) | Code cells run | Seconds | Verdict |\n|---|---|---|---|---|---|\n");
        int ok = 0;
        for (Expectation e : expected.values()) {
            if (e.verdict().equals("loaded-only")) {
                continue;
            }
            Outcome o = actual.get(e.notebook());
            String verdict = o == null ? "not run" : compare(e, o, online);
            ok += verdict.equals("ok") ? 1 : 0;
            sb.append("| ").append(e.notebook()).append(" | ").append(e.describe().replace("|", "\\|")).append(" | ")
                    .append(o == null ? "-" : o.describe().replace("|", "\\|")).append(" | ")
                    .append(o == null ? "-" : o.codeCellsOk() + "/" + o.codeCells()).append(" | ")
                    .append(o == null ? "-" : String.valueOf(o.seconds())).append(" | ")
                    .append(verdict.equals("ok") ? "ok" : "FAIL: " + verdict.replace("|", "\\|")).append(" |\n");
        }
        sb.append(String.format("%n%d of %d notebooks do as well as in IJava 1.3.%n", ok, actual.size()));
        return sb.toString();
    }

    private static void install(Path prefix) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JupyterHarness.jar()), "runnable jar missing: " + JupyterHarness.jar() + " (run the package phase first)");
        List<String> cmd = List.of(JupyterHarness.javaBin(), "-jar", JupyterHarness.jar().toString(), "install", "--prefix", prefix.toString(),
                "--name", "java", "--no-copy", "--jvm-opt", "-Xmx1g");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "jotter install --name java failed: " + out);
        assertTrue(Files.isRegularFile(prefix.resolve("share/jupyter/kernels/java/kernel.json")),
                "jotter install --name java wrote no share/jupyter/kernels/java/kernel.json under " + prefix + ":\n" + out);
    }

    private static boolean reachable(String host) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, 443), 3000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(src -> {
                try {
                    Path dst = to.resolve(from.relativize(src).toString());
                    if (Files.isDirectory(src)) {
                        Files.createDirectories(dst);
                    } else {
                        Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
