package dev.jotter.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jotter.kernel.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jotter run} on small notebooks with the real in-process JShell: outputs land in
 * nbformat 4 form, failures stop the run with the cell's error and a non-zero exit, the output
 * is replaced atomically, folders run every notebook, and {@code --param} follows papermill.
 */
class NotebookRunnerTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    /**
     * A minimal nbformat 4.5 notebook: each cell is "md:TEXT", "param:CODE" (tagged parameters),
     * "raises:CODE" (tagged raises-exception) or code.
     */
    private static String notebook(String... cells) {
        JsonArray array = new JsonArray();
        int id = 0;
        for (String c : cells) {
            JsonObject cell = new JsonObject();
            cell.addProperty("id", "cell-" + id++);
            if (c.startsWith("md:")) {
                cell.addProperty("cell_type", "markdown");
                cell.add("metadata", new JsonObject());
                cell.addProperty("source", c.substring(3));
            } else {
                boolean param = c.startsWith("param:");
                boolean raises = c.startsWith("raises:");
                cell.addProperty("cell_type", "code");
                cell.add("execution_count", com.google.gson.JsonNull.INSTANCE);
                cell.add("metadata", param ? Json.obj("tags", List.of("parameters"))
                        : raises ? Json.obj("tags", List.of("raises-exception")) : new JsonObject());
                cell.add("outputs", new JsonArray());
                // Sources as lists of lines, as Jupyter writes them.
                JsonArray lines = new JsonArray();
                (param ? c.substring(6) : raises ? c.substring(7) : c).lines().forEach(l -> lines.add(l + "\n"));
                cell.add("source", lines);
            }
            array.add(cell);
        }
        return Json.PRETTY.toJson(Json.obj("cells", array, "nbformat", 4, "nbformat_minor", 5,
                "metadata", Json.obj("kernelspec", Json.obj("name", "jotter", "display_name", "Java (Jotter)", "language", "java"))));
    }

    private Path write(String name, String json) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, json);
        return p;
    }

    private static JsonObject read(Path p) throws IOException {
        return JsonParser.parseString(Files.readString(p)).getAsJsonObject();
    }

    private static List<JsonObject> codeCells(JsonObject nb) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            if (c.getAsJsonObject().get("cell_type").getAsString().equals("code")) {
                out.add(c.getAsJsonObject());
            }
        }
        return out;
    }

    /** {@code jotter run ARGS} through the whole command line, with its progress in {@link #log}. */
    private int cli(List<String> args, ByteArrayOutputStream err) {
        List<String> line = new ArrayList<>(List.of("run"));
        line.addAll(args);
        return Main.run(line.toArray(String[]::new), log, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesTextResultsHtmlAndPngOutputs() throws Exception {
        Path in = write("tiny.ipynb", notebook(
                "md:# Title",
                "System.out.println(\"hello\");\nSystem.out.println(\"world\");",
                "6 * 7",
                "display(\"<b>bold</b>\", \"text/html\");",
                "var img = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);\ndisplay(img);",
                "int unused = 1;"));
        Path out = dir.resolve("tiny.out.ipynb");
        NotebookRunner.Outcome o = new NotebookRunner(log, Map.of(), 0).run(in, out);

        assertTrue(o.ok(), () -> o.failure() + "\n" + logBytes);
        assertEquals(5, o.cells());
        JsonObject nb = read(out);
        assertEquals(4, nb.get("nbformat").getAsInt());
        assertEquals("jotter", nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name").getAsString());
        assertEquals("ok", nb.getAsJsonObject("metadata").getAsJsonObject("jotter").get("status").getAsString());
        List<JsonObject> code = codeCells(nb);

        JsonObject stream = code.get(0).getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("stream", stream.get("output_type").getAsString());
        assertEquals("stdout", stream.get("name").getAsString());
        assertEquals("hello\nworld\n", stream.get("text").getAsString(), "consecutive prints merge into one stream output");
        assertEquals(1, code.get(0).get("execution_count").getAsInt());

        JsonObject result = code.get(1).getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("execute_result", result.get("output_type").getAsString());
        assertEquals(2, result.get("execution_count").getAsInt());
        assertEquals("42", result.getAsJsonObject("data").get("text/plain").getAsString());
        assertTrue(result.has("metadata"));

        JsonObject html = code.get(2).getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("display_data", html.get("output_type").getAsString());
        assertEquals("<b>bold</b>", html.getAsJsonObject("data").get("text/html").getAsString());

        JsonObject png = code.get(3).getAsJsonArray("outputs").get(0).getAsJsonObject();
        byte[] bytes = Base64.getMimeDecoder().decode(png.getAsJsonObject("data").get("image/png").getAsString());
        assertTrue(bytes.length > 8 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', "a PNG, not " + bytes.length + " bytes");

        assertEquals(0, code.get(4).getAsJsonArray("outputs").size());
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("[5/5] ok"), logBytes::toString);
    }

    @Test
    void displayUpdatesAndClearsAreAppliedAsAFrontEndWould() throws Exception {
        Path in = write("upd.ipynb", notebook(
                "String id = display(\"first\");\nupdateDisplay(id, \"second\");",
                "System.out.println(\"gone\");\nclearOutput();\nSystem.out.println(\"kept\");"));
        Path out = dir.resolve("upd.out.ipynb");
        assertTrue(new NotebookRunner(log, Map.of(), 0).run(in, out).ok());
        List<JsonObject> code = codeCells(read(out));
        JsonArray first = code.get(0).getAsJsonArray("outputs");
        assertEquals(1, first.size(), first::toString);
        assertTrue(first.get(0).getAsJsonObject().getAsJsonObject("data").get("text/plain").getAsString().contains("second"), first::toString);
        JsonArray second = code.get(1).getAsJsonArray("outputs");
        assertEquals(1, second.size(), second::toString);
        assertEquals("kept\n", second.get(0).getAsJsonObject().get("text").getAsString());
    }

    @Test
    void aFailingCellStopsTheRunAndIsReportedWithANonZeroExit() throws Exception {
        Path in = write("fails.ipynb", notebook(
                "int a = 1;",
                "if (a == 1) throw new IllegalStateException(\"boom \" + a);",
                "System.out.println(\"never\");"));
        Path out = dir.resolve("fails.out.ipynb");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = cli(List.of(in.toString(), "-o", out.toString()), err);

        assertEquals(1, code);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("cell 2 of 3 failed"), message);
        assertTrue(message.contains("IllegalStateException") && message.contains("boom 1"), message);
        assertTrue(message.contains("throw new IllegalStateException"), "names the cell's source: " + message);
        assertFalse(message.contains("\u001b["), "no terminal colour codes in the message: " + message);

        // The executed notebook is still written, with the error where Jupyter would show it.
        JsonObject nb = read(out);
        List<JsonObject> cells = codeCells(nb);
        JsonObject error = cells.get(1).getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("error", error.get("output_type").getAsString());
        assertEquals("java.lang.IllegalStateException", error.get("ename").getAsString());
        assertTrue(cells.get(2).get("execution_count").isJsonNull(), "cells after the failure were not run");
        assertEquals(0, cells.get(2).getAsJsonArray("outputs").size());
        assertEquals("failed", nb.getAsJsonObject("metadata").getAsJsonObject("jotter").get("status").getAsString());
        assertEquals(2, nb.getAsJsonObject("metadata").getAsJsonObject("jotter").get("failed_cell").getAsInt());
    }

    @Test
    void cellsAfterAFailureLoseTheOutputsAndCountsOfAnEarlierRun() throws Exception {
        JsonObject nb = JsonParser.parseString(notebook("int a = 1;", "throw new IllegalStateException(\"now\");", "a + 1", "md:# end", "a + 2"))
                .getAsJsonObject();
        // As saved after an earlier run that got to the end.
        int count = 1;
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (cell.get("cell_type").getAsString().equals("code")) {
                cell.addProperty("execution_count", count);
                JsonArray outputs = new JsonArray();
                outputs.add(Json.obj("output_type", "stream", "name", "stdout", "text", "old output " + count++));
                cell.add("outputs", outputs);
            }
        }
        Path in = write("stale.ipynb", Json.PRETTY.toJson(nb));
        Path out = dir.resolve("stale.out.ipynb");

        assertEquals(1, cli(List.of(in.toString(), "-o", out.toString()), new ByteArrayOutputStream()));

        List<JsonObject> cells = codeCells(read(out));
        assertEquals(1, cells.get(0).get("execution_count").getAsInt());
        assertEquals(2, cells.get(1).get("execution_count").getAsInt());
        assertEquals("error", cells.get(1).getAsJsonArray("outputs").get(0).getAsJsonObject().get("output_type").getAsString());
        for (JsonObject after : cells.subList(2, 4)) {
            assertTrue(after.get("execution_count").isJsonNull(), after.toString());
            assertEquals(0, after.getAsJsonArray("outputs").size(), after.toString());
        }
    }

    @Test
    void javasRelativePathsResolveInTheNotebooksFolder() throws Exception {
        Path course = Files.createDirectories(dir.resolve("course"));
        Files.writeString(course.resolve("data.txt"), "from the notebook's folder");
        assertFalse(Files.exists(Path.of("data.txt")), "the test JVM's own folder must not hold the file");
        Path in = course.resolve("cwd.ipynb");
        Files.writeString(in, notebook(
                "new java.io.File(\"data.txt\").getAbsolutePath()",
                "Files.readString(Paths.get(\"data.txt\"))",
                "new String(new FileInputStream(\"data.txt\").readAllBytes())",
                "System.getProperty(\"user.dir\")"));
        Path out = dir.resolve("cwd.out.ipynb");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertEquals(0, cli(List.of(in.toString(), "-o", out.toString()), err), () -> err + "\n" + logBytes);

        List<JsonObject> cells = codeCells(read(out));
        String real = course.toRealPath().toString();
        assertEquals(real + "/data.txt", text(cells.get(0)));
        assertEquals("from the notebook's folder", text(cells.get(1)));
        assertEquals("from the notebook's folder", text(cells.get(2)));
        assertEquals(real, text(cells.get(3)));
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("Running " + in), logBytes.toString(StandardCharsets.UTF_8));
    }

    private static String text(JsonObject cell) {
        return cell.getAsJsonArray("outputs").get(0).getAsJsonObject().getAsJsonObject("data").get("text/plain").getAsString();
    }

    @Test
    void aCellTaggedRaisesExceptionMayThrowAndTheRunGoesOn() throws Exception {
        Path in = write("raises.ipynb", notebook(
                "int a = 1;",
                "raises:System.out.println(\"before\");\nif (a == 1) throw new IllegalStateException(\"expected \" + a);",
                "raises:System.out.println(\"tagged but fine\");",
                "System.out.println(\"after \" + a);"));
        Path out = dir.resolve("raises.out.ipynb");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = cli(List.of(in.toString(), "-o", out.toString()), err);

        assertEquals(0, code, () -> err.toString(StandardCharsets.UTF_8) + "\n" + logBytes);
        JsonObject nb = read(out);
        List<JsonObject> cells = codeCells(nb);
        JsonArray raised = cells.get(1).getAsJsonArray("outputs");
        assertEquals("before\n", raised.get(0).getAsJsonObject().get("text").getAsString());
        JsonObject error = raised.get(1).getAsJsonObject();
        assertEquals("error", error.get("output_type").getAsString());
        assertEquals("java.lang.IllegalStateException", error.get("ename").getAsString());
        assertTrue(error.get("evalue").getAsString().contains("expected 1"), error.toString());
        assertEquals("tagged but fine\n", cells.get(2).getAsJsonArray("outputs").get(0).getAsJsonObject().get("text").getAsString());
        assertEquals("after 1\n", cells.get(3).getAsJsonArray("outputs").get(0).getAsJsonObject().get("text").getAsString());
        assertEquals(4, cells.get(3).get("execution_count").getAsInt());
        assertEquals("ok", nb.getAsJsonObject("metadata").getAsJsonObject("jotter").get("status").getAsString());
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("raised"), logBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void allowErrorsRunsEveryCellAfterFailuresAndTimeoutsAndStillReportsTheFailure() throws Exception {
        Path in = write("allow.ipynb", notebook(
                "int a = 1;",
                "throw new IllegalStateException(\"first\");",
                "while (true) { a = a + 0; }",
                "System.out.print(\"x\".repeat(2_000_000));",
                "System.out.println(\"after \" + a);"));
        Path out = dir.resolve("allow.out.ipynb");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = cli(List.of(in.toString(), "-o", out.toString(), "--allow-errors", "--timeout", "1"), err);

        assertEquals(1, code, "a failed cell still fails the run");
        List<JsonObject> cells = codeCells(read(out));
        assertEquals("error", cells.get(1).getAsJsonArray("outputs").get(0).getAsJsonObject().get("output_type").getAsString());
        assertEquals(2_000_000, cells.get(3).getAsJsonArray("outputs").get(0).getAsJsonObject().get("text").getAsString().length(),
                "a long print is kept whole, in one output");
        assertEquals("after 1\n", cells.get(4).getAsJsonArray("outputs").get(0).getAsJsonObject().get("text").getAsString());
        String log = logBytes.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("TIMEOUT"), log);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cell 2 of 5 failed (the run went on: --allow-errors)"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theOutputFileIsReplacedAtomicallyAndNoTemporaryFileIsLeft() throws Exception {
        Path in = write("atomic.ipynb", notebook("1 + 1"));
        Path out = dir.resolve("atomic.out.ipynb");
        Files.writeString(out, "previous contents");
        assertTrue(new NotebookRunner(log, Map.of(), 0).run(in, out).ok());
        assertEquals("2", codeCells(read(out)).get(0).getAsJsonArray("outputs").get(0).getAsJsonObject()
                .getAsJsonObject("data").get("text/plain").getAsString());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("atomic.ipynb", "atomic.out.ipynb"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void anUnwritableTargetLeavesThePreviousFileUntouched() throws Exception {
        // The target's folder is a file, so the write must fail before anything is replaced.
        Path blocker = write("blocker", "not a folder");
        Path in = write("ok.ipynb", notebook("1 + 1"));
        assertThrows(IOException.class, () -> new NotebookRunner(log, Map.of(), 0).run(in, blocker.resolve("out.ipynb")));
        assertEquals("not a folder", Files.readString(blocker));
    }

    @Test
    void writeAtomicallyNeverLeavesAHalfWrittenFile() throws Exception {
        Path target = dir.resolve("nb.ipynb");
        NotebookRunner.writeAtomically(target, "{\"a\": 1}\n");
        NotebookRunner.writeAtomically(target, "{\"a\": 2}\n");
        assertEquals("{\"a\": 2}\n", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void theOutputNotebookIsReadableByOthersAsAnyNewFileIsAndKeepsItsOwnPermissions() throws Exception {
        // A new file's permissions are what the umask gives a plain new file (0644 under the usual
        // 022), never createTempFile's 0600; an existing output keeps whatever it had.
        Path probe = Files.createFile(dir.resolve("probe"));
        Path target = dir.resolve("new.ipynb");
        NotebookRunner.writeAtomically(target, "{}\n");
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(target));
        Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        NotebookRunner.writeAtomically(target, "{\"b\": 1}\n");
        assertEquals("rw-rw----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void parametersAreInjectedAfterTheCellTaggedParameters() throws Exception {
        Path in = write("params.ipynb", notebook(
                "md:# Params",
                "param:int epochs = 20;\nString name = \"default\";",
                "System.out.println(epochs + \" \" + name + \" \" + rate + \" \" + big + \" \" + flag);"));
        // rate, big and flag only exist as parameters: the injected cell declares them.
        Path out = dir.resolve("params.out.ipynb");
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("epochs", "2");
        params.put("name", "ci run");
        params.put("rate", "0.5");
        params.put("big", "12345678901");
        params.put("flag", "true");
        NotebookRunner.Outcome o = new NotebookRunner(log, params, 0).run(in, out);
        assertTrue(o.ok(), o::failure);

        JsonObject nb = read(out);
        JsonArray cells = nb.getAsJsonArray("cells");
        assertEquals(4, cells.size());
        JsonObject injected = cells.get(2).getAsJsonObject();
        assertEquals("injected-parameters", injected.getAsJsonObject("metadata").getAsJsonArray("tags").get(0).getAsString());
        assertEquals("injected-parameters", injected.get("id").getAsString(), "nbformat 4.5 cells need an id");
        List<JsonObject> code = codeCells(nb);
        assertEquals("2 ci run 0.5 12345678901 true\n",
                code.get(2).getAsJsonArray("outputs").get(0).getAsJsonObject().get("text").getAsString());
        assertEquals(2, nb.getAsJsonObject("metadata").getAsJsonObject("jotter").getAsJsonObject("parameters").get("epochs").getAsInt());

        // Running the executed notebook again replaces the injected cell instead of adding another.
        Path again = dir.resolve("again.ipynb");
        assertTrue(new NotebookRunner(log, Map.of("epochs", "3", "rate", "1.5", "big", "1", "flag", "false"), 0).run(out, again).ok());
        JsonArray cells2 = read(again).getAsJsonArray("cells");
        assertEquals(4, cells2.size());
        assertTrue(dev.jotter.magics.NotebookFile.source(cells2.get(2).getAsJsonObject()).contains("var epochs = 3;"));
    }

    @Test
    void withoutAParametersCellTheInjectedCellComesFirst() throws Exception {
        Path in = write("noparam.ipynb", notebook("System.out.println(x);"));
        Path out = dir.resolve("noparam.out.ipynb");
        assertTrue(new NotebookRunner(log, Map.of("x", "7"), 0).run(in, out).ok());
        List<JsonObject> code = codeCells(read(out));
        assertEquals("7\n", code.get(1).getAsJsonArray("outputs").get(0).getAsJsonObject().get("text").getAsString());
    }

    @Test
    void literalsKeepNumbersTypedAndQuoteEverythingElse() {
        assertEquals("2", NotebookRunner.literal("2"));
        assertEquals("-3", NotebookRunner.literal("-3"));
        assertEquals("0.25", NotebookRunner.literal("0.25"));
        assertEquals("12345678901L", NotebookRunner.literal("12345678901"));
        assertEquals("true", NotebookRunner.literal("true"));
        assertEquals("\"a \\\"quoted\\\" word\"", NotebookRunner.literal("a \"quoted\" word"));
        assertEquals("\"2x\"", NotebookRunner.literal("2x"));
    }

    @Test
    void aFolderRunsEveryNotebookInOrderAndCountsFailures() throws Exception {
        Path nbs = Files.createDirectories(dir.resolve("nbs"));
        Files.writeString(nbs.resolve("01-good.ipynb"), notebook("System.out.println(\"one\");"));
        Files.writeString(nbs.resolve("02-bad.ipynb"), notebook("throw new RuntimeException(\"two\");"));
        Files.writeString(nbs.resolve("03-good.ipynb"), notebook("System.out.println(\"three\");"));
        Files.writeString(nbs.resolve("04-old.out.ipynb"), "outputs of an earlier run are not inputs");
        Files.writeString(nbs.resolve("05-broken.ipynb"), "{ not json");
        Path outDir = dir.resolve("executed");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = cli(List.of(nbs.toString(), "-o", outDir.toString()), err);

        assertEquals(1, code);
        String logText = logBytes.toString(StandardCharsets.UTF_8);
        assertTrue(logText.contains("2 passed, 2 failed"), logText);
        assertTrue(logText.indexOf("01-good") < logText.indexOf("02-bad") && logText.indexOf("02-bad") < logText.indexOf("03-good"), logText);
        String errText = err.toString(StandardCharsets.UTF_8);
        assertTrue(errText.contains("02-bad.ipynb: cell 1 of 1 failed"), errText);
        assertTrue(errText.contains("05-broken.ipynb is not a notebook"), errText);
        assertTrue(Files.isRegularFile(outDir.resolve("01-good.ipynb")));
        assertTrue(Files.isRegularFile(outDir.resolve("02-bad.ipynb")));
        assertTrue(Files.isRegularFile(outDir.resolve("03-good.ipynb")));
        assertFalse(Files.exists(outDir.resolve("04-old.out.ipynb")));
    }

    @Test
    void relativePathsAreTheNotebooksFolderAsUnderJupyterAndPercentCdMovesThem() throws Exception {
        // The JVM runs in the module's folder; the notebook and its data sit in a temp folder,
        // as when `jotter run course/nb.ipynb` starts elsewhere.
        Path course = Files.createDirectories(dir.resolve("course"));
        Files.writeString(course.resolve("homes.csv"), "rooms,price\n3,250\n4,310\n");
        Files.createDirectories(course.resolve("more"));
        Files.writeString(course.resolve("more/extra.csv"), "rooms,price\n2,190\n");
        assertFalse(Files.exists(Path.of("homes.csv").toAbsolutePath()), "the JVM's own folder must not hold the file");
        Path in = course.resolve("paths.ipynb");
        Files.writeString(in, notebook(
                "dev.jotter.toolkit.data.Data.csv(\"homes.csv\").rowCount()",
                "%cd more",
                "dev.jotter.toolkit.data.Data.csv(\"extra.csv\").rowCount()"));
        Path out = dir.resolve("paths.out.ipynb");
        NotebookRunner.Outcome o = new NotebookRunner(log, Map.of(), 0).run(in, out);

        assertTrue(o.ok(), () -> o.failure() + "\n" + logBytes);
        List<JsonObject> code = codeCells(read(out));
        assertEquals("2", code.get(0).getAsJsonArray("outputs").get(0).getAsJsonObject().getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals("1", code.get(2).getAsJsonArray("outputs").get(0).getAsJsonObject().getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void withoutOutputTheResultGoesBesideTheNotebook() throws Exception {
        Path in = write("beside.ipynb", notebook("System.out.println(\"echoed\");"));
        assertEquals(0, cli(List.of(in.toString(), "--log-output"), new ByteArrayOutputStream()));
        assertTrue(Files.isRegularFile(dir.resolve("beside.out.ipynb")));
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("    echoed\n"), "--log-output echoes cell output: " + logBytes);
    }

    @Test
    void aTimeoutInterruptsTheCellAndSaysSo() throws Exception {
        Path in = write("slow.ipynb", notebook("while (true) { }", "System.out.println(\"after\");"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cli(List.of(in.toString(), "--timeout", "1", "-o", dir.resolve("slow.out.ipynb").toString()), err);
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("timed out after 1 s"), err::toString);
    }

    @Test
    void usageMistakesNameTheOffendingValue() {
        assertUsageError(List.of("a.ipynb", "--param", "1x=2"), "'1x=2'");
        assertUsageError(List.of("a.ipynb", "--timeout", "soon"), "'soon'");
        assertUsageError(List.of(dir.resolve("missing.ipynb").toString()), "missing.ipynb");
        assertUsageError(List.of("--frobnicate"), "unknown option '--frobnicate'");
        assertUsageError(List.of(dir.toString()), "no notebooks");
        assertUsageError(List.of(), "jotter run: needs a notebook or a folder");
    }

    /** A usage mistake: status 2, one line naming the value and pointing at the help. */
    private void assertUsageError(List<String> args, String expected) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, cli(args, err), err::toString);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("jotter run: ") && text.contains(expected) && text.strip().endsWith("Run 'jotter run --help'."), text);
    }

    @Test
    void aNotebookOfAnotherFormatIsRefusedWithAHint() throws Exception {
        Path in = write("v3.ipynb", "{\"nbformat\": 3, \"worksheets\": []}");
        IOException e = assertThrows(IOException.class, () -> new NotebookRunner(log, Map.of(), 0).run(in, dir.resolve("x.ipynb")));
        assertTrue(e.getMessage().contains("nbformat 3") && e.getMessage().contains("nbconvert"), e.getMessage());
    }
}
