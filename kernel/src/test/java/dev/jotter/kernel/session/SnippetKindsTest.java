package dev.jotter.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Snippets told apart by their first words. */
class SnippetKindsTest {
    @Test
    void declarationsAndStatementsAreNotTriedAsExpressions() {
        for (String notOne : List.of("int x = 1;", "int[] xs = {1}", "java.util.List<Map<String, int[]>> l = null;", "String s;",
                "final var v = 2;", "Map<String, Integer> m = new HashMap<>()", "for (int i = 0; i < 1; i++) {}",
                "System.out.println(1)", "class K {}")) {
            assertNull(SnippetKinds.expressionOf(notOne), notOne);
        }
        for (String one : List.of("1 + 1", "x = 2", "x == 2", "xs[0] = 3;", "a < b", "m.get(\"k\")", "new int[] {1}", "List.of(1)",
                "(String) s", "x++", "Math.max(1, 2) // why", "i < j && j > k")) {
            assertEquals(one.endsWith(";") ? one.substring(0, one.length() - 1) : one, SnippetKinds.expressionOf(one), one);
        }
    }

    @Test
    void oneCallOfTheDisplayApiIsADisplayCall() {
        assertTrue(SnippetKinds.isDisplayCall("display(f(\")\"), \"text/html\");"));
        assertFalse(SnippetKinds.isDisplayCall("display(x).length()"));
        assertTrue(SnippetKinds.isDisplayCall("display(x); // the chart"));
        assertTrue(SnippetKinds.isDisplayCall("display(x) /* once */"));
        assertFalse(SnippetKinds.isDisplayCall("displayed(x)"));
    }

    @Test
    void statementsAreThoseThatCanDeclareNothing() {
        assertTrue(SnippetKinds.isStatement("System.out.println(1)"));
        assertTrue(SnippetKinds.isStatement("for (int i = 0; i < 1; i++) {}"));
        assertTrue(SnippetKinds.isStatement("{ int local = 1; }"));
        assertFalse(SnippetKinds.isStatement("int x = 1;"));
        assertFalse(SnippetKinds.isStatement("class K {}"));
    }
}
