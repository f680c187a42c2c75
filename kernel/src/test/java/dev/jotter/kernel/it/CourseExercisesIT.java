package dev.jotter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course's graded exercises (notebooks 02-08), with the build's release of each notebook
 * ({@code jotter assign} into target/release-notebooks, kernel/pom.xml): through {@code jotter
 * grade}, the source's exercises score full marks and the release's score 0. Only the exercise
 * sections run (each notebook's cells from its first graded cell on, which need nothing above
 * them), all seven in one notebook, so the whole check is two JVMs; NotebooksIT runs the whole
 * notebooks, where NotebookChecks wants every test table at full marks too.
 */
class CourseExercisesIT {
    @TempDir
    Path dir;

    private static final List<String> COURSE = List.of("02-linear-regression", "03-digits-mlp", "04-transformer-text-classifier",
            "05-custom-training-loop", "06-classical-ml-smile", "07-data-wrangling", "08-variational-autoencoder");

    @TestFactory
    Stream<DynamicTest> sourceScoresFullMarksAndReleaseScoresZero() throws Exception {
        Path release = JupyterHarness.jar().resolveSibling("release-notebooks");
        JsonObject source = null;
        JsonObject released = null;
        List<DynamicTest> checks = new ArrayList<>();
        for (String name : COURSE) {
            JsonObject s = exercisesOf(read(NotebookChecks.notebooksDir().resolve(name + ".ipynb")));
            JsonObject r = exercisesOf(read(release.resolve(name + ".ipynb")));
            int tests = testCells(s);
            checks.add(DynamicTest.dynamicTest(name + " has 2 to 4 graded exercises",
                    () -> assertTrue(tests >= 2 && tests <= 4, name + " has " + tests)));
            source = source == null ? s : append(source, s);
            released = released == null ? r : append(released, r);
        }
        Path src = dir.resolve("course.ipynb");
        write(src, source);
        write(Files.createDirectories(dir.resolve("submitted/teacher")).resolve("course.ipynb"), source);
        write(Files.createDirectories(dir.resolve("submitted/student")).resolve("course.ipynb"), released);
        String log = jotter(dir, "grade", dir.resolve("submitted").toString(), "--source", src.toString(),
                "-o", dir.resolve("graded").toString(), "--jobs", "2", "--time-limit", "400");
        List<String> rows = Files.readAllLines(dir.resolve("graded/grades.csv"));
        for (String name : COURSE) {
            String prefix = "ex" + name.substring(0, 2) + "-";
            checks.add(DynamicTest.dynamicTest(name + ": source full marks, release 0", () -> {
                int seen = 0;
                for (String row : rows.subList(1, rows.size())) {
                    String[] f = row.split(",", 5);
                    if (!f[1].startsWith(prefix)) {
                        continue;
                    }
                    seen++;
                    if (f[0].equals("teacher")) {
                        assertEquals(f[3], f[2], "the source must score full marks: " + row + "\n" + log);
                        assertEquals("passed", f[4], row);
                    } else {
                        assertEquals("0", f[2], "the release must score 0: " + row);
                        assertTrue(f[4].contains("not implemented yet"), "the release fails on its stubs: " + row);
                    }
                }
                assertTrue(seen >= 4, name + ": rows for both submissions\n" + log);
            }));
        }
        return checks.stream();
    }

    private static String jotter(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(JupyterHarness.javaBin(), "-jar", JupyterHarness.jar().toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "jotter " + args[0] + " did not finish");
        assertEquals(0, p.exitValue(), "jotter " + String.join(" ", args) + ":\n" + out);
        return out;
    }

    private static JsonObject read(Path p) throws IOException {
        return JsonParser.parseString(Files.readString(p)).getAsJsonObject();
    }

    private static void write(Path p, JsonObject nb) throws IOException {
        Files.writeString(p, new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(nb));
    }

    private static JsonObject append(JsonObject a, JsonObject b) {
        JsonObject out = a.deepCopy();
        b.getAsJsonArray("cells").forEach(c -> out.getAsJsonArray("cells").add(c.deepCopy()));
        return out;
    }

    private static boolean graded(JsonElement cell) {
        JsonObject m = cell.getAsJsonObject().getAsJsonObject("metadata");
        return m != null && m.has("nbgrader");
    }

    /** The notebook from its first graded cell on: the exercises, which use nothing above them. */
    static JsonObject exercisesOf(JsonObject nb) {
        JsonArray kept = new JsonArray();
        boolean on = false;
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            on |= graded(c);
            if (on) {
                kept.add(c.deepCopy());
            }
        }
        JsonObject out = nb.deepCopy();
        out.add("cells", kept);
        return out;
    }

    private static int testCells(JsonObject nb) {
        int n = 0;
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            if (graded(c) && c.getAsJsonObject().getAsJsonObject("metadata").getAsJsonObject("nbgrader").get("grade").getAsBoolean()) {
                n++;
            }
        }
        return n;
    }
}
