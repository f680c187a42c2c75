package dev.jotter.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MagicArgsTest {

    @Test
    void splitsOnWhitespaceAndKeepsQuotedSpaces() throws Exception {
        assertEquals(List.of("a", "b c", "d e", "f"), MagicArgs.split("  a 'b c'  \"d e\"\tf "));
    }

    @Test
    void singleQuotesAreLiteralDoubleQuotesHonourEscapes() throws Exception {
        assertEquals(List.of("a\\\"b"), MagicArgs.split("'a\\\"b'"));
        assertEquals(List.of("a\"b\\c", "x\\n"), MagicArgs.split("\"a\\\"b\\\\c\" \"x\\n\""));
    }

    @Test
    void backslashOutsideQuotesEscapesTheNextCharacter() throws Exception {
        assertEquals(List.of("a b", "c'd"), MagicArgs.split("a\\ b c\\'d"));
    }

    @Test
    void adjacentQuotedPartsJoinAndEmptyQuotesGiveAnEmptyWord() throws Exception {
        assertEquals(List.of("--name=a b", ""), MagicArgs.split("--name='a b' ''"));
    }

    @Test
    void unclosedQuoteNamesTheRestAndSaysWhatToDo() {
        MagicException e = assertThrows(MagicException.class, () -> MagicArgs.split("a \"b c"));
        assertTrue(e.getMessage().contains("Unclosed double quote"), e.getMessage());
        assertTrue(e.getMessage().contains("\"b c"), e.getMessage());
        assertThrows(MagicException.class, () -> MagicArgs.split("'x"));
        assertThrows(MagicException.class, () -> MagicArgs.split("x\\"));
    }

    @Test
    void parsesShortLongAndValuedOptions() throws Exception {
        MagicArgs a = MagicArgs.parse("-ab --scopes=compile,runtime -n 5 --verbose file.txt -r3 -- -notflag",
                Set.of("n", "r"));
        assertTrue(a.has("a"));
        assertTrue(a.has("b"));
        assertTrue(a.has("verbose"));
        assertEquals("compile,runtime", a.option("scopes").orElseThrow());
        assertEquals("5", a.option("n").orElseThrow());
        assertEquals("3", a.option("r").orElseThrow());
        assertEquals(List.of("file.txt", "-notflag"), a.positional());
        assertFalse(a.has("x"));
    }

    @Test
    void negativeNumbersAndLoneDashArePositional() throws Exception {
        assertEquals(List.of("-5", "-", "-0.5"), MagicArgs.parse("-5 - -0.5").positional());
    }

    @Test
    void valuedOptionWithoutValueIsAnError() {
        MagicException e = assertThrows(MagicException.class, () -> MagicArgs.parse("-n", Set.of("n")));
        assertTrue(e.getMessage().contains("-n needs a value"), e.getMessage());
    }

    @Test
    void allowOnlyRejectsUnknownFlagsWithUsage() throws Exception {
        Magic m = new AbstractMagic("demo", "a demo", "%demo [-a] FILE") {};
        MagicArgs a = MagicArgs.parse("-a --append x");
        assertEquals(Map.of("a", "", "append", ""), a.options());
        a.allowOnly(m, Set.of("a", "append"));
        MagicException e = assertThrows(MagicException.class, () -> MagicArgs.parse("-z x").allowOnly(m, Set.of("a")));
        assertEquals("Unknown option -z for %demo.\n\n%demo [-a] FILE", e.getMessage());
    }
}
