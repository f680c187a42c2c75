package dev.jotter.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.kernel.session.Recorder;
import dev.jotter.kernel.session.Session;
import dev.jotter.kernel.cli.NotebookRunner;
import dev.jotter.kernel.display.OutputRouter;
import dev.jotter.kernel.display.Renderers;
import dev.jotter.kernel.session.SnippetKinds;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the tuned machinery does differently from plain JShell, on real sessions: these run on it
 * whichever machinery -Djotter.jshell chooses for the other tests.
 */
class TunedJShellTest {
    private static Session tuned;
    /** Its expressions and statements go through JShell, as where JShell's internals are out of reach. */
    private static Session jshellOnly;
    private static OutputRouter router;

    @BeforeAll
    static void start() {
        router = new OutputRouter();
        jshellOnly = new Session(router, new Renderers(), new TunedJShell());
        jshellOnly.start();
        machinery(jshellOnly).compileExpressionsThroughJShell();
        tuned = new Session(router, new Renderers(), new TunedJShell());
        tuned.start();
    }

    @AfterAll
    static void stop() {
        tuned.close();
        jshellOnly.close();
    }

    private static TunedJShell machinery(Session session) {
        return (TunedJShell) session.machinery();
    }

    private static Recorder run(Session on, String code) {
        Recorder r = new Recorder();
        on.execute(code, 1, r);
        router.flush();
        return r;
    }

    @Test
    void voidCellsLeaveAtMostOneRejectedValueAttemptUnderEachName() {
        // Where expressions go through JShell as value variables: a rejected attempt to read a void
        // call as a value stays in JShell's snippet list; many of them under one name made every
        // later definition of that name slower, cell after cell.
        for (int i = 0; i < 6; i++) {
            assertNull(run(jshellOnly, "Thread.yield()").result);
            assertNull(run(jshellOnly, "System.out.println(" + i + ")").result);
            assertEquals(String.valueOf(i + 1), run(jshellOnly, i + " + 1").result.get("text/plain"));
        }
        JShell shell = jshellOnly.shell();
        Map<String, Long> rejectedPerName = shell.snippets()
                .filter(s -> s instanceof VarSnippet v && v.name().startsWith(SnippetKinds.VALUE_VAR) && shell.status(s) == Snippet.Status.REJECTED)
                .collect(Collectors.groupingBy(s -> ((VarSnippet) s).name(), Collectors.counting()));
        assertFalse(rejectedPerName.isEmpty(), "Thread.yield() is tried as a value first");
        assertTrue(rejectedPerName.values().stream().allMatch(n -> n == 1), rejectedPerName.toString());
        assertTrue(shell.variables().filter(v -> v.name().startsWith(SnippetKinds.VALUE_VAR) && shell.status(v).isActive()).count() <= 1,
                "one value variable is live at a time");
    }

    @Test
    void aNewExpressionIsCompiledOnceAndARepeatedOneLoadsNothingNew() {
        // Where expressions go through JShell as value variables.
        run(jshellOnly, "int n = 1;");
        run(jshellOnly, "int a = 0;");
        int before = JotterExecutionControl.REDEFINE_ATTEMPTS.get();
        for (int i = 0; i < 5; i++) {
            assertEquals(String.valueOf(i + 1), run(jshellOnly, "n + " + i).result.get("text/plain"));
            // Ends like the next cell but is another expression: not a repeat.
            assertEquals("2", run(jshellOnly, "a = 1 + 1").result.get("text/plain"));
            assertEquals("2", run(jshellOnly, "1 + 1").result.get("text/plain"));
            assertEquals("2", run(jshellOnly, "1 + 1").result.get("text/plain"));
        }
        // A redefinition the in-process engine refuses makes JShell compile the snippet again.
        assertEquals(before, JotterExecutionControl.REDEFINE_ATTEMPTS.get(), "redefinitions attempted");
        JShell shell = jshellOnly.shell();
        assertEquals(0, shell.variables().filter(v -> v.name().startsWith(SnippetKinds.VALUE_VAR) && shell.status(v).isActive()).count(),
                "value variables are dropped once they have run, so no later cell imports or recompiles them");
    }

    @Test
    void anExpressionCellLeavesNothingBehindInJShell() {
        run(tuned, "int n = 41;");
        JShell shell = tuned.shell();
        long snippets = shell.snippets().count();
        int redefinitions = JotterExecutionControl.REDEFINE_ATTEMPTS.get();
        for (int i = 0; i < 3; i++) {
            assertEquals(String.valueOf(42 + i), run(tuned, "n + 1 + " + i).result.get("text/plain"));
            assertEquals("2", run(tuned, "1 + 1").result.get("text/plain"));
        }
        assertEquals(snippets, shell.snippets().count(), "expressions are compiled outside JShell's snippet list");
        assertTrue(machinery(tuned).housekeeping().classFileNames().stream().noneMatch(ExpressionCompiler::isWrapper),
                "their class files are not kept for later compilations: " + machinery(tuned).housekeeping().classFileNames());
        assertEquals(redefinitions, JotterExecutionControl.REDEFINE_ATTEMPTS.get(), "redefinitions attempted");
    }

    @Test
    void statementsCompileInOneTaskOnTheTunedMachinery() {
        JShell shell = tuned.shell();
        run(tuned, "List<String> seen = new ArrayList<>();");
        long snippets = shell.snippets().count();
        assertNull(run(tuned, "System.out.println(\"no semicolon\")").result);
        assertNull(run(tuned, "seen.clear()").result, "a void call shows nothing");
        assertNull(run(tuned, "for (int i = 0; i < 3; i++) {\n    seen.add(\"s\" + i);\n}").ename);
        assertEquals(snippets, shell.snippets().count(), "statements are compiled outside JShell's snippet list");
    }

    @Test
    void aCellRunAgainUnchangedRunsItsLoadedClassAgain() {
        run(tuned, "int[] runs = {0};");
        ExpressionCompiler compiler = machinery(tuned).expressionCompiler();
        int before = compiler.compilations();
        assertEquals("1", run(tuned, "++runs[0]").result.get("text/plain"));
        assertEquals("2", run(tuned, "++runs[0]").result.get("text/plain"), "it runs again");
        assertEquals(before + 1, compiler.compilations(), "compiled once");
        // A declaration changes what the expression may refer to: compiled again.
        run(tuned, "var runs2 = 0;");
        assertEquals("3", run(tuned, "++runs[0]").result.get("text/plain"));
        assertEquals(before + 2, compiler.compilations());
        // An error thrown by a class run again still points at the cell that ran it.
        run(tuned, "int zero = 0;");
        assertEquals("java.lang.ArithmeticException", run(tuned, "1 / zero").ename);
        Recorder again = new Recorder();
        tuned.execute("1 / zero", 7, again);
        router.flush();
        assertTrue(NotebookRunner.stripAnsi(String.join("\n", again.traceback)).contains("Cell In[7], line 1"), again.traceback.toString());
    }

    @Test
    void cellsRunOnOneThreadOnTheTunedMachinery() {
        String thread = (String) run(tuned, "Thread.currentThread().getName()").result.get("text/plain");
        assertEquals(thread, run(tuned, "Thread.currentThread().getName()").result.get("text/plain"));
    }
}
