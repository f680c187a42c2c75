package dev.jotter.kernel.cli.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exercise markup: what assign releases and what grade runs. */
class ExercisesTest {
    private static final Path SOURCE = Path.of("src/test/resources/teaching/exercises.ipynb");

    private static JsonObject cell(JsonObject nb, int i) {
        return nb.getAsJsonArray("cells").get(i).getAsJsonObject();
    }

    @Test
    void theSourcesGradedCellsAreFound() throws Exception {
        List<Exercises.Cell> cells = Exercises.graded(Exercises.read(SOURCE));
        assertEquals(List.of("intro", "mse-answer", "mse-tests", "scale-answer", "scale-tests"), cells.stream().map(Exercises.Cell::id).toList());
        assertEquals(5.0, cells.stream().mapToDouble(Exercises.Cell::points).sum());
    }

    @Test
    void releaseStubsSolutionsDropsHiddenTestsAndLocksTests() throws Exception {
        JsonObject released = Exercises.release(Exercises.read(SOURCE));
        String answer = Exercises.source(cell(released, 1));
        assertEquals("""
                double mse(double[] y, double[] p) {
                    // YOUR CODE HERE
                    throw new UnsupportedOperationException("not implemented yet");
                }""", answer);
        String tests = Exercises.source(cell(released, 2));
        assertTrue(tests.startsWith("%%test --timeout 2 --points 2\n"), tests);
        assertFalse(tests.contains("symmetric") || tests.contains("HIDDEN"), tests);
        assertTrue(tests.contains("meanOfSquares"), tests);
        JsonObject meta = cell(released, 2).getAsJsonObject("metadata");
        assertFalse(meta.get("editable").getAsBoolean());
        assertFalse(meta.get("deletable").getAsBoolean());
        assertTrue(meta.getAsJsonObject("nbgrader").get("locked").getAsBoolean());
        assertEquals(0, cell(released, 1).getAsJsonArray("outputs").size());
    }

    @Test
    void aWholeAnswerCellWithoutRegionsBecomesTheStub() {
        assertEquals(Exercises.STUB_COMMENT + "\n" + Exercises.STUB_THROW, Exercises.release("double lr = 0.1;", true));
    }

    @Test
    void gradingTakesTestsFromTheSourceAndPutsBackWhatWasDeleted() throws Exception {
        JsonObject source = Exercises.read(SOURCE);
        JsonObject submission = Exercises.release(source);
        JsonArray cells = submission.getAsJsonArray("cells");
        // The student weakens a test cell, deletes the other and the second answer, and adds a cell claiming points.
        Exercises.setSource(cells.get(2).getAsJsonObject(), "%%test\nclass MseTests {}");
        JsonObject fake = cells.get(1).getAsJsonObject().deepCopy();
        fake.getAsJsonObject("metadata").getAsJsonObject("nbgrader").addProperty("grade_id", "bonus");
        cells.remove(4);
        cells.remove(3);
        cells.add(fake);
        List<String> notes = new ArrayList<>();
        JsonObject graded = Exercises.forGrading(source, submission, notes);
        JsonArray g = graded.getAsJsonArray("cells");
        assertEquals(6, g.size());
        assertTrue(Exercises.source(g.get(2).getAsJsonObject()).contains("symmetric"), "hidden tests are back");
        assertEquals("scale-answer", Exercises.nbgrader(g.get(3).getAsJsonObject()).get("grade_id").getAsString());
        assertTrue(Exercises.source(g.get(3).getAsJsonObject()).contains(Exercises.STUB_THROW));
        assertEquals("scale-tests", Exercises.nbgrader(g.get(4).getAsJsonObject()).get("grade_id").getAsString());
        assertEquals(null, Exercises.nbgrader(g.get(5).getAsJsonObject()), "the fake graded cell is an ordinary cell");
        assertEquals(List.of("answer cell scale-answer was deleted: graded as unanswered",
                "test cell scale-tests was deleted: put back from the source"), notes);
    }

    @Test
    void markupMistakesNameTheCell() {
        JsonObject nb = new JsonObject();
        JsonArray cells = new JsonArray();
        JsonObject c = new JsonObject();
        c.addProperty("cell_type", "code");
        JsonObject meta = new JsonObject();
        JsonObject g = new JsonObject();
        g.addProperty("grade", true);
        g.addProperty("grade_id", "t1");
        meta.add("nbgrader", g);
        c.add("metadata", meta);
        Exercises.setSource(c, "%%test\nclass T {}");
        cells.add(c);
        nb.add("cells", cells);
        Exercises.MarkupException e = assertThrows(Exercises.MarkupException.class, () -> Exercises.graded(nb));
        assertEquals("cell 1 (t1) is a test cell without points: add \"points\": 2 (any number >= 0) to its nbgrader metadata", e.getMessage());
        Exercises.setSource(c, "int x() {\n// BEGIN SOLUTION\nreturn 1;\n}");
        g.addProperty("points", 1);
        e = assertThrows(Exercises.MarkupException.class, () -> Exercises.graded(nb));
        assertEquals("cell 1: // BEGIN SOLUTION is never closed; add // END SOLUTION", e.getMessage());
    }
}
