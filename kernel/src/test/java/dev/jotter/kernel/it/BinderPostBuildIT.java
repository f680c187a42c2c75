package dev.jotter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What repo2docker does with {@code binder/}, done here as far as this machine allows (no Docker,
 * no conda, no network): the repository copied into a fresh home folder, as repo2docker puts it in
 * the image's {@code $HOME}; {@code binder/postBuild} run there with a fresh HOME and a conda-like
 * environment prefix ({@code CONDA_PREFIX}, which {@code --sys-prefix} installs into); then the
 * image's contents checked (a kernelspec whose {@code env} holds the runtime settings, no build
 * repository, a {@code %maven} cache with only what the tour uses, no {@code ~/.djl.ai}) and its
 * size printed against the budget in binder/README.md; then Jupyter's nbclient executes a course
 * notebook with exactly that kernelspec. The Maven build step itself is what {@code ./test} has
 * just done, so postBuild is given that jar ({@code JOTTER_PREBUILT_JAR}).
 */
class BinderPostBuildIT {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    /** What the tour's {@code %maven} cell resolves: gson and the annotations its pom names, with their parent poms. */
    private static final List<String> TOUR_MAVEN_GROUPS = List.of("com/google/code/gson/", "com/google/errorprone/");

    @Test
    void binderConfigurationIsCompleteAndPinned() throws Exception {
        String env = Files.readString(REPO.resolve("binder/environment.yml"));
        for (String line : env.lines().filter(l -> l.matches("\\s+- [a-z].*") && !l.contains("conda-forge") && !l.contains("nodefaults")).toList()) {
            assertTrue(line.matches("\\s+- [A-Za-z0-9_.-]+=[0-9][0-9A-Za-z.]*\\s*(#.*)?"), "unpinned package in binder/environment.yml: '" + line.strip() + "'");
        }
        // The JDK the environment pins is the one the build needs: the compiler's release and the
        // enforcer's minimum in the root pom (what ./mvnw in postBuild runs with).
        Matcher jdk = Pattern.compile("- openjdk=(\\d+)\\.[0-9.]+").matcher(env);
        assertTrue(jdk.find(), "binder/environment.yml must pin conda-forge's openjdk to an exact version:\n" + env);
        int pinned = Integer.parseInt(jdk.group(1));
        String pom = Files.readString(REPO.resolve("pom.xml"));
        Matcher release = Pattern.compile("<maven.compiler.release>(\\d+)</maven.compiler.release>").matcher(pom);
        Matcher minimum = Pattern.compile("<requireJavaVersion>\\s*<version>\\[(\\d+),\\)</version>").matcher(pom);
        assertTrue(release.find() && minimum.find(), "the root pom's maven.compiler.release or requireJavaVersion moved; update this test");
        assertEquals(Integer.parseInt(release.group(1)), pinned, "binder/environment.yml pins openjdk " + pinned + " but the build compiles for Java " + release.group(1));
        assertTrue(pinned >= Integer.parseInt(minimum.group(1)), "binder/environment.yml pins openjdk " + pinned + " but the build requires " + minimum.group(1) + " or newer");
        System.out.println("[binder] environment.yml pins " + jdk.group().substring(2) + "; the build needs Java " + release.group(1)
                + " (this test runs on " + Runtime.version() + ")");

        // The image's %maven cache is what the warm-up fetches: exactly the tour's %maven lines.
        assertEquals(mavenLines(REPO.resolve("notebooks/01-tour.ipynb")), mavenLines(REPO.resolve("binder/warmup.ipynb")),
                "binder/warmup.ipynb must fetch what notebooks/01-tour.ipynb's %maven cells use, no more, no less");

        String postBuild = Files.readString(REPO.resolve("binder/postBuild"));
        assertTrue(postBuild.contains("binder/install-kernel.sh --sys-prefix --clean --slim"), "postBuild must run the tested script:\n" + postBuild);
        assertTrue(Files.isExecutable(REPO.resolve("binder/postBuild")), "binder/postBuild must be executable (repo2docker runs it directly)");
        assertFalse(Files.exists(REPO.resolve("binder/start")), "binder/start is gone: the kernel's runtime settings live in its kernel.json");
    }

    @Test
    void postBuildInAFreshHomeMakesASlimImageWithAWorkingKernel() throws Exception {
        JupyterHarness.requireJupyter("nbclient", "nbformat", "jupyter_client");
        Path root = Files.createTempDirectory("jotter-binder");
        Path home = Files.createDirectories(root.resolve("home"));
        Path prefix = Files.createDirectories(root.resolve("conda-env"));
        copyRepository(home);
        // What a real postBuild's Maven build leaves behind, for the slimming to remove: the
        // wrapper's Maven, the build's dependencies and the build folders.
        Files.createDirectories(home.resolve(".m2/wrapper/dists/apache-maven")).resolve("bin").toFile().createNewFile();
        Files.writeString(Files.createDirectories(home.resolve(".m2/repository/org/example/build-only/1.0")).resolve("build-only-1.0.jar"), "x");
        Files.writeString(Files.createDirectories(home.resolve("kernel/target")).resolve("jotter.jar"), "x");
        // %maven needs Maven Central, which CI cannot reach: a file:// mirror holding the tour's
        // artifacts from this build's repository, with the checksums Central serves.
        Path central = root.resolve("central");
        mirrorTourArtifacts(central);
        Files.writeString(home.resolve(".m2/settings.xml"), """
                <settings>
                  <mirrors><mirror><id>central-copy</id><mirrorOf>*</mirrorOf><url>%s</url></mirror></mirrors>
                </settings>
                """.formatted(central.toUri()));

        Path log = root.resolve("postBuild.log");
        ProcessBuilder pb = new ProcessBuilder("bash", "binder/postBuild").directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("CONDA_PREFIX", prefix.toString());
        env.remove("VIRTUAL_ENV");
        env.remove("JUPYTER_DATA_DIR");
        env.remove("JUPYTER_PATH");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JOTTER_PREBUILT_JAR", JupyterHarness.jar().toString());
        Process p = pb.start();
        boolean finished = p.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        String transcript = Files.readString(log);
        assertTrue(finished, "postBuild did not finish within 10 minutes:\n" + transcript);
        assertEquals(0, p.exitValue(), "postBuild failed:\n" + transcript);

        Path spec = prefix.resolve("share/jupyter/kernels/jotter");
        JsonObject kernel = JsonParser.parseString(Files.readString(spec.resolve("kernel.json"))).getAsJsonObject();
        String argv = kernel.getAsJsonArray("argv").toString();
        assertTrue(argv.contains("-Xmx896m") && argv.contains("-XX:MaxDirectMemorySize="), "Binder memory caps missing from kernel.json: " + argv);
        assertTrue(argv.contains(spec.resolve("jotter.jar").toString()), "the kernelspec must run its own copy of the jar: " + argv);
        assertTrue(Files.size(spec.resolve("jotter.jar")) > 100_000, "kernelspec jar copy is missing or truncated");
        // The jar's libraries, the toolkit and Smile layers and their licence files travel with it.
        try (Stream<Path> toolkit = Files.list(spec.resolve("lib/toolkit"))) {
            assertTrue(toolkit.anyMatch(j -> j.getFileName().toString().startsWith("pytorch-native-cpu-")),
                    "the kernelspec's lib/toolkit lacks PyTorch's natives");
        }
        try (Stream<Path> lib = Files.list(spec.resolve("lib"))) {
            assertTrue(lib.anyMatch(j -> j.getFileName().toString().startsWith("jeromq-")), "the kernelspec's lib/ lacks the kernel's libraries");
        }
        for (String f : List.of("lib/LICENSE", "lib/NOTICE", "lib/THIRD-PARTY.txt", "lib/smile/LICENSE")) {
            assertTrue(Files.isRegularFile(spec.resolve(f)), "the kernelspec lacks " + f + " (docs/licensing.md)");
        }
        assertTrue(argv.contains("-XX:CompilerDirectivesFile=" + spec.resolve("jit-directives.json")) && Files.isRegularFile(spec.resolve("jit-directives.json")),
                "the kernelspec must carry its compiler directives: " + argv);

        // The runtime settings live in the kernelspec, and DJL's natives in the install folder.
        JsonObject kernelEnv = kernel.getAsJsonObject("env");
        assertTrue(kernelEnv != null, "kernel.json has no env: " + kernel);
        Path djl = spec.resolve("djl");
        Map<String, String> expected = Map.of("DJL_CACHE_DIR", djl.toString(), "PYTORCH_FLAVOR", "cpu", "DJL_OFFLINE", "true",
                "OPT_OUT_TRACKING", "true", "MALLOC_ARENA_MAX", "2");
        expected.forEach((k, v) -> assertEquals(v, kernelEnv.has(k) ? kernelEnv.get(k).getAsString() : null, "kernel.json env " + k + ": " + kernelEnv));
        assertTrue(transcript.contains("libtorch works: 1 + 1 = 2.0"), "the warm-up did not run libtorch:\n" + transcript);
        try (Stream<Path> files = Files.walk(djl)) {
            List<String> libs = files.map(Path::toString).filter(s -> s.endsWith("libtorch.so")).toList();
            assertEquals(1, libs.size(), "DJL's cache in the install folder should hold exactly one libtorch: " + libs);
            assertTrue(libs.get(0).contains("cpu"), "DJL cached a non-CPU libtorch: " + libs);
        }

        // Nothing a student does not need: no build repository, no Maven, no build folders, no
        // second DJL cache; the %maven cache holds the tour's library and nothing else.
        assertFalse(Files.exists(home.resolve(".djl.ai")), "~/.djl.ai must not stay in the image (DJL_CACHE_DIR points at the install folder)");
        assertFalse(Files.exists(home.resolve(".m2/wrapper")), "the Maven wrapper's distribution must not stay in the image");
        assertFalse(Files.exists(home.resolve("kernel/target")), "the build folders must not stay in the image");
        Path m2 = home.resolve(".m2/repository");
        try (Stream<Path> files = Files.walk(m2)) {
            List<String> all = files.filter(Files::isRegularFile).map(f -> m2.relativize(f).toString().replace('\\', '/')).toList();
            List<String> other = all.stream().filter(f -> TOUR_MAVEN_GROUPS.stream().noneMatch(f::startsWith)).toList();
            assertTrue(all.stream().anyMatch(f -> f.endsWith("gson-2.13.2.jar")), "the %maven cache lacks the tour's gson: " + all);
            assertEquals(List.of(), other, "the image's %maven cache holds more than the tour uses");
        }

        // The image's size, as far as Jotter adds to it: the home folder (repository, caches) and the install.
        long budget = budgetMegabytes();
        long homeMb = megabytes(home), installMb = megabytes(spec), total = homeMb + installMb;
        System.out.printf("[binder] image size beyond the conda environment: home folder %d MB (~/.m2 %d MB) + kernel install %d MB"
                + " (DJL's natives %d MB) = %d MB of a %d MB budget (binder/README.md)%n",
                homeMb, megabytes(home.resolve(".m2")), installMb, megabytes(djl), total, budget);
        assertTrue(total <= budget, "the Binder image grew past its budget: " + total + " MB > " + budget + " MB; see the sizes above and binder/README.md");

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
        assertFalse(Files.exists(home.resolve(".djl.ai")), "the kernel extracted DJL's natives into ~/.djl.ai again instead of using the install folder's");
    }

    /** The {@code %maven} lines of a notebook's code cells, in order. */
    private static List<String> mavenLines(Path notebook) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (var cell : JsonParser.parseString(Files.readString(notebook)).getAsJsonObject().getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if (c.get("cell_type").getAsString().equals("code")) {
                for (var line : c.getAsJsonArray("source")) {
                    String l = line.getAsString().strip();
                    if (l.startsWith("%maven ")) {
                        lines.add(l);
                    }
                }
            }
        }
        assertFalse(lines.isEmpty(), notebook + " has no %maven line; update BinderPostBuildIT and binder/README.md");
        return lines;
    }

    /** The files git would give repo2docker (tracked, and new ones not ignored), into the home folder. */
    private static void copyRepository(Path home) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard").directory(REPO.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, git.waitFor(), "git ls-files failed in " + REPO);
        for (String name : listing.split("\0")) {
            Path from = REPO.resolve(name);
            if (name.isEmpty() || !Files.isRegularFile(from)) {
                continue;
            }
            Path to = home.resolve(name);
            Files.createDirectories(to.getParent());
            Files.copy(from, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** The tour's artifacts from this build's local repository, laid out as a remote repository with SHA-1 files. */
    private static void mirrorTourArtifacts(Path central) throws IOException, NoSuchAlgorithmException {
        Path repo = Path.of(System.getProperty("user.home"), ".m2", "repository");
        for (String group : TOUR_MAVEN_GROUPS) {
            Path from = repo.resolve(group);
            assertTrue(Files.isDirectory(from), "this build's repository lacks " + from + ", which the tour's %maven cell needs");
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String n = f.getFileName().toString();
                    if (!(n.endsWith(".jar") || n.endsWith(".pom"))) {
                        continue;
                    }
                    Path to = central.resolve(repo.relativize(f).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(f));
                    Files.writeString(to.resolveSibling(n + ".sha1"), HexFormat.of().formatHex(sha1));
                }
            }
        }
    }

    /** The budget binder/README.md states, as "Size budget: N MB". */
    private static long budgetMegabytes() throws IOException {
        Matcher m = Pattern.compile("Size budget: (\\d+) MB").matcher(Files.readString(REPO.resolve("binder/README.md")));
        assertTrue(m.find(), "binder/README.md must state the image's size budget as 'Size budget: N MB'");
        return Long.parseLong(m.group(1));
    }

    private static long megabytes(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            long bytes = 0;
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(f);
            }
            return (bytes + (1 << 20) - 1) >> 20;
        }
    }
}
