package dev.jotter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jotter assign} and {@code jotter grade} from the packaged jar, on a small exercise
 * notebook and a class of synthetic submissions: each gets the grade it deserves, whatever it
 * does, and the grader finishes.
 */
class GradingIT {
    private static final Path SOURCE = Path.of("src/test/resources/teaching/exercises.ipynb");

    @TempDir
    Path dir;

    private static String run(Path workDir, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(JupyterHarness.javaBin(), "-jar", JupyterHarness.jar().toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), "jotter " + args[0] + " did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "jotter " + String.join(" ", args) + ":\n" + text);
        return text;
    }

    private static JsonObject read(Path p) throws IOException {
        return JsonParser.parseString(Files.readString(p)).getAsJsonObject();
    }

    private static String source(JsonObject cell) {
        StringBuilder sb = new StringBuilder();
        cell.getAsJsonArray("source").forEach(l -> sb.append(l.getAsString()));
        return sb.toString();
    }

    private static void setSource(JsonObject cell, String s) {
        JsonArray a = new JsonArray();
        a.add(s);
        cell.add("source", a);
    }

    private static JsonObject code(String s) {
        JsonObject c = new JsonObject();
        c.addProperty("cell_type", "code");
        c.add("metadata", new JsonObject());
        c.add("outputs", new JsonArray());
        c.add("execution_count", null);
        setSource(c, s);
        return c;
    }

    /** The answer cells' sources by grade id. */
    private static JsonObject cell(JsonObject nb, String id) {
        for (var e : nb.getAsJsonArray("cells")) {
            JsonObject c = e.getAsJsonObject();
            if (c.getAsJsonObject("metadata").has("nbgrader")
                    && id.equals(c.getAsJsonObject("metadata").getAsJsonObject("nbgrader").get("grade_id").getAsString())) {
                return c;
            }
        }
        throw new AssertionError("no cell " + id);
    }

    private void submit(Path subs, String student, JsonObject nb) throws IOException {
        Path d = Files.createDirectories(subs.resolve(student));
        Files.writeString(d.resolve("exercises.ipynb"), new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(nb));
    }

    @Test
    void aClassOfSubmissionsGetsTheExpectedGrades() throws Exception {
        Path source = dir.resolve("exercises.ipynb");
        Files.copy(SOURCE, source);
        String assigned = run(dir, 60, "assign", source.toString(), "-o", dir.resolve("release").toString());
        assertTrue(assigned.contains("(2 test cells, 5 points)"), assigned);
        JsonObject released = read(dir.resolve("release/exercises.ipynb"));
        JsonObject solved = read(source);
        Path subs = Files.createDirectories(dir.resolve("submitted"));

        submit(subs, "correct", solved);
        submit(subs, "empty", released);
        JsonObject partial = released.deepCopy();
        setSource(cell(partial, "mse-answer"), source(cell(solved, "mse-answer")));
        setSource(cell(partial, "scale-answer"), source(cell(solved, "scale-answer")).replace("/ x.length", "/ (x.length - 1)"));
        submit(subs, "partial", partial);
        JsonObject loop = solved.deepCopy();
        setSource(cell(loop, "mse-answer"), "double mse(double[] y, double[] p) {\n    double s = 0;\n    while (true) { s++; }\n}");
        submit(subs, "loop", loop);
        JsonObject hang = solved.deepCopy();
        hang.getAsJsonArray("cells").add(code("long spins = 0;\nwhile (true) { spins++; }"));
        submit(subs, "hang", hang);
        JsonObject exit = solved.deepCopy();
        setSource(cell(exit, "mse-answer"), "double mse(double[] y, double[] p) {\n    System.exit(0);\n    return 0;\n}");
        exit.getAsJsonArray("cells").add(code("System.exit(1);"));
        submit(subs, "exit", exit);
        JsonObject deletedTest = solved.deepCopy();
        deletedTest.getAsJsonArray("cells").remove(deletedTest.getAsJsonArray("cells").asList().indexOf(cell(deletedTest, "scale-tests")));
        submit(subs, "deleted-test", deletedTest);
        JsonObject deletedAnswer = solved.deepCopy();
        deletedAnswer.getAsJsonArray("cells").remove(deletedAnswer.getAsJsonArray("cells").asList().indexOf(cell(deletedAnswer, "mse-answer")));
        submit(subs, "deleted-answer", deletedAnswer);
        JsonObject print = solved.deepCopy();
        print.getAsJsonArray("cells").add(code("System.out.print(\"x\".repeat(10_000_000));"));
        submit(subs, "print-10mb", print);
        JsonObject oom = solved.deepCopy();
        oom.getAsJsonArray("cells").asList().add(1, code("{\n    List<long[]> hog = new ArrayList<>();\n    while (true) hog.add(new long[1 << 20]);\n}"));
        submit(subs, "oom", oom);
        JsonObject cheat = released.deepCopy();
        setSource(cell(cheat, "mse-tests"), "%%test --points 2\nclass MseTests { @org.junit.jupiter.api.Test void ok() {} }");
        submit(subs, "cheat", cheat);
        Files.writeString(subs.resolve("broken.ipynb"), "{\"cells\": [ {\"cell_type\": \"code\", ");
        Files.createDirectories(subs.resolve("no-notebook"));

        long t0 = System.nanoTime();
        String log = run(dir, 600, "grade", subs.toString(), "--source", source.toString(), "-o", dir.resolve("graded").toString(),
                "--jobs", "2", "--cell-timeout", "20", "--time-limit", "180", "--memory", "256m");
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("GradingIT: 13 submissions graded in %.1f s%n%s%n", seconds, log);

        Map<String, Map<String, String>> points = new TreeMap<>();
        Map<String, String> status = new TreeMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("graded/grades.csv"));
        assertEquals("student,exercise,points,max_points,status", lines.getFirst());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 5);
            points.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], f[2] + "/" + f[3]);
            status.merge(f[0], f[4], (a, b) -> a + " || " + b);
        }
        Map<String, Map<String, String>> expected = new TreeMap<>();
        expected.put("correct", Map.of("mse-tests", "2/2", "scale-tests", "3/3"));
        expected.put("empty", Map.of("mse-tests", "0/2", "scale-tests", "0/3"));
        expected.put("partial", Map.of("mse-tests", "2/2", "scale-tests", "2/3"));
        expected.put("loop", Map.of("mse-tests", "0/2", "scale-tests", "3/3"));
        expected.put("hang", Map.of("mse-tests", "2/2", "scale-tests", "3/3"));
        expected.put("exit", Map.of("mse-tests", "0/2", "scale-tests", "3/3"));
        expected.put("deleted-test", Map.of("mse-tests", "2/2", "scale-tests", "3/3"));
        expected.put("deleted-answer", Map.of("mse-tests", "0/2", "scale-tests", "3/3"));
        expected.put("print-10mb", Map.of("mse-tests", "2/2", "scale-tests", "3/3"));
        expected.put("oom", Map.of("mse-tests", "2/2", "scale-tests", "3/3"));
        expected.put("cheat", Map.of("mse-tests", "0/2", "scale-tests", "0/3"));
        expected.put("broken", Map.of("mse-tests", "0/2", "scale-tests", "0/3"));
        expected.put("no-notebook", Map.of("mse-tests", "0/2", "scale-tests", "0/3"));
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue(), points.get(e.getKey()), e.getKey() + ": " + status.get(e.getKey()));
        }
        assertEquals(expected.keySet(), points.keySet());
        assertTrue(status.get("loop").contains("did not finish within 2 s"), status.get("loop"));
        assertTrue(status.get("exit").contains("called System.exit(0) was blocked"), status.get("exit"));
        assertTrue(status.get("deleted-test").contains("test cell scale-tests was deleted: put back from the source"), status.get("deleted-test"));
        assertTrue(status.get("deleted-answer").contains("answer cell mse-answer was deleted"), status.get("deleted-answer"));
        assertTrue(status.get("broken").startsWith("invalid notebook: broken.ipynb is not valid JSON"), status.get("broken"));
        assertTrue(status.get("no-notebook").startsWith("invalid notebook: no notebook submitted"), status.get("no-notebook"));
        assertTrue(status.get("empty").contains("UnsupportedOperationException: not implemented yet"), status.get("empty"));
        assertTrue(status.get("partial").contains("2 of 3 tests passed; unitVariance()"), status.get("partial"));
        for (String student : expected.keySet()) {
            Path feedback = dir.resolve("graded").resolve(student).resolve("exercises.ipynb");
            assertTrue(Files.isRegularFile(feedback), "feedback for " + student);
            assertTrue(source(read(feedback).getAsJsonArray("cells").get(0).getAsJsonObject()).startsWith("## Feedback"), student);
        }
        assertTrue(Files.size(dir.resolve("graded/print-10mb/exercises.ipynb")) < 1_000_000, "a 10 MB print is cut in the feedback");
        assertTrue(Files.readString(dir.resolve("graded/correct/exercises.ipynb")).contains("<table class=\\\"jotter-tests\\\">"),
                "the feedback notebook shows the test tables");
    }

    @Test
    void helpAndMistakesAreThePicocliCommands() throws Exception {
        String help = run(dir, 60, "grade", "--help");
        assertTrue(help.contains("Usage: jotter grade") && help.contains("--time-limit"), help);
        List<String> cmd = List.of(JupyterHarness.javaBin(), "-jar", JupyterHarness.jar().toString(), "assign", "missing.ipynb");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor(), out);
        assertTrue(out.contains("jotter assign: needs --output DIR (required). Run 'jotter assign --help'."), out);
    }
}
