package dev.jotter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every curriculum notebook executes without error (a) through {@code jotter run}, no Python or
 * Jupyter involved, and (b) through Debian's nbclient with the installed kernelspec, as Jupyter's
 * "Run All" does; both results are checked by {@link NotebookChecks} and validated against the
 * nbformat schema. The committed notebooks themselves must be clean (no outputs) and match
 * their sources in notebooks/src.
 *
 * <p>Both run copies whose training notebooks end with a {@link NotebookProbes probe} cell that
 * prints their results at full precision; the last test checks that the kernel gave the runner's
 * numbers bit for bit, and that a plain Java program made from the notebook's cells
 * ({@link NotebookProgram}) gives them too (notebooks {@link #PROGRAM_NOTEBOOKS}; every training
 * notebook, 20 runs of each path, in bench/reliability/reproducibility.sh).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotebooksIT {
    private static final Path OUT = Path.of("target/notebooks").toAbsolutePath();
    /**
     * The notebooks also run as plain Java programs here: the two with hand-written training
     * loops, where a freed buffer once changed the numbers (08 in the kernel, one run in four).
     * Every training notebook takes that path in the bench; here it would cost minutes.
     */
    static final List<String> PROGRAM_NOTEBOOKS = List.of("05-custom-training-loop.ipynb", "08-variational-autoencoder.ipynb");

    private static List<Path> probed;

    /**
     * @return the notebooks as both paths run them: training notebooks with their probe cell;
     *     the first call also removes what an earlier build executed, so that no stale output
     *     is compared
     */
    private static synchronized List<Path> probedNotebooks() throws IOException {
        if (probed == null) {
            for (String dir : List.of("runner", "nbclient", "program")) {
                deleteTree(OUT.resolve(dir));
            }
            List<Path> copies = new ArrayList<>();
            for (Path nb : NotebookChecks.notebooks()) {
                copies.add(NotebookProbes.copy(nb, OUT.resolve("probed")));
            }
            probed = List.copyOf(copies);
        }
        return probed;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void committedNotebooksAreCleanAndMatchTheirSources() throws Exception {
        JupyterHarness.requireJupyter("nbformat");
        List<Path> notebooks = NotebookChecks.notebooks();
        assertFalse(notebooks.isEmpty(), "no notebooks in " + NotebookChecks.notebooksDir());
        Process gen = new ProcessBuilder(JupyterHarness.python(), NotebookChecks.notebooksDir().resolve("tools/build_notebooks.py").toString(), "--check")
                .redirectErrorStream(true).start();
        String genOut = new String(gen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, gen.waitFor(), genOut);
        for (Path nb : notebooks) {
            JsonObject json = JsonParser.parseString(Files.readString(nb)).getAsJsonObject();
            String name = nb.getFileName().toString();
            assertEquals(4, json.get("nbformat").getAsInt(), name);
            assertEquals(5, json.get("nbformat_minor").getAsInt(), name);
            assertEquals("jotter", json.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name").getAsString(), name);
            boolean firstCode = true;
            for (JsonElement e : json.getAsJsonArray("cells")) {
                JsonObject c = e.getAsJsonObject();
                assertTrue(c.has("id"), name + ": a cell has no id");
                if (c.get("cell_type").getAsString().equals("code")) {
                    assertEquals(0, c.getAsJsonArray("outputs").size(), name + " cell " + c.get("id") + " was committed with outputs");
                    assertTrue(c.get("execution_count").isJsonNull(), name + " cell " + c.get("id") + " was committed with an execution count");
                    if (firstCode) {
                        assertTrue(c.getAsJsonObject("metadata").toString().contains("\"parameters\""),
                                name + ": the first code cell must be tagged 'parameters' (see notebooks/README.md)");
                        firstCode = false;
                    }
                }
            }
        }
        NotebookChecks.validateSchema(notebooks).forEach((file, verdict) -> assertEquals("ok", verdict, file));
    }

    @Order(1)
    @TestFactory
    Stream<DynamicTest> headlessRunner() throws Exception {
        List<Path> notebooks = probedNotebooks();
        Path out = OUT.resolve("runner");
        Path log = Files.createDirectories(OUT).resolve("runner.log");
        List<String> cmd = new ArrayList<>(List.of(JupyterHarness.javaBin(), "-Xmx1g", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-jar", JupyterHarness.jar().toString(), "run", OUT.resolve("probed").toString(),
                "-o", out.toString(), "--timeout", "300"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(NotebookChecks.CI_ENV);
        Process p = pb.start();
        boolean finished = p.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        String transcript = Files.readString(log);
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("jotter run over the folder exits 0", () -> {
            assertTrue(finished, "jotter run did not finish within 15 minutes:\n" + transcript);
            assertEquals(0, p.exitValue(), "jotter run failed:\n" + transcript);
            assertTrue(transcript.contains(notebooks.size() + " passed, 0 failed"), transcript);
        }));
        List<Path> outputs = notebooks.stream().map(nb -> out.resolve(nb.getFileName())).toList();
        Map<String, String> schema = JupyterHarness.hasPython("nbformat") ? NotebookChecks.validateSchema(
                outputs.stream().filter(Files::isRegularFile).toList()) : Map.of();
        for (Path executed : outputs) {
            String name = executed.getFileName().toString();
            tests.add(DynamicTest.dynamicTest("jotter run: " + name, () -> {
                NotebookChecks.check(executed, "jotter run");
                if (!schema.isEmpty()) {
                    assertEquals("ok", schema.get(name), "jotter run wrote an invalid nbformat notebook: " + name);
                }
            }));
        }
        return tests.stream();
    }

    @Order(2)
    @TestFactory
    Stream<DynamicTest> nbclient() throws Exception {
        JupyterHarness.requireJupyter("nbclient", "nbformat", "jupyter_client");
        Path prefix = JupyterHarness.kernelspecPrefix();
        List<Path> notebooks = probedNotebooks();
        Path out = OUT.resolve("nbclient");
        Path report = Files.createDirectories(OUT).resolve("nbclient.json");
        Path log = OUT.resolve("nbclient.log");
        Files.deleteIfExists(report);
        List<String> cmd = new ArrayList<>(List.of(JupyterHarness.python(), "src/test/python/run_notebooks.py", out.toString(), report.toString()));
        notebooks.forEach(nb -> cmd.add(nb.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        env.put("PYTHONUNBUFFERED", "1");
        env.put("JOTTER_PROGRESS", "off");
        env.putAll(NotebookChecks.CI_ENV);
        Process p = pb.start();
        boolean finished = p.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        String transcript = Files.readString(log);
        JsonObject results = Files.isRegularFile(report) ? JsonParser.parseString(Files.readString(report)).getAsJsonObject() : new JsonObject();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("nbclient ran every notebook", () -> {
            assertTrue(finished, "run_notebooks.py did not finish within 15 minutes:\n" + transcript);
            assertEquals(notebooks.size(), results.size(), "notebooks reported:\n" + transcript);
        }));
        Map<String, String> schema = NotebookChecks.validateSchema(
                notebooks.stream().map(nb -> out.resolve(nb.getFileName())).filter(Files::isRegularFile).toList());
        for (Path nb : notebooks) {
            String name = nb.getFileName().toString();
            tests.add(DynamicTest.dynamicTest("nbclient: " + name, () -> {
                JsonObject r = results.getAsJsonObject(name);
                if (r == null) {
                    fail("nbclient did not report " + name + ":\n" + transcript);
                }
                if (!r.get("status").getAsString().equals("ok")) {
                    fail("nbclient: " + name + " failed:\n" + r.get("detail").getAsString());
                }
                NotebookChecks.check(out.resolve(name), "nbclient");
                assertEquals("ok", schema.get(name), "nbclient wrote an invalid notebook: " + name);
            }));
        }
        return tests.stream();
    }

    /**
     * Seeded training gives the same bits on every path: the kernel (through nbclient) printed
     * the runner's PROBE line for every training notebook, and the plain Java program made from
     * the notebook's cells printed it too. Runs after both executions above (their outputs).
     */
    @Order(3)
    @TestFactory
    Stream<DynamicTest> seededTrainingGivesTheSameNumbersOnEveryPath() throws Exception {
        JupyterHarness.requireJupyter("nbclient", "nbformat", "jupyter_client");
        probedNotebooks();
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : NotebookProbes.PROBES.keySet().stream().sorted().toList()) {
            tests.add(DynamicTest.dynamicTest("the kernel gives jotter run's numbers: " + name, () -> {
                String runner = NotebookProbes.probeLine(OUT.resolve("runner").resolve(name));
                assertFalse(runner.startsWith("ERROR"), "jotter run: " + name + ": " + runner);
                assertEquals(runner, NotebookProbes.probeLine(OUT.resolve("nbclient").resolve(name)),
                        "the kernel (nbclient) and jotter run trained " + name + " to different numbers");
            }));
        }
        // The program has no JShell, so the plain-JShell pass of these tests would run it unchanged.
        if (System.getProperty("jotter.jshell") == null) {
            for (String name : PROGRAM_NOTEBOOKS) {
                tests.add(DynamicTest.dynamicTest("a plain Java program gives jotter run's numbers: " + name, () -> {
                    String runner = NotebookProbes.probeLine(OUT.resolve("runner").resolve(name));
                    assertFalse(runner.startsWith("ERROR"), "jotter run: " + name + ": " + runner);
                    assertEquals(runner, runProgram(OUT.resolve("probed").resolve(name)),
                            "a plain Java program made from " + name + " trained to other numbers than jotter run");
                }));
            }
        }
        return tests.stream();
    }

    /** Runs a notebook's cells as one Java program (java Program.java) and returns its PROBE line. */
    private static String runProgram(Path notebook) throws Exception {
        Path dir = Files.createDirectories(OUT.resolve("program"));
        Path program = dir.resolve("Notebook" + notebook.getFileName().toString().substring(0, 2) + ".java");
        NotebookProgram.main(new String[] {notebook.toString(), program.toString()});
        Path lib = JupyterHarness.jar().getParent().resolve("lib");
        List<String> classPath = new ArrayList<>();
        try (Stream<Path> api = Files.list(lib); Stream<Path> toolkit = Files.list(lib.resolve("toolkit"))) {
            api.filter(p -> p.getFileName().toString().startsWith("jotter-api-")).forEach(p -> classPath.add(p.toString()));
            toolkit.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> classPath.add(p.toString()));
        }
        Path log = dir.resolve(program.getFileName() + ".log");
        ProcessBuilder pb = new ProcessBuilder(JupyterHarness.javaBin(), "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Djava.awt.headless=true",
                "--class-path", String.join(java.io.File.pathSeparator, classPath), program.toString())
                .directory(NotebookChecks.notebooksDir().toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(NotebookChecks.CI_ENV);
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            return "ERROR: " + program + " did not finish within 5 minutes";
        }
        String output = Files.readString(log);
        String probe = NotebookProbes.probeLine(output, null);
        return probe.startsWith("ERROR") ? probe + " (exit " + p.exitValue() + "):\n" + output : probe;
    }
}
