package dev.jotter.magics;

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

/**
 * Reads Jupyter notebook files (.ipynb, nbformat 4) with Gson: the one reader behind
 * {@code %load notebook.ipynb} and {@code jotter run}, so that both accept and refuse the same
 * files with the same words.
 */
public final class NotebookFile {
    private NotebookFile() {}

    /**
     * Reads a notebook and checks that it is one this project can run.
     *
     * @param file an .ipynb file
     * @return the notebook's JSON, a {@code cells} array in it
     * @throws IOException when the file cannot be read, is not JSON, or is not nbformat 4; the
     *     message names the file and says what to do
     */
    public static JsonObject read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("Could not read " + file + " (" + e + "); check that it is a readable UTF-8 .ipynb file", e);
        }
        JsonElement json;
        try {
            json = JsonParser.parseString(text);
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a notebook (invalid JSON: " + e.getMessage()
                    + "); open it in Jupyter or restore it from git", e);
        }
        if (!json.isJsonObject()) {
            throw new IOException(file + " is not a notebook (its JSON is not an object but " + kind(json)
                    + "); open it in Jupyter or restore it from git");
        }
        JsonObject nb = json.getAsJsonObject();
        int format = nb.has("nbformat") && nb.get("nbformat").isJsonPrimitive() && nb.getAsJsonPrimitive("nbformat").isNumber()
                ? nb.get("nbformat").getAsInt() : 0;
        if (format != 4 || !nb.has("cells") || !nb.get("cells").isJsonArray()) {
            throw new IOException(file + " is not an nbformat 4 notebook (found "
                    + (format == 0 ? "no nbformat" : "nbformat " + format) + (nb.has("cells") ? "" : " and no \"cells\" list")
                    + "); convert it with jupyter nbconvert --to notebook, or open and save it in a current Jupyter");
        }
        return nb;
    }

    /**
     * @param nb a notebook {@linkplain #read read} by this class
     * @return its code cells, in order, as the notebook's own objects (changing one changes the notebook)
     */
    public static List<JsonObject> codeCells(JsonObject nb) {
        List<JsonObject> code = new ArrayList<>();
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            if (c.isJsonObject() && c.getAsJsonObject().has("cell_type")
                    && c.getAsJsonObject().get("cell_type").isJsonPrimitive()
                    && "code".equals(c.getAsJsonObject().get("cell_type").getAsString())) {
                code.add(c.getAsJsonObject());
            }
        }
        return code;
    }

    /**
     * @param cell a cell of a notebook
     * @return its source as one string; nbformat allows a string or a list of lines, and a cell without one is empty
     */
    public static String source(JsonObject cell) {
        JsonElement e = cell.get("source");
        if (e == null || e.isJsonNull()) {
            return "";
        }
        if (e.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonElement line : e.getAsJsonArray()) {
                sb.append(line.getAsString());
            }
            return sb.toString();
        }
        return e.getAsString();
    }

    /**
     * @param cell a cell of a notebook
     * @param tag a cell tag, such as {@code parameters}
     * @return whether the cell's {@code metadata.tags} holds it
     */
    public static boolean hasTag(JsonElement cell, String tag) {
        if (!cell.isJsonObject() || !cell.getAsJsonObject().has("metadata") || !cell.getAsJsonObject().get("metadata").isJsonObject()) {
            return false;
        }
        JsonElement tags = cell.getAsJsonObject().getAsJsonObject("metadata").get("tags");
        if (tags == null || !tags.isJsonArray()) {
            return false;
        }
        for (JsonElement t : (JsonArray) tags) {
            if (t.isJsonPrimitive() && tag.equals(t.getAsString())) {
                return true;
            }
        }
        return false;
    }

    private static String kind(JsonElement json) {
        return json.isJsonArray() ? "a list" : json.isJsonNull() ? "null" : "a single value";
    }
}
