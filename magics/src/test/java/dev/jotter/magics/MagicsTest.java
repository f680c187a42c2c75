package dev.jotter.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagicsTest {
    @TempDir
    Path dir;
    JShellContext ctx;

    @BeforeEach
    void start() {
        ctx = new JShellContext(dir);
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    @Test
    void serviceLoaderFindsLineAndCellMagicsAndAliases() {
        Magics m = Magics.load();
        assertTrue(m.lineMagic("time").isPresent());
        assertTrue(m.cellMagic("time").isPresent());
        assertTrue(m.cellMagic("html").isPresent());
        assertTrue(m.cellMagic("md").isPresent(), "alias of %%markdown");
        assertFalse(m.lineMagic("html").isPresent());
        assertEquals(1, m.all().stream().filter(x -> x.name().equals("time")).count(), "listed once");
        assertEquals(m.all().stream().map(Magic::name).sorted(String.CASE_INSENSITIVE_ORDER).toList(),
                m.all().stream().map(Magic::name).toList());
    }

    @Test
    void unknownMagicSuggestsTheClosestName() {
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%tiem 1+1"));
        assertEquals("Unknown magic %tiem. Run %lsmagic to list magics. Did you mean %time?", e.getMessage());
        e = assertThrows(MagicException.class, () -> ctx.run("%%htm\n<b>"));
        assertEquals("Unknown magic %%htm. Run %lsmagic to list magics. Did you mean %%html?", e.getMessage());
    }

    @Test
    void unknownMagicWithNothingCloseHasNoSuggestion() {
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%xyzzyplugh"));
        assertEquals("Unknown magic %xyzzyplugh. Run %lsmagic to list magics.", e.getMessage());
    }

    @Test
    void usingALineMagicAsCellMagicExplainsTheDifference() {
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%%pwd\n"));
        assertTrue(e.getMessage().startsWith("%%pwd is a line magic, not a cell magic."), e.getMessage());
        e = assertThrows(MagicException.class, () -> ctx.run("%html <b>"));
        assertTrue(e.getMessage().startsWith("%html is a cell magic, not a line magic."), e.getMessage());
    }

    @Test
    void magicLinesAndJavaRunInOrderAndTheLastValueIsTheResult() throws Exception {
        Object r = ctx.run("int x = 20;\n%env GREETING=hi\nx + 22");
        assertEquals(42, r);
        assertEquals("hi", ctx.environment().get("GREETING"));
    }

    @Test
    void anUnknownMagicAnywhereStopsTheCellBeforeAnythingRuns() {
        assertThrows(MagicException.class, () -> ctx.run("int before = 1;\n%env A=1\n%nosuch"));
        assertEquals(List.of(), ctx.variables());
        assertEquals(System.getenv("A"), ctx.environment().get("A"));
    }

    @Test
    void aCellMagicBelowTheFirstLineIsAnErrorBeforeAnythingRuns() {
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("int q = 1;\n%%time\nq"));
        assertEquals("%%time is on line 2, but a cell magic must be the first line of its cell. Move it to the top of a "
                + "new cell, or write %time (one %) for the line magic.", e.getMessage());
        assertEquals(List.of(), ctx.variables());
    }

    @Test
    void hasMagicsTellsTheKernelWhenToBypassTheRegistry() {
        assertFalse(Magics.hasMagics("int x = 5 %3;"));
        assertTrue(Magics.hasMagics("%pwd"));
        assertTrue(Magics.hasMagics("%%html\n"));
    }

    @Test
    void completesNamesAfterPercentSigns() {
        Magics m = Magics.load();
        assertEquals(List.of("time", "timeit"), m.complete("ti", false));
        assertEquals(List.of("html"), m.complete("ht", true));
        assertEquals(Optional.of(new Magics.Completion(List.of("%time", "%timeit"), 7, 10)), m.complete("int x;\n%ti", 10));
        assertEquals(List.of("%%html"), m.complete("%%ht", 4).orElseThrow().matches());
        assertTrue(m.complete("%", 1).orElseThrow().matches().contains("%maven") || m.lineMagic("maven").isEmpty());
        assertEquals(Optional.empty(), m.complete("x %ti", 5));
        assertEquals(Optional.empty(), m.complete("%time fo", 8), "arguments are Java, not magic names");
        assertEquals(Optional.empty(), m.complete("int x;\n%%ht", 11), "cell magics only on the first line");
    }

    @Test
    void isCompleteUnderstandsMagics() {
        Magics m = Magics.load();
        assertEquals("complete", m.isComplete("%pwd", java -> "invalid"));
        assertEquals("incomplete", m.isComplete("%maven a:b:1 \\", java -> "complete"));
        assertEquals("complete", m.isComplete("%%bash\nif [ x", java -> "invalid"));
        assertEquals("incomplete", m.isComplete("%pwd\nint x = ", java -> java.equals("int x = \n") ? "incomplete" : "?"));
    }

    @Test
    void editDistanceCountsTranspositionsAsOne() {
        assertEquals(1, Magics.distance("tiem", "time"));
        assertEquals(0, Magics.distance("who", "who"));
        assertEquals(3, Magics.distance("abc", ""));
    }
}
