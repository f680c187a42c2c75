package dev.jotter.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.magics.MagicLine.CellCall;
import dev.jotter.magics.MagicLine.Code;
import dev.jotter.magics.MagicLine.LineCall;
import java.util.List;
import org.junit.jupiter.api.Test;

class MagicLineTest {

    @Test
    void plainJavaIsOneCodePart() {
        assertEquals(List.of(new Code("int x = 1;\nx + 1", 1)), MagicLine.parse("int x = 1;\nx + 1"));
    }

    @Test
    void blankCellHasNoParts() {
        assertEquals(List.of(), MagicLine.parse("  \n\n"));
    }

    @Test
    void lineMagicsSplitCodeInOrder() {
        String cell = "%maven a:b:1\nimport a.B;\n\n%time  B.run()\nint y = 2;";
        assertEquals(List.of(
                new LineCall("maven", "a:b:1", 1),
                new Code("import a.B;\n", 2),
                new LineCall("time", "B.run()", 4),
                new Code("int y = 2;", 5)), MagicLine.parse(cell));
    }

    @Test
    void cellMagicTakesTheRestOfTheCellAsBody() {
        assertEquals(List.of(new CellCall("html", "", "<b>x</b>\n%notamagic")),
                MagicLine.parse("\n%%html\n<b>x</b>\n%notamagic"));
        assertEquals(List.of(new CellCall("writefile", "-a out.txt", "")), MagicLine.parse("%%writefile -a out.txt"));
    }

    @Test
    void cellMagicOnlyCountsOnTheFirstLine() {
        assertEquals(List.of(new Code("int x = 1;", 1), new MagicLine.Misplaced("html", 2)),
                MagicLine.parse("int x = 1;\n%%html\n"));
    }

    @Test
    void percentNotFollowedByANameOrIndentedIsJava() {
        String cell = "int a = 7\n  % 2;\nint b = 9\n  %x;";
        assertEquals(List.of(new Code(cell, 1)), MagicLine.parse(cell));
    }

    @Test
    void textBlocksAndBlockCommentsHideMagics() {
        String cell = "String s = \"\"\"\n%time not a magic\n\"\"\";\n/* a\n%who\n*/\n%pwd";
        List<MagicLine.Part> parts = MagicLine.parse(cell);
        assertEquals(2, parts.size());
        assertEquals(new LineCall("pwd", "", 7), parts.get(1));
    }

    @Test
    void stringsMentioningCommentsDoNotConfuseTheScanner() {
        List<MagicLine.Part> parts = MagicLine.parse("String s = \"/* \\\" \"; // \"\"\"\n%pwd");
        assertEquals(new LineCall("pwd", "", 2), parts.get(1));
    }

    @Test
    void trailingBackslashContinuesALineMagic() {
        assertEquals(List.of(new LineCall("maven", "a:b:1 c:d:2", 1), new Code("x", 3)),
                MagicLine.parse("%maven a:b:1 \\\n   c:d:2\nx"));
    }

    @Test
    void completenessLooksAtMagicLinesOnly() {
        assertTrue(MagicLine.magicsComplete("%maven a:b:1\nint x ="));
        assertFalse(MagicLine.magicsComplete("%maven a:b:1 \\"));
        assertFalse(MagicLine.magicsComplete("%env X=\"open"));
        assertTrue(MagicLine.magicsComplete("%env X=\"a\\\\\""));
        assertEquals("int x = 1;\n", MagicLine.javaOnly("%pwd\nint x = 1;"));
        assertEquals("", MagicLine.javaOnly("%%bash\necho hi"));
    }

    @Test
    void blankMagicsKeepsJavaAtItsOffsets() {
        String cell = "%maven a:b:1 \\\n  c:d:2\nint x = 1;\n%time x++\nx + 1";
        String blanked = MagicLine.blankMagics(cell);
        assertEquals(cell.length(), blanked.length());
        assertEquals(" ".repeat(14) + "\n" + " ".repeat(7) + "\nint x = 1;\n" + " ".repeat(9) + "\nx + 1", blanked);
    }

    @Test
    void blankMagicsKeepsACellMagicsBody() {
        assertEquals("          \nMath.max(1, 2)", MagicLine.blankMagics("%%time -n1\nMath.max(1, 2)"));
        assertTrue(MagicLine.isCellMagic("\n%%html\n<b>x</b>"));
        assertFalse(MagicLine.isCellMagic("int x;\n%%html"));
    }

    @Test
    void aMagicAfterAnAssignmentOrIndentedBecomesACallThatReturnsItsValue() {
        String call = "io.github.spencerpark.ijava.runtime.Magics.lineMagic(";
        assertEquals(List.of(new Code("List<String> added = " + call + "\"jars\", java.util.List.<String>of(\"/usr/share/java/*.jar\"));", 1)),
                MagicLine.parse("List<String> added = %jars /usr/share/java/*.jar;"));
        assertEquals("x =" + call + "\"maven\", java.util.List.<String>of(\"a b\", \"c\\\"d\"));",
                MagicLine.inlineMagic("x =%maven 'a b' c\\\"d", false));
        assertEquals(List.of(new Code("if (ok) {\n    " + call + "\"pwd\", java.util.List.<String>of());\n}", 1)),
                MagicLine.parse("if (ok) {\n    %pwd\n}"));
        // A line magic at the start of a line keeps its own part, Java around it.
        assertEquals(List.of(new Code("int a = 1;", 1), new LineCall("maven", "g:a:1", 2), new Code("int b = a;", 3)),
                MagicLine.parse("int a = 1;\n%maven g:a:1\nint b = a;"));
        for (String java : List.of("int r = a % b;", "int r = a\n    % b;", "String s = \"= %d\";", "x %= 3;", "if (a == %b) {}",
                "// x = %jars", "String t = \"\"\"\n  %d\n  \"\"\";")) {
            assertEquals(List.of(new Code(java, 1)), MagicLine.parse(java), java);
            assertFalse(Magics.hasMagics(java), java);
        }
        assertTrue(Magics.hasMagics("var jars = %jars lib/*.jar"));
    }
}
