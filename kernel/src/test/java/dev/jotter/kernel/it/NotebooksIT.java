package dev.jotter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every curriculum notebook executes without error (a) through {@code jotter run}, no Python or
 * Jupyter involved, and (b) through Debian's nbclient with the installed kernelspec, as Jupyter's
 * "Run All" does; both results are checked by {@link NotebookChecks} and validated against the
 * nbformat schema. The committed notebooks themselves must be clean (no outputs) and match
 * their sources in notebooks/src.
 */
class NotebooksIT {
    private static final Path OUT = Path.of("target/notebooks").toAbsolutePath();

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

    @TestFactory
    Stream<DynamicTest> headlessRunner() throws Exception {
        List<Path> notebooks = NotebookChecks.notebooks();
        Path out = OUT.resolve("runner");
        Path log = Files.createDirectories(OUT).resolve("runner.log");
        List<String> cmd = new ArrayList<>(List.of(JupyterHarness.javaBin(), "-Xmx1g", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-jar", JupyterHarness.jar().toString(), "run", NotebookChecks.notebooksDir().toString(),
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

    @TestFactory
    Stream<DynamicTest> nbclient() throws Exception {
        JupyterHarness.requireJupyter("nbclient", "nbformat", "jupyter_client");
        Path prefix = JupyterHarness.kernelspecPrefix();
        List<Path> notebooks = NotebookChecks.notebooks();
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
}
