package dev.jotter.magics.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.magics.Captured;
import dev.jotter.magics.JShellContext;
import dev.jotter.magics.MagicException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EverydayMagicsTest {
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
    void timeRunsTheStatementReturnsItsValueAndPrintsTimes() throws Exception {
        assertEquals(6, ctx.run("%time 1 + 5"));
        String out = ctx.takeOut();
        assertTrue(out.matches("(?s)CPU time: [0-9.]+ (ns|µs|ms|s)\nWall time: [0-9.]+ (ns|µs|ms|s)\n"), out);
    }

    @Test
    void cellTimeRunsJavaAndMagicsInTheBody() throws Exception {
        assertEquals(3, ctx.run("%%time\nint a = 1;\n%env T=1\na + 2"));
        assertTrue(ctx.takeOut().contains("Wall time:"));
        assertEquals("1", ctx.environment().get("T"));
    }

    @Test
    void timeWithoutStatementPrintsUsage() {
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%time"));
        assertTrue(e.getMessage().contains("%time needs a statement") && e.getMessage().contains("%time STATEMENT"), e.getMessage());
    }

    @Test
    void timeitReportsMeanAndStdDevAndCanReturnTheResult() throws Exception {
        ctx.eval("int[] counter = {0};");
        Object r = ctx.run("%timeit -n 10 -r 3 -o counter[0]++");
        TimeitMagic.TimeitResult res = assertInstanceOf(TimeitMagic.TimeitResult.class, r);
        assertEquals(10, res.loops());
        assertEquals(3, res.runs().size());
        assertEquals(30, ctx.eval("counter[0]"), "compiled once, run 30 times");
        assertTrue(ctx.takeOut().matches("(?s).* ± .* per loop \\(mean ± std\\. dev\\. of 3 runs, 10 loops each\\)\n"));
    }

    @Test
    void timeitAutoRangesAndAcceptsExpressions() throws Exception {
        assertNull(ctx.run("%timeit -r 2 Math.sqrt(2.0)"));
        assertTrue(ctx.takeOut().contains("of 2 runs"));
        assertNull(ctx.run("%timeit -n 1 -r 1 1 + 1"));
    }

    @Test
    void cellTimeitRunsSetupOnce() throws Exception {
        ctx.run("%%timeit -n 5 -r 2 int[] k = {0};\nk[0]++;");
        assertEquals(10, ctx.eval("k[0]"));
    }

    @Test
    void timeitRejectsBadNumbers() {
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%timeit -n zero 1"));
        assertTrue(e.getMessage().contains("got: zero"), e.getMessage());
    }

    @Test
    void lsmagicListsLineAndCellMagics() throws Exception {
        ctx.run("%lsmagic");
        String out = ctx.takeOut();
        assertTrue(out.startsWith("Line magics:\n"), out);
        assertTrue(out.contains("%time") && out.contains("%%html") && out.contains("%%markdown, %%md"), out);
    }

    @Test
    void helpPrintsUsageOrSuggests() throws Exception {
        ctx.run("%help %%writefile");
        assertTrue(ctx.takeOut().startsWith("%%writefile [-a] FILE"));
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%help tmie"));
        assertTrue(e.getMessage().endsWith("Did you mean %time?"), e.getMessage());
    }

    @Test
    void whoAndWhosListVariablesWithTypes() throws Exception {
        ctx.run("%who");
        assertTrue(ctx.takeOut().startsWith("No variables yet"));
        ctx.eval("int n = 3; String s = \"hello\"; var list = java.util.List.of(1, 2);");
        ctx.run("%who");
        assertEquals("n  s  list\n", ctx.takeOut());
        ctx.run("%who int");
        assertEquals("n\n", ctx.takeOut());
        ctx.run("%whos");
        Map<String, Object> bundle = ctx.bundles().getLast();
        String text = (String) bundle.get("text/plain");
        assertTrue(text.matches("(?s).*\ns +String +\"hello\"\n.*"), text);
        assertTrue(text.contains("List<Integer>") && text.contains("[1, 2]"), text);
        assertTrue(((String) bundle.get("text/html")).contains("<td>n</td>"));
    }

    @Test
    void envShowsSetsAndExplainsMissingVariables() throws Exception {
        ctx.run("%env JOTTER_X=\"a b\"");
        assertEquals("env: JOTTER_X=a b\n", ctx.takeOut());
        assertEquals("a b", ctx.run("%env JOTTER_X"));
        ctx.run("%env JOTTER_Y 2");
        assertEquals("2", ctx.environment().get("JOTTER_Y"));
        ctx.run("%env");
        assertTrue(ctx.takeOut().contains("JOTTER_X=a b\n"));
        ctx.run("%env JUPYTERHUB_API_TOKEN=s3cr3t-value");
        ctx.takeOut();
        ctx.run("%env");
        String listing = ctx.takeOut();
        assertTrue(listing.contains("JUPYTERHUB_API_TOKEN=<hidden>\n"), listing);
        assertFalse(listing.contains("s3cr3t-value"), listing);
        assertTrue(listing.contains("JOTTER_Y=2\n"), listing);
        assertEquals("s3cr3t-value", ctx.run("%env JUPYTERHUB_API_TOKEN"), "asked for by name, the value is given");
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%env JOTTER_NOPE_42"));
        assertEquals("The environment variable JOTTER_NOPE_42 is not set. Set it with %env JOTTER_NOPE_42=VALUE.", e.getMessage());
        assertThrows(MagicException.class, () -> ctx.run("%env 9X=1"));
    }

    @Test
    void pwdAndCdMoveAroundAndRejectMissingDirectories() throws Exception {
        Files.createDirectories(dir.resolve("sub dir"));
        assertEquals(dir.toString(), ctx.run("%pwd"));
        ctx.run("%cd 'sub dir'");
        assertEquals(dir.resolve("sub dir"), ctx.workingDirectory());
        ctx.run("%cd ..");
        assertEquals(dir, ctx.workingDirectory());
        ctx.run("%cd -");
        assertEquals(dir.resolve("sub dir"), ctx.workingDirectory());
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%cd nowhere"));
        assertTrue(e.getMessage().startsWith("No such directory: " + dir.resolve("sub dir/nowhere")), e.getMessage());
        assertThrows(MagicException.class, () -> ctx.run("%pwd extra"));
    }

    @Test
    void mimeCellMagicsSendTheirBodyAsOneMimeType() throws Exception {
        ctx.run("%%html\n<b>bold</b>");
        ctx.run("%%markdown\n# Title");
        ctx.run("%%latex\n$x^2$");
        ctx.run("%%javascript\nconsole.log(1)");
        ctx.run("%%svg\n<svg/>");
        assertEquals(java.util.List.of(
                Map.of("text/html", "<b>bold</b>"),
                Map.of("text/markdown", "# Title"),
                Map.of("text/latex", "$x^2$"),
                Map.of("application/javascript", "console.log(1)"),
                Map.of("image/svg+xml", "<svg/>")), ctx.bundles());
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%%html <b>x</b>"));
        assertTrue(e.getMessage().contains("takes no arguments, got: <b>x</b>"), e.getMessage());
    }

    @Test
    void writefileWritesAppendsAndSaysWhich() throws Exception {
        ctx.run("%%writefile notes/a.txt\nline 1");
        assertEquals("Writing " + dir.resolve("notes/a.txt") + "\n", ctx.takeOut());
        ctx.run("%%writefile -a notes/a.txt\nline 2\n");
        assertEquals("line 1\nline 2\n", Files.readString(dir.resolve("notes/a.txt")));
        ctx.run("%%writefile notes/a.txt\nnew");
        assertTrue(ctx.takeOut().contains("Appending to") );
        assertEquals("new\n", Files.readString(dir.resolve("notes/a.txt")));
        assertThrows(MagicException.class, () -> ctx.run("%%writefile\nx"));
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%%writefile -x f\nx"));
        assertTrue(e.getMessage().startsWith("Unknown option -x for %writefile."), e.getMessage());
    }

    @Test
    void captureStoresOutputInAVariableInsteadOfShowingIt() throws Exception {
        ctx.run("%%capture cap\nSystem.out.println(\"noisy\");\nSystem.err.println(\"oops\");\n%pwd");
        assertEquals("", ctx.takeOut());
        Captured c = assertInstanceOf(Captured.class, ctx.eval("cap"));
        assertEquals("noisy\n", c.stdout());
        assertEquals("oops\n", c.stderr());
        assertEquals("noisy\n", ctx.eval("cap.toString()"));
    }

    @Test
    void captureRecordsDisplaysAndStillFailsOnErrors() throws Exception {
        ctx.run("%%capture c2\n%who");
        assertTrue(((Captured) ctx.eval("c2")).stdout().startsWith("No variables"));
        assertThrows(Exception.class, () -> ctx.run("%%capture c3\nSystem.out.println(1);\nthrow new IllegalStateException(\"boom\");"));
        assertEquals("1\n", ((Captured) ctx.eval("c3")).stdout());
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%%capture 1bad\nint z;"));
        assertTrue(e.getMessage().contains("'1bad' is not a valid Java variable name"), e.getMessage());
    }

    @Test
    void bashStreamsOutputUsesEnvAndDirectoryAndFailsOnNonZeroStatus() throws Exception {
        ctx.run("%env JOTTER_GREETING=hello");
        ctx.takeOut();
        ctx.run("%%bash one\necho \"$JOTTER_GREETING $1 from $(basename \"$PWD\")\"\necho warn >&2");
        assertEquals("hello one from " + dir.getFileName() + "\n", ctx.takeOut());
        assertEquals("warn\n", ctx.takeErr());
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%%sh\nexit 3"));
        assertTrue(e.getMessage().startsWith("%%sh: the script exited with status 3"), e.getMessage());
    }
}
