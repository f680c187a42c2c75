package dev.jotter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A student's view, end to end: Debian's classic Notebook server on 127.0.0.1 with the installed
 * kernelspec, a notebook opened in headless Chromium (driven by playwright-core), Run All, and
 * the chart images really rendered by the browser. Nothing but 127.0.0.1 is contacted.
 */
class BrowserIT {
    private static final Path BROWSER = Path.of("src/test/browser").toAbsolutePath();
    private static final String NOTEBOOK = "07-data-wrangling.ipynb";

    /** Skips locally, fails in CI, naming what is missing and how to install it. */
    private static void require(boolean present, String what) {
        if (present) {
            return;
        }
        String msg = what + " is missing for the browser test; install it with: sudo bash scripts/install-deps.sh";
        if ("true".equals(System.getenv("CI"))) {
            fail(msg);
        }
        Assumptions.abort(msg);
    }

    @Test
    void runAllInTheClassicNotebookRendersTheCharts() throws Exception {
        JupyterHarness.requireJupyter("notebook", "jupyter_client");
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        require(Files.isExecutable(Path.of(chromium)), "Chromium (" + chromium + ")");
        require(onPath("node"), "Node.js (node)");
        require(Files.isDirectory(BROWSER.resolve("node_modules/playwright-core")), "playwright-core (npm ci in " + BROWSER + ")");

        Path prefix = JupyterHarness.kernelspecPrefix();
        Path root = Files.createTempDirectory("jotter-browser");
        Path notebooks = Files.createDirectories(root.resolve("notebooks"));
        // A copy, so the server's checkpoints and autosaves never touch the repository.
        Files.copy(NotebookChecks.notebooksDir().resolve(NOTEBOOK), notebooks.resolve(NOTEBOOK));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String token = HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(16));
        ProcessBuilder server = new ProcessBuilder(JupyterHarness.python(), "-m", "notebook", "--no-browser", "--allow-root",
                "--ip=127.0.0.1", "--port=" + port, "--port-retries=0", "--NotebookApp.token=" + token,
                "--notebook-dir=" + notebooks)
                .redirectErrorStream(true).redirectOutput(root.resolve("server.log").toFile());
        Map<String, String> env = server.environment();
        env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        env.put("JUPYTER_CONFIG_DIR", Files.createDirectories(root.resolve("config")).toString());
        env.put("JUPYTER_RUNTIME_DIR", Files.createDirectories(root.resolve("runtime")).toString());
        env.put("JUPYTER_DATA_DIR", Files.createDirectories(root.resolve("data")).toString());
        env.put("JOTTER_PROGRESS", "off");
        env.putAll(NotebookChecks.CI_ENV);
        Process p = server.start();
        try {
            String base = "http://127.0.0.1:" + port;
            waitForServer(base + "/api/status?token=" + token, p, root.resolve("server.log"));
            Path result = root.resolve("result.json");
            Path screenshot = Path.of("target/notebooks").toAbsolutePath().resolve("browser-" + NOTEBOOK.replace(".ipynb", ".png"));
            Files.createDirectories(screenshot.getParent());
            ProcessBuilder node = new ProcessBuilder("node", "run_notebook.mjs",
                    base + "/notebooks/" + NOTEBOOK + "?token=" + token, screenshot.toString(), result.toString())
                    .directory(BROWSER.toFile()).redirectErrorStream(true).redirectOutput(root.resolve("node.log").toFile());
            node.environment().put("CHROMIUM", chromium);
            Process n = node.start();
            boolean finished = n.waitFor(8, TimeUnit.MINUTES);
            if (!finished) {
                n.destroyForcibly().waitFor();
            }
            String detail = "\nnode: " + Files.readString(root.resolve("node.log")) + "\nserver: " + Files.readString(root.resolve("server.log"))
                    + (Files.isRegularFile(result) ? "\nresult: " + Files.readString(result) : "");
            assertTrue(finished, "the browser test did not finish within 8 minutes" + detail);
            JsonObject r = JsonParser.parseString(Files.readString(result)).getAsJsonObject();
            assertTrue(r.get("ok").getAsBoolean(), "Run All in the browser failed" + detail);
            assertEquals("jotter", r.get("kernel").getAsString(), detail);
            assertEquals(r.get("cells").getAsInt(), r.get("ran").getAsInt(), "every code cell ran" + detail);
            assertTrue(r.get("htmlTables").getAsInt() > 0, "tables are rendered as HTML" + detail);
            int charts = 0;
            for (JsonElement img : r.getAsJsonArray("images")) {
                JsonObject i = img.getAsJsonObject();
                if (i.get("width").getAsInt() > 100 && i.get("height").getAsInt() > 100 && i.get("shownWidth").getAsDouble() > 100) {
                    charts++;
                }
            }
            assertTrue(charts >= NotebookChecks.SPECS.get(NOTEBOOK).minImages(),
                    "the browser decoded and showed " + charts + " chart images" + detail);
            assertEquals(0, n.exitValue(), detail);
        } finally {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    private static void waitForServer(String url, Process server, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                fail("the Notebook server exited with " + server.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        fail("the Notebook server did not answer on " + url.replaceAll("token=.*", "token=...") + " within 90 s:\n" + Files.readString(log));
    }

    private static boolean onPath(String command) {
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
