package dev.jotter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What Binder's postBuild does, done here: {@code binder/install-kernel.sh} (the script postBuild
 * runs) with a fresh HOME and a private prefix installs the kernelspec with the Binder memory
 * caps and warms DJL's CPU natives and the %maven path; then Jupyter's nbclient executes a
 * curriculum notebook with exactly that kernelspec. The Maven build step itself is what
 * {@code ./test} has just done, so the script is given the jar it built ({@code --jar}).
 */
class BinderPostBuildIT {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void binderConfigurationIsCompleteAndPinned() throws Exception {
        String env = Files.readString(REPO.resolve("binder/environment.yml"));
        assertTrue(env.contains("- openjdk=25"), "binder/environment.yml must give a JDK 25:\n" + env);
        for (String line : env.lines().filter(l -> l.matches("\\s+- [a-z].*") && !l.contains("conda-forge") && !l.contains("nodefaults")).toList()) {
            assertTrue(line.matches("\\s+- [A-Za-z0-9_.-]+=[0-9][0-9A-Za-z.]*\\s*(#.*)?"), "unpinned package in binder/environment.yml: '" + line.strip() + "'");
        }
        String postBuild = Files.readString(REPO.resolve("binder/postBuild"));
        assertTrue(postBuild.contains("binder/install-kernel.sh --sys-prefix"), "postBuild must run the tested script:\n" + postBuild);
        assertTrue(Files.isExecutable(REPO.resolve("binder/postBuild")), "binder/postBuild must be executable (repo2docker runs it directly)");
        assertTrue(Files.isExecutable(REPO.resolve("binder/start")), "binder/start must be executable");
    }

    @Test
    void postBuildStepsInstallAWorkingKernelIntoAFreshHome() throws Exception {
        JupyterHarness.requireJupyter("nbclient", "nbformat", "jupyter_client");
        Path root = Files.createTempDirectory("jotter-binder");
        Path home = Files.createDirectories(root.resolve("home"));
        Path prefix = root.resolve("prefix");
        // A fresh HOME has an empty Maven cache and CI has no network: point Maven (and %maven,
        // which reads the same settings) at the cache this build filled, offline.
        Path realRepo = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), """
                <settings>
                  <localRepository>%s</localRepository>
                  <offline>true</offline>
                </settings>
                """.formatted(realRepo));
        Path log = root.resolve("install.log");
        ProcessBuilder pb = new ProcessBuilder("bash", REPO.resolve("binder/install-kernel.sh").toString(),
                "--prefix", prefix.toString(), "--jar", JupyterHarness.jar().toString())
                .directory(REPO.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.remove("JUPYTER_DATA_DIR");
        env.remove("JUPYTER_PATH");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        boolean finished = p.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        String transcript = Files.readString(log);
        assertTrue(finished, "install-kernel.sh did not finish within 10 minutes:\n" + transcript);
        assertEquals(0, p.exitValue(), "install-kernel.sh failed:\n" + transcript);

        Path spec = prefix.resolve("share/jupyter/kernels/jotter");
        JsonObject kernel = JsonParser.parseString(Files.readString(spec.resolve("kernel.json"))).getAsJsonObject();
        String argv = kernel.getAsJsonArray("argv").toString();
        assertTrue(argv.contains("-Xmx896m") && argv.contains("-XX:MaxDirectMemorySize="), "Binder memory caps missing from kernel.json: " + argv);
        assertTrue(argv.contains(spec.resolve("jotter.jar").toString()), "the kernelspec must run its own copy of the jar: " + argv);
        assertTrue(Files.size(spec.resolve("jotter.jar")) > 100_000, "kernelspec jar copy is missing or truncated");
        // The jar's libraries and the toolkit layer travel with it (docs/library-isolation.md).
        try (Stream<Path> toolkit = Files.list(spec.resolve("lib/toolkit"))) {
            assertTrue(toolkit.anyMatch(j -> j.getFileName().toString().startsWith("pytorch-native-cpu-")),
                    "the kernelspec's lib/toolkit lacks PyTorch's natives");
        }
        assertTrue(Files.isRegularFile(spec.resolve("lib/jeromq-0.6.0.jar")) || Files.list(spec.resolve("lib")).anyMatch(j -> j.getFileName().toString().startsWith("jeromq-")),
                "the kernelspec's lib/ lacks the kernel's libraries");
        assertTrue(argv.contains("-XX:CompilerDirectivesFile=" + spec.resolve("jit-directives.json")) && Files.isRegularFile(spec.resolve("jit-directives.json")),
                "the kernelspec must carry its compiler directives: " + argv);
        assertTrue(transcript.contains("libtorch works: 1 + 1 = 2.0"), "the warm-up did not run libtorch:\n" + transcript);
        try (Stream<Path> djl = Files.walk(home.resolve(".djl.ai"))) {
            List<String> libs = djl.map(Path::toString).filter(s -> s.endsWith("libtorch.so")).toList();
            assertEquals(1, libs.size(), "DJL's cache should hold exactly one libtorch: " + libs);
            assertTrue(libs.get(0).contains("cpu"), "DJL cached a non-CPU libtorch: " + libs);
        }

        // Now a student's view: Jupyter starts the kernel from that kernelspec and runs a notebook.
        Path out = root.resolve("executed");
        Path report = root.resolve("report.json");
        Path notebook = NotebookChecks.notebooksDir().resolve("07-data-wrangling.ipynb");
        ProcessBuilder nb = new ProcessBuilder(JupyterHarness.python(), "src/test/python/run_notebooks.py",
                out.toString(), report.toString(), notebook.toString()).redirectErrorStream(true).redirectOutput(root.resolve("nbclient.log").toFile());
        nb.environment().put("HOME", home.toString());
        nb.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        nb.environment().remove("JUPYTER_DATA_DIR");
        nb.environment().put("PYTHONUNBUFFERED", "1");
        Process run = nb.start();
        boolean ran = run.waitFor(10, TimeUnit.MINUTES);
        if (!ran) {
            run.destroyForcibly().waitFor();
        }
        String nbLog = Files.readString(root.resolve("nbclient.log"), StandardCharsets.UTF_8);
        assertTrue(ran, "nbclient did not finish within 10 minutes:\n" + nbLog);
        assertEquals(0, run.exitValue(), "nbclient failed with the Binder kernelspec:\n" + nbLog
                + (Files.isRegularFile(report) ? Files.readString(report) : ""));
        NotebookChecks.check(out.resolve(notebook.getFileName()), "nbclient (Binder kernelspec)");
    }
}
