package dev.jotter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs the Python integration tests in {@code src/test/python} against the real kernel: the
 * runnable jar is installed as a kernelspec in a private prefix and Debian's jupyter_client
 * starts it exactly as Jupyter would. Each Python test becomes one JUnit test, so a failure
 * names the case and carries the Python traceback.
 *
 * <p>When Jupyter's Python packages are missing the tests are skipped on a developer machine,
 * but fail loudly when {@code CI=true}: CI must never pass by testing nothing.
 */
public final class JupyterHarness {
    private static Path prefix;

    private JupyterHarness() {}

    /** @return the Python interpreter with Debian's Jupyter packages */
    public static String python() {
        return System.getProperty("jotter.python", "/usr/bin/python3");
    }

    /** @return the runnable kernel jar built by this module */
    public static Path jar() {
        return Path.of(System.getProperty("jotter.jar", "target/jotter.jar")).toAbsolutePath();
    }

    /**
     * @param modules Python modules to import
     * @return whether {@link #python()} can import all of them
     */
    public static boolean hasPython(String... modules) {
        try {
            Process p = new ProcessBuilder(python(), "-c", "import " + String.join(", ", modules)).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Skips (locally) or fails (in CI) when jupyter_client and friends are not installed. */
    public static void requireJupyter(String... modules) {
        List<String> probe = new ArrayList<>(List.of(python(), "-c"));
        probe.add("import " + String.join(", ", modules.length == 0 ? new String[] {"jupyter_client", "jupyter_kernel_test", "zmq"} : modules));
        boolean ok;
        String detail;
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            detail = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            ok = false;
            detail = e.toString();
        }
        if (!ok) {
            String msg = "Jupyter's Python packages are missing for " + python() + " (" + detail.strip()
                    + "). Install them with: sudo bash scripts/install-deps.sh";
            if ("true".equals(System.getenv("CI"))) {
                fail(msg);
            }
            Assumptions.abort(msg);
        }
    }

    /**
     * Installs the kernelspec once, into a private prefix, with a small heap so memory tests are quick.
     *
     * @return the prefix (its share/jupyter goes on JUPYTER_PATH)
     */
    public static synchronized Path kernelspecPrefix() throws IOException, InterruptedException {
        if (prefix != null) {
            return prefix;
        }
        assertTrue(Files.isRegularFile(jar()), "runnable jar missing: " + jar() + " (run the package phase first)");
        Path dir = Files.createTempDirectory("jotter-it-prefix");
        List<String> install = new ArrayList<>(List.of(javaBin(), "-jar", jar().toString(), "install", "--prefix", dir.toString(),
                "--no-copy", "--jvm-opt", "-Xmx768m"));
        String machinery = System.getProperty("jotter.jshell");
        if (machinery != null) {
            // The kernel the clients start runs on the JShell machinery these tests were asked for.
            install.addAll(List.of("--jvm-opt", "-Djotter.jshell=" + machinery));
        }
        Process p = new ProcessBuilder(install).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "jotter install failed: " + out);
        prefix = dir;
        return dir;
    }

    /** @return the java launcher of the JVM running the tests (a JDK 25) */
    public static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs one Python unittest module and turns each of its tests into a JUnit dynamic test.
     *
     * @param module the file name in src/test/python, e.g. test_survival.py
     * @param expectedTests how many tests the module must run; a different count fails
     * @param timeoutSeconds the limit for the whole module
     * @return one dynamic test per Python test, plus one for the run's totals
     */
    public static Stream<DynamicTest> unittest(String module, int expectedTests, int timeoutSeconds) throws Exception {
        requireJupyter();
        Path dir = kernelspecPrefix();
        Path pyDir = Path.of("src/test/python").toAbsolutePath();
        Path report = Files.createTempFile("jotter-it-" + module, ".json");
        Path log = Files.createTempFile("jotter-it-" + module, ".log");
        ProcessBuilder pb = new ProcessBuilder(python(), "run_suite.py", module.replace(".py", ""), report.toString())
                .directory(pyDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("JUPYTER_PATH", dir.resolve("share/jupyter").toString());
        env.put("JOTTER_KERNELSPEC_DIR", dir.resolve("share/jupyter/kernels/jotter").toString());
        env.put("JOTTER_JAR", jar().toString());
        env.put("PYTHONUNBUFFERED", "1");
        env.put("PYTHONPATH", pyDir.toString());
        env.put("JOTTER_PROGRESS", "off");
        Process p = pb.start();
        boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        String transcript = Files.readString(log);
        List<DynamicTest> tests = new ArrayList<>();
        JsonObject results = Files.size(report) > 0 ? JsonParser.parseString(Files.readString(report)).getAsJsonObject() : new JsonObject();
        JsonObject outcomes = results.has("tests") ? results.getAsJsonObject("tests") : new JsonObject();
        for (Map.Entry<String, JsonElement> e : outcomes.entrySet()) {
            JsonObject o = e.getValue().getAsJsonObject();
            String status = o.get("status").getAsString();
            String detail = o.get("detail").getAsString();
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                if (!status.equals("ok")) {
                    fail(e.getKey() + ": " + status + "\n" + detail);
                }
            }));
        }
        int ran = results.has("ran") ? results.get("ran").getAsInt() : -1;
        tests.add(DynamicTest.dynamicTest(module + " ran " + expectedTests + " tests, none skipped", () -> {
            assertTrue(finished, module + " did not finish within " + timeoutSeconds + " s:\n" + transcript);
            assertEquals(expectedTests, ran, "tests run by " + module + ":\n" + transcript);
            assertEquals(expectedTests, outcomes.size(), "outcomes recorded:\n" + transcript);
        }));
        return tests.stream();
    }

}
