package dev.jotter.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.kernel.cli.NotebookRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.logging.ConsoleHandler;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where Jotter follows IJava's conventions (issue 19, points 8 and 9): which values a cell shows
 * and how, where a class JShell cannot define is reported, where java.util.logging writes.
 */
class IJavaConventionsTest {
    @RegisterExtension
    static final LiveSession live = new LiveSession();

    private static Recorder run(String code) {
        return live.run(code, 7);
    }

    private static String text(String code) {
        Recorder r = run(code);
        assertNull(r.ename, () -> code + "\n" + r.ename + ": " + r.evalue);
        return r.result == null ? null : (String) r.result.get("text/plain");
    }

    @Test
    void aStringIsShownAsItsTextAndNullAsNothing() {
        assertEquals("abc", text("\"abc\""));
        assertEquals("hi you", text("String greet(String who) { return \"hi \" + who; }\ngreet(\"you\")"));
        assertEquals("say \"hi\"\\n", text("\"say \\\"hi\\\"\\\\n\""), "quotes and backslashes as they are, not escaped");
        // Multi-line text (pretty-printed JSON) stays multi-line.
        String json = "{\n  \"name\": \"Oslo\",\n  \"mean\": 6.3\n}";
        assertEquals(json, text("\"\"\"\n{\n  \"name\": \"Oslo\",\n  \"mean\": 6.3\n}\"\"\""));
        assertEquals("c", text("'c'"));
        // Other values keep JShell's form, which spells arrays out (IJava shows [I@1b6d3586).
        assertEquals("int[2] { 1, 2 }", text("new int[] {1, 2}"));
        assertEquals("[a, b]", text("List.of(\"a\", \"b\")"));
        // null shows nothing, whether a literal, a variable or a method's result.
        assertNull(text("String nothing = null;\nnothing"));
        assertNull(text("(Object) null"));
        assertNull(text("Map.of(\"a\", 1).get(\"b\")"));
        assertEquals("null", text("String.valueOf((Object) null)"), "the text \"null\" is a value");
    }

    @Test
    void ijavasMagicsShowNoResultAndJottersOwnDo(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        // %jars returns the paths it added; IJava shows nothing.
        Recorder jars = run("%jars " + classes);
        assertNull(jars.ename, jars.evalue);
        assertNull(jars.result);
        Path script = Files.writeString(dir.resolve("helper.jsh"), "int loadedValue = 41;\nloadedValue + 1\n");
        Recorder load = run("%load " + script);
        assertNull(load.ename, load.evalue);
        assertNull(load.result, "%load runs the file; IJava shows no value");
        assertEquals("41", text("loadedValue"));
        // Jotter's own magics follow IPython, which shows their values.
        assertEquals(live.session().workspace().workingDirectory().toString(), text("%pwd"));
        assertEquals("2", text("%time 1 + 1"));
    }

    @Test
    void javaUtilLoggingWritesToTheKernelsLogNotTheCell() {
        assertTrue(Arrays.stream(Logger.getLogger("").getHandlers()).noneMatch(h -> h instanceof ConsoleHandler),
                "the root logger's console handler writes to the kernel's log");
        Recorder r = run("java.util.logging.Logger.getLogger(\"some.library\").info(\"library chatter\");\n"
                + "java.util.logging.Logger.getLogger(\"some.library\").warning(\"library warning\");\n"
                + "System.err.println(\"the cell's own\");");
        assertNull(r.ename, r.evalue);
        assertFalse(r.stderr.toString().contains("library"), r.stderr.toString());
        assertEquals("the cell's own\n", r.stderr.toString());
        // A notebook that wants the lines in the cell adds a console handler of its own.
        Recorder own = run("var notebookLog = java.util.logging.Logger.getLogger(\"notebook\");\n"
                + "var handler = new java.util.logging.ConsoleHandler();\n"
                + "notebookLog.addHandler(handler);\n"
                + "notebookLog.info(\"shown in the cell\");\n"
                + "notebookLog.removeHandler(handler);");
        assertNull(own.ename, own.evalue);
        assertTrue(own.stderr.toString().contains("shown in the cell"), own.stderr.toString());
    }

    @Test
    void aClassJShellCannotDefineIsAnErrorOfTheCellThatDeclaresIt() {
        Recorder team = run("int before = 1;\nclass Team {\n    Player captain;\n}");
        assertEquals("CompilationException", team.ename);
        assertEquals("class Team was declared, but cannot be used until class Player is declared. Declare it in this "
                + "cell or a later one: class Team then works without running this cell again.", team.evalue);
        String traceback = NotebookRunner.stripAnsi(String.join("\n", team.traceback));
        assertTrue(traceback.contains("Cell In[7], line 2"), traceback);
        // Declared later, the missing class completes the first one, as JShell does.
        assertNull(run("class Player { String name = \"Ada\"; }").ename);
        assertEquals("true", text("new Team().captain == null"));
        // Several missing names are all named.
        Recorder two = run("record Match(Home home, Away away) {}");
        assertTrue(two.evalue.startsWith("record Match was declared, but cannot be used until class Home and class Away are declared."),
                two.evalue);
        // Within one cell a class may use one declared further down.
        assertNull(run("class Squad { Coach coach; }\nclass Coach { }").ename);
        assertEquals("true", text("new Squad().coach == null"));
        // A later snippet of the cell that fails for want of the class points at the declaration.
        Recorder use = run("class League { Referee referee; }\nnew League()");
        assertTrue(use.evalue.startsWith("class League was declared, but cannot be used until class Referee is declared"),
                use.evalue);
        // A method that calls one not declared yet is defined, as in IJava: no error, a warning.
        Recorder method = run("int twice(int x) { return helper(x) * 2; }");
        assertNull(method.ename, method.evalue);
        assertTrue(method.stderr.toString().contains("helper(int)"), method.stderr.toString());
    }
}
