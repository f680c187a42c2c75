package dev.jotter.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one notebook reader of %load and jotter run. */
class NotebookFileTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("nb.ipynb"), json);
    }

    @Test
    void readsCodeCellsInOrderWithSourceAsListOrString() throws Exception {
        JsonObject nb = NotebookFile.read(write("""
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                  {"cell_type": "markdown", "metadata": {}, "source": "# Title"},
                  {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": ["int a = 1;\\n", "a"], "outputs": []},
                  "not a cell",
                  {"cell_type": "code", "metadata": {}, "source": "a + 1", "outputs": []},
                  {"cell_type": "code", "metadata": {}, "outputs": []}
                ]}"""));
        List<JsonObject> code = NotebookFile.codeCells(nb);
        assertEquals(3, code.size());
        assertEquals("int a = 1;\na", NotebookFile.source(code.get(0)));
        assertEquals("a + 1", NotebookFile.source(code.get(1)));
        assertEquals("", NotebookFile.source(code.get(2)));
        assertTrue(NotebookFile.hasTag(code.get(0), "parameters"));
        assertFalse(NotebookFile.hasTag(code.get(1), "parameters"));
    }

    @Test
    void refusesWhatIsNotAnNbformat4NotebookSayingWhatToDo() throws Exception {
        IOException notJson = assertThrows(IOException.class, () -> NotebookFile.read(write("{\"cells\": [")));
        assertTrue(notJson.getMessage().contains("is not a notebook (invalid JSON") && notJson.getMessage().contains("restore it from git"), notJson.getMessage());
        IOException list = assertThrows(IOException.class, () -> NotebookFile.read(write("[1, 2]")));
        assertTrue(list.getMessage().contains("not an object but a list"), list.getMessage());
        IOException v3 = assertThrows(IOException.class, () -> NotebookFile.read(write("{\"nbformat\": 3, \"worksheets\": []}")));
        assertTrue(v3.getMessage().contains("found nbformat 3") && v3.getMessage().contains("nbconvert"), v3.getMessage());
        IOException none = assertThrows(IOException.class, () -> NotebookFile.read(write("{\"cells\": []}")));
        assertTrue(none.getMessage().contains("found no nbformat"), none.getMessage());
        IOException missing = assertThrows(IOException.class, () -> NotebookFile.read(dir.resolve("absent.ipynb")));
        assertTrue(missing.getMessage().startsWith("Could not read " + dir.resolve("absent.ipynb")), missing.getMessage());
    }
}
