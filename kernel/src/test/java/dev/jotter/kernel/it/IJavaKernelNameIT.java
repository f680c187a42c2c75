package dev.jotter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;

/**
 * {@code jotter install --ijava}: an unchanged IJava notebook, whose metadata asks for the kernel
 * named {@code java}, runs on Jotter through Jupyter's own nbclient, in the notebook's folder as
 * Jupyter runs kernels; {@code jotter uninstall} removes the alias too, and an IJava kernelspec
 * already installed under that name is never overwritten.
 */
class IJavaKernelNameIT {

    /** An IJava notebook as IJava saves it: kernelspec "java", display name "Java". */
    private static final String NOTEBOOK = """
            {"nbformat": 4, "nbformat_minor": 2,
             "metadata": {"kernelspec": {"display_name": "Java", "language": "java", "name": "java"},
                          "language_info": {"codemirror_mode": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source",
                                            "name": "Java", "pygments_lexer": "java", "version": "11.0.2+9"}},
             "cells": [
              {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [], "source": ["%load helpers"]},
              {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [], "source": ["printf(\\"%s%n\\", greet(\\"ijava\\"));"]},
              {"cell_type": "code", "execution_count": 3, "metadata": {}, "outputs": [], "source": ["new File(\\"helpers.jsh\\").exists()"]},
              {"cell_type": "code", "execution_count": 4, "metadata": {}, "outputs": [], "source": [
                "import io.github.spencerpark.ijava.IJava;\\n",
                "import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;\\n",
                "class Badge { String label = \\"ok\\"; }\\n",
                "IJava.getKernelInstance().getRenderer().createRegistration(Badge.class)\\n",
                "    .preferring(MIMEType.TEXT_HTML)\\n",
                "    .register((b, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> \\"<b>\\" + b.label + \\"</b>\\"));"]},
              {"cell_type": "code", "execution_count": 5, "metadata": {}, "outputs": [], "source": ["new Badge()"]},
              {"cell_type": "code", "execution_count": 6, "metadata": {}, "outputs": [], "source": ["eval(\\"6 * 7\\")"]}
             ]}
            """;

    private static final String RUN = """
            import sys, nbformat
            from nbclient import NotebookClient
            nb = nbformat.read(sys.argv[1], as_version=4)
            NotebookClient(nb, timeout=180, resources={'metadata': {'path': sys.argv[2]}}).execute()
            nbformat.write(nb, sys.argv[3])
            """;

    @Test
    void anUnchangedIJavaNotebookRunsOnJotterUnderTheNameJava() throws Exception {
        JupyterHarness.requireJupyter("jupyter_client", "nbclient", "nbformat");
        Path prefix = Files.createTempDirectory("jotter-ijava-prefix");
        Path kernels = prefix.resolve("share/jupyter/kernels");
        assertEquals(0, jotter(List.of("install", "--prefix", prefix.toString(), "--no-copy", "--no-aot", "--ijava"), true));
        JsonObject alias = json(kernels.resolve("java/kernel.json"));
        assertEquals("Java (Jotter), for IJava notebooks", alias.get("display_name").getAsString());
        assertEquals(json(kernels.resolve("jotter/kernel.json")).get("argv"), alias.get("argv"), "the alias starts the same kernel");

        Path folder = Files.createTempDirectory("jotter-ijava-nb");
        Files.writeString(folder.resolve("helpers.jsh"), "String greet(String who) { return \"hi \" + who; }\n");
        Path in = folder.resolve("ijava.ipynb");
        Files.writeString(in, NOTEBOOK);
        Path out = folder.resolve("ijava.out.ipynb");
        Path script = Files.writeString(Files.createTempFile("run-ijava", ".py"), RUN);
        ProcessBuilder pb = new ProcessBuilder(JupyterHarness.python(), script.toString(), in.toString(), folder.toString(), out.toString())
                .redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        // No kernelspec of this machine's user may answer to "java" instead.
        pb.environment().put("JUPYTER_DATA_DIR", Files.createTempDirectory("jotter-empty-data").toString());
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "nbclient did not finish:\n" + log);
        assertEquals(0, p.exitValue(), "nbclient failed:\n" + log);

        JsonArray cells = json(out).getAsJsonArray("cells");
        assertEquals("hi ijava\n", output(cells, 1).get("text").getAsString());
        assertEquals("true", output(cells, 2).getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals("<b>ok</b>", output(cells, 4).getAsJsonObject("data").get("text/html").getAsString());
        assertEquals("42", output(cells, 5).getAsJsonObject("data").get("text/plain").getAsString());

        assertEquals(0, jotter(List.of("uninstall", "--prefix", prefix.toString()), true));
        assertFalse(Files.exists(kernels.resolve("jotter")));
        assertFalse(Files.exists(kernels.resolve("java")), "uninstall removes the --ijava alias too");
    }

    @Test
    void anIJavaKernelspecAlreadyInstalledIsNeverReplaced() throws Exception {
        Path prefix = Files.createTempDirectory("jotter-ijava-kept");
        Path ijava = Files.createDirectories(prefix.resolve("share/jupyter/kernels/java"));
        String theirs = "{\"argv\": [\"java\", \"-jar\", \"ijava-1.3.0.jar\", \"{connection_file}\"], \"display_name\": \"Java\", \"language\": \"java\"}";
        Files.writeString(ijava.resolve("kernel.json"), theirs);
        List<String> err = new ArrayList<>();
        int rc = jotter(List.of("install", "--prefix", prefix.toString(), "--no-copy", "--no-aot", "--ijava"), false, err);
        assertEquals(2, rc);
        assertTrue(err.getFirst().contains("a kernelspec 'java' that is not Jotter's is installed in " + ijava), err.getFirst());
        assertEquals(theirs, Files.readString(ijava.resolve("kernel.json")));
        assertFalse(Files.exists(prefix.resolve("share/jupyter/kernels/jotter")), "nothing is installed when the alias cannot be");
        // Without --ijava, Jotter installs beside IJava and leaves it alone, also when uninstalled.
        assertEquals(0, jotter(List.of("install", "--prefix", prefix.toString(), "--no-copy", "--no-aot"), true));
        assertEquals(0, jotter(List.of("uninstall", "--prefix", prefix.toString()), true));
        assertEquals(theirs, Files.readString(ijava.resolve("kernel.json")));
    }

    private static int jotter(List<String> args, boolean machinery) throws IOException, InterruptedException {
        List<String> err = new ArrayList<>();
        int rc = jotter(args, machinery, err);
        assertEquals(0, rc, "jotter " + args + " failed: " + err);
        return rc;
    }

    private static int jotter(List<String> args, boolean machinery, List<String> output) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(JupyterHarness.javaBin(), "-jar", JupyterHarness.jar().toString()));
        cmd.addAll(args);
        String chosen = System.getProperty("jotter.jshell");
        if (machinery && chosen != null && args.getFirst().equals("install")) {
            cmd.addAll(List.of("--jvm-opt", "-Djotter.jshell=" + chosen));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        output.add(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return p.waitFor();
    }

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private static JsonObject output(JsonArray cells, int cell) {
        JsonArray outputs = cells.get(cell).getAsJsonObject().getAsJsonArray("outputs");
        for (JsonElement o : outputs) {
            String type = o.getAsJsonObject().get("output_type").getAsString();
            if (!type.equals("stream") || outputs.size() == 1) {
                return o.getAsJsonObject();
            }
        }
        return outputs.get(0).getAsJsonObject();
    }
}
