package dev.jotter.kernel.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The numbers a training notebook must give again, bit for bit, on every path (the kernel through
 * Jupyter, {@code jotter run}, a plain Java program) and in every run: one extra cell at the end of
 * the notebook prints them as a {@code PROBE} line, at full precision ({@code Double.toString}
 * round-trips, so equal text is equal bits).
 *
 * <p>{@code main} writes probed copies for the reliability bench: {@code NotebookProbes OUT_DIR
 * NOTEBOOK.ipynb...}.
 */
public final class NotebookProbes {
    /** The marker that starts the probe's output line. */
    public static final String MARK = "PROBE ";

    /**
     * Per training notebook, its training histories (every epoch's loss and metrics) and the
     * scores computed from the trained model, as a Java expression in the notebook's own
     * variables: a notebook whose names change must change here too (its probe cell then fails).
     */
    public static final Map<String, String> PROBES = Map.of(
            "02-linear-regression.ipynb", "oneFeature.history() + \" \" + model.history()",
            "03-digits-mlp.ipynb", "model.history() + \" \" + fashionModel.history()",
            "04-transformer-text-classifier.ipynb", "transformer.history() + \" \" + logistic.history()",
            "05-custom-training-loop.ipynb", "history",
            "06-classical-ml-smile.ipynb", "cv.doubleColumn(\"mean accuracy\").asList() + \" \" + cv.doubleColumn(\"std\").asList()",
            "08-variational-autoencoder.ipynb", "history + \" \" + vaeError",
            "09-using-the-gpu.ipynb", "mlp.history()");

    private NotebookProbes() {}

    /**
     * Writes a copy of a notebook into a folder, with the probe cell appended when it trains; a
     * notebook that does not train is copied as it is.
     *
     * @param notebook the notebook
     * @param dir where the copy goes, under the same file name
     * @return the copy
     * @throws IOException when a file cannot be read or written
     */
    public static Path copy(Path notebook, Path dir) throws IOException {
        String name = notebook.getFileName().toString();
        Path target = Files.createDirectories(dir).resolve(name);
        String probe = PROBES.get(name);
        if (probe == null) {
            Files.copy(notebook, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
        JsonObject nb = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.addProperty("id", "reproducibility-probe");
        cell.add("metadata", new JsonObject());
        cell.add("execution_count", null);
        cell.add("outputs", new JsonArray());
        cell.addProperty("source", "System.out.println(\"" + MARK + "\" + (" + probe + "));");
        nb.getAsJsonArray("cells").add(cell);
        Files.writeString(target, nb.toString());
        return target;
    }

    /**
     * @param executed a notebook executed from a probed copy
     * @return its one PROBE line, or a line starting with "ERROR" that says why there is none
     * @throws IOException when the notebook cannot be read
     */
    public static String probeLine(Path executed) throws IOException {
        if (!Files.isRegularFile(executed)) {
            return "ERROR: no executed notebook " + executed;
        }
        JsonObject nb = JsonParser.parseString(Files.readString(executed)).getAsJsonObject();
        StringBuilder text = new StringBuilder();
        String error = null;
        for (JsonElement e : nb.getAsJsonArray("cells")) {
            JsonObject c = e.getAsJsonObject();
            if (!c.has("outputs")) {
                continue;
            }
            for (JsonElement o : c.getAsJsonArray("outputs")) {
                JsonObject out = o.getAsJsonObject();
                String type = out.get("output_type").getAsString();
                if (type.equals("stream")) {
                    text.append(joined(out.get("text")));
                } else if (type.equals("error") && error == null) {
                    error = out.get("ename").getAsString() + ": " + out.get("evalue").getAsString();
                }
            }
        }
        return probeLine(text.toString(), error);
    }

    /**
     * @param output everything a run printed
     * @param error the first error of the run, or null
     * @return its one PROBE line, or a line starting with "ERROR" that says why there is none
     */
    public static String probeLine(String output, String error) {
        List<String> probes = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith(MARK)) {
                probes.add(line.strip());
            }
        }
        if (probes.size() == 1) {
            return probes.getFirst();
        }
        return "ERROR: " + probes.size() + " PROBE lines" + (error == null ? "" : "; first error " + error);
    }

    private static String joined(JsonElement text) {
        if (text.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            text.getAsJsonArray().forEach(t -> b.append(t.getAsString()));
            return b.toString();
        }
        return text.getAsString();
    }

    /**
     * @param args the folder for the copies, then the notebooks
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: NotebookProbes OUT_DIR NOTEBOOK.ipynb...");
            System.exit(2);
        }
        for (int i = 1; i < args.length; i++) {
            System.out.println(copy(Path.of(args[i]), Path.of(args[0])));
        }
    }
}
