package dev.jotter.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real JShell session in this JVM, as the kernel and the runner use it. */
class SessionTest {
    /** On the machinery -Djotter.jshell chooses, as the kernel would be. */
    private static Session session;
    /** On the tuned machinery whichever the tests run with, for the tests of that machinery. */
    private static Session tuned;
    /** A session whose expressions and statements go through JShell, as where its internals are out of reach. */
    private static Session jshellOnly;
    private static OutputRouter router;

    /** Records what a cell produced. */
    static final class Recorder implements CellOutput {
        final StringBuilder stdout = new StringBuilder();
        final List<Map<String, Object>> displays = new ArrayList<>();
        Map<String, Object> result;
        String ename;
        String evalue;
        List<String> traceback;

        @Override
        public synchronized void stream(String name, String text) {
            if (name.equals("stdout")) {
                stdout.append(text);
            }
        }

        @Override
        public synchronized void display(Map<String, Object> bundle, Map<String, Object> metadata, String id, boolean update) {
            displays.add(bundle);
        }

        @Override
        public void result(int count, Map<String, Object> bundle, Map<String, Object> metadata) {
            result = bundle;
        }

        @Override
        public void error(String ename, String evalue, List<String> traceback) {
            this.ename = ename;
            this.evalue = evalue;
            this.traceback = traceback;
        }

        @Override
        public void clear(boolean wait) {}
    }

    @BeforeAll
    static void start() {
        router = new OutputRouter();
        router.install();
        jshellOnly = new Session(router, new Renderers(), new TunedJShell());
        jshellOnly.start();
        ((TunedJShell) jshellOnly.machinery()).compileExpressionsThroughJShell();
        tuned = new Session(router, new Renderers(), new TunedJShell());
        tuned.start();
        // Started last, so that the display API finds this one.
        session = new Session(router, new Renderers());
        session.start();
    }

    @AfterAll
    static void stop() {
        session.close();
        tuned.close();
        jshellOnly.close();
    }

    private static Recorder run(String code) {
        return run(session, code);
    }

    private static Recorder run(Session on, String code) {
        Recorder r = new Recorder();
        on.execute(code, 1, r);
        router.flush();
        return r;
    }

    @Test
    void severalSnippetsInOneCellShowTheLastValue() {
        Recorder r = run("int a = 20;\nint b = 22;\na + b");
        assertEquals("42", r.result.get("text/plain"));
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
                .filter(s -> s instanceof VarSnippet v && v.name().startsWith(Session.VALUE_VAR) && shell.status(s) == Snippet.Status.REJECTED)
                .collect(Collectors.groupingBy(s -> ((VarSnippet) s).name(), Collectors.counting()));
        assertFalse(rejectedPerName.isEmpty(), "Thread.yield() is tried as a value first");
        assertTrue(rejectedPerName.values().stream().allMatch(n -> n == 1), rejectedPerName.toString());
        assertTrue(shell.variables().filter(v -> v.name().startsWith(Session.VALUE_VAR) && shell.status(v).isActive()).count() <= 1,
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
        assertEquals(0, shell.variables().filter(v -> v.name().startsWith(Session.VALUE_VAR) && shell.status(v).isActive()).count(),
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
        assertTrue(((TunedJShell) tuned.machinery()).housekeeping().classFileNames().stream().noneMatch(ExpressionCompiler::isWrapper),
                "their class files are not kept for later compilations: " + ((TunedJShell) tuned.machinery()).housekeeping().classFileNames());
        assertEquals(redefinitions, JotterExecutionControl.REDEFINE_ATTEMPTS.get(), "redefinitions attempted");
    }

    @Test
    void declarationsAndStatementsAreNotTriedAsExpressions() {
        for (String notOne : List.of("int x = 1;", "int[] xs = {1}", "java.util.List<Map<String, int[]>> l = null;", "String s;",
                "final var v = 2;", "Map<String, Integer> m = new HashMap<>()", "for (int i = 0; i < 1; i++) {}",
                "System.out.println(1)", "class K {}")) {
            assertNull(Session.expressionOf(notOne), notOne);
        }
        for (String one : List.of("1 + 1", "x = 2", "x == 2", "xs[0] = 3;", "a < b", "m.get(\"k\")", "new int[] {1}", "List.of(1)",
                "(String) s", "x++", "Math.max(1, 2) // why", "i < j && j > k")) {
            assertEquals(one.endsWith(";") ? one.substring(0, one.length() - 1) : one, Session.expressionOf(one), one);
        }
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
    void statementsRunAndDeclarationsStayDeclarations() {
        run("List<String> seen = new ArrayList<>();");
        Recorder print = run("System.out.println(\"no semicolon\")");
        assertEquals("no semicolon\n", print.stdout.toString());
        assertNull(print.result);
        assertNull(run("seen.clear()").result, "a void call shows nothing");
        Recorder loop = run("for (int i = 0; i < 3; i++) {\n    seen.add(\"s\" + i);\n}");
        assertNull(loop.ename);
        assertEquals("[s0, s1, s2]", run("seen").result.get("text/plain"));
        Recorder thrown = run("if (seen.size() == 3)\n    throw new IllegalStateException(\"three\");");
        assertEquals("java.lang.IllegalStateException", thrown.ename);
        assertTrue(NotebookRunner.stripAnsi(String.join("\n", thrown.traceback)).contains("Cell In[1], line 2"), thrown.traceback.toString());
        // Declarations, however they begin, are JShell's: their names outlive the cell.
        run("int p1, p2;");
        assertEquals("3", run("p1 = 3").result.get("text/plain"));
        assertEquals("3", run("p1").result.get("text/plain"));
        run("String greet(String who) { return \"hi \" + who; }");
        assertEquals("\"hi you\"", run("greet(\"you\")").result.get("text/plain"));
    }

    @Test
    void anInterruptStopsALoopStatement() throws InterruptedException {
        assertEquals("InterruptedException", runInterrupted("while (true) { }").ename);
        assertEquals("2", run("1 + 1").result.get("text/plain"));
    }

    /** Runs a cell that never ends by itself, interrupting it every 200 ms until it returns. */
    private static Recorder runInterrupted(String code) throws InterruptedException {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread interrupter = new Thread(() -> {
            // Until the cell returns: an interrupt that came before the cell started is forgotten.
            while (!done.get()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
                session.interrupt();
            }
        });
        interrupter.start();
        Recorder r = run(code);
        done.set(true);
        interrupter.join();
        return r;
    }

    @Test
    void aCellRunAgainUnchangedRunsItsLoadedClassAgain() {
        run(tuned, "int[] runs = {0};");
        ExpressionCompiler compiler = ((TunedJShell) tuned.machinery()).expressionCompiler();
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
    void anExpressionSeesTheSessionsImportsAndDeclarations() {
        run("import java.util.concurrent.atomic.AtomicInteger;");
        run("record Pair(int left, String right) {}");
        run("int twice(int v) { return 2 * v; }");
        run("var counter = new AtomicInteger(5);");
        assertEquals("Pair[left=10, right=x]", run("new Pair(twice(counter.get()), \"x\")").result.get("text/plain"));
        run("int m = 1;");
        assertEquals("5", run("m = 5").result.get("text/plain"));
        assertEquals("5", run("m").result.get("text/plain"));
        run("class Plain {}");
        String shown = (String) run("new Plain()").result.get("text/plain");
        assertTrue(shown.matches("Plain@[0-9a-f]+"), "shown as JShell shows it, without wrapper class names: " + shown);
        // A declaration made after a value was shown is seen by the next expression.
        run("int late = 7;");
        assertEquals("14", run("twice(late)").result.get("text/plain"));
    }

    @Test
    void anExceptionInAnExpressionPointsAtItsCellLine() {
        Recorder r = run("int zero = 0;\n\n10 / zero");
        assertEquals("java.lang.ArithmeticException", r.ename);
        String traceback = NotebookRunner.stripAnsi(String.join("\n", r.traceback));
        assertTrue(traceback.contains("Cell In[1], line 3"), traceback);
        assertFalse(traceback.contains("Jotter") || traceback.contains("do_it$"), traceback);
    }

    @Test
    void aDeepRecursionCalledFromAnExpressionIsFoldedAndNamedByCell() {
        Recorder r = run("int down(int n) { return down(n + 1) + 1; }\ndown(0)");
        assertEquals("java.lang.StackOverflowError", r.ename);
        String traceback = NotebookRunner.stripAnsi(String.join("\n", r.traceback));
        assertTrue(r.traceback.size() < 12 && traceback.contains("repeated"), traceback);
        assertTrue(traceback.contains("Cell In[1], line 1, in down()"), traceback);
        assertFalse(traceback.contains("$JShell$"), traceback);
    }

    @Test
    void aLambdaMadeInAnExpressionCellPointsAtThatCellWhenItThrowsLater() {
        run("List<Runnable> later = new ArrayList<>();");
        assertEquals("true", run("later.add(() -> {\n    throw new IllegalStateException(\"late\");\n})").result.get("text/plain"));
        Recorder r = run("later.get(0).run();");
        assertEquals("java.lang.IllegalStateException", r.ename);
        String traceback = NotebookRunner.stripAnsi(String.join("\n", r.traceback));
        assertTrue(traceback.contains("Cell In[1], line 2"), traceback);
        assertFalse(traceback.contains("Jotter"), traceback);
    }

    @Test
    void anExpressionCallingAnUnfinishedMethodSaysWhatIsMissing() {
        run("int unfinished() { return notDeclaredYet(); }");
        Recorder r = run("unfinished() + 1");
        assertEquals("UnresolvedReferenceException", r.ename);
        assertTrue(r.evalue.contains("notDeclaredYet"), r.evalue);
    }

    @Test
    void anInterruptStopsALoopInsideAnExpression() throws InterruptedException {
        assertEquals("InterruptedException", runInterrupted("new Object() { int spin() { while (true) { } } }.spin()").ename);
        assertEquals("2", run("1 + 1").result.get("text/plain"));
    }

    @Test
    void cellsRunOnOneThreadOnTheTunedMachinery() {
        String thread = (String) run(tuned, "Thread.currentThread().getName()").result.get("text/plain");
        assertEquals(thread, run(tuned, "Thread.currentThread().getName()").result.get("text/plain"));
    }

    @Test
    void anInterruptACellLeftSetDoesNotEndTheNext() {
        // A cell that re-asserts an interrupt, as catch blocks do, must not end the next cell's wait.
        assertNull(run("Thread.currentThread().interrupt();").ename);
        Recorder r = run("Thread.sleep(20);\n1 + 1");
        assertNull(r.ename, () -> "the next cell saw the interrupt: " + r.evalue);
        assertEquals("2", r.result.get("text/plain"));
    }

    @Test
    void exitInsideAnExpressionIsBlocked() {
        Recorder r = run("new Object() { int quit() { System.exit(2); return 0; } }.quit()");
        assertEquals(ExitGuard.ExitAttemptedException.class.getName(), r.ename);
        assertEquals("2", run("1 + 1").result.get("text/plain"));
    }

    @Test
    void aValueIsNotKeptAliveOnceShown() {
        run("java.lang.ref.WeakReference<Object> shown = null;");
        run("Object track(Object o) { shown = new java.lang.ref.WeakReference<>(o); return o; }");
        assertEquals("int[3] { 0, 0, 0 }", run("track(new int[3])").result.get("text/plain"));
        String collected = "false";
        for (int i = 0; i < 5 && collected.equals("false"); i++) {
            System.gc();
            collected = (String) run("shown.get() == null").result.get("text/plain");
        }
        assertEquals("true", collected, "the value variable still holds the object it showed");
    }

    @Test
    void expressionsRunOnceAndShowTheirValueWhateverTheirShape() {
        run("int[] bumps = {0};\nvoid bump() { bumps[0]++; }");
        // A void call does not compile as a value; it must run once, as written, and show nothing.
        Recorder r = run("bump()");
        assertNull(r.result);
        assertEquals("1", run("bumps[0]").result.get("text/plain"));
        // An expression with a side effect runs once and shows the value from before it.
        assertEquals("1", run("bumps[0]++").result.get("text/plain"));
        assertEquals("2", run("bumps[0]").result.get("text/plain"));
        assertEquals("4", run("2 + 2 // a trailing comment").result.get("text/plain"));
        assertEquals("5", run("5;").result.get("text/plain"));
        assertEquals("\"abc\"", run("\"abc\"").result.get("text/plain"));
        assertEquals("'c'", run("'c'").result.get("text/plain"));
        assertEquals("int[2] { 1, 2 }", run("new int[] {1, 2}").result.get("text/plain"));
        // JShell reads a switch with values as an expression and one with statements as a statement.
        assertEquals("2", run("switch (1) { case 1 -> 2; default -> 3; }").result.get("text/plain"));
        Recorder statement = run("switch (1) { case 1 -> System.out.println(\"one\"); default -> { } }");
        assertNull(statement.result);
        assertEquals("one\n", statement.stdout.toString());
        // Errors come from the snippet as written, not from the wrapped form.
        Recorder bad = run("undefinedName + 1");
        assertEquals("CompilationException", bad.ename);
        assertTrue(String.join("\n", bad.traceback).contains("undefinedName"), String.join("\n", bad.traceback));
        // javac's "location: class <wrapper>" arrives with the wrapper's name taken out: no empty line.
        assertFalse(String.join("\n", bad.traceback).contains("location: class"), String.join("\n", bad.traceback));
        assertFalse(String.join("\n", bad.traceback).contains(Session.VALUE_VAR), String.join("\n", bad.traceback));
        assertTrue(session.variables().stream().noneMatch(v -> v.name().startsWith("$")), "internal variables stay hidden");
    }

    @Test
    void declarationsAndStatementsShowNoValue() {
        Recorder r = run("int c = 3;\nSystem.out.println(c);");
        assertEquals(null, r.result);
        assertEquals("3\n", r.stdout.toString());
    }

    @Test
    void valuesRenderFromTheObjectNotItsString() {
        Recorder r = run("new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        assertTrue(r.result.containsKey("image/png"), r.result.keySet().toString());
        assertEquals("<image 3x2>", r.result.get("text/plain"));
        assertFalse(BufferedImage.class.getName().isEmpty());
    }

    @Test
    void compileErrorPointsAtTheCellLine() {
        Recorder r = run("int ok = 1;\n\nString s = 42;");
        assertEquals("CompilationException", r.ename);
        assertTrue(NotebookRunner.stripAnsi(r.traceback.getFirst()).endsWith("line 3"), r.traceback.toString());
    }

    @Test
    void exitIsBlocked() {
        Recorder r = run("System.exit(1);");
        assertEquals(ExitGuard.ExitAttemptedException.class.getName(), r.ename);
        assertEquals("2", run("1 + 1").result.get("text/plain"));
    }

    @Test
    void exitInADeclaredMethodOrANestedClassIsBlocked() {
        // Every method of every snippet class is rewritten, not only the snippet's own body.
        run("void quit() { System.exit(3); }");
        assertEquals(ExitGuard.ExitAttemptedException.class.getName(), run("quit();").ename);
        run("class Quitter { static void halt() { Runtime.getRuntime().halt(4); } }");
        assertEquals(ExitGuard.ExitAttemptedException.class.getName(), run("Quitter.halt();").ename);
        assertEquals(ExitGuard.ExitAttemptedException.class.getName(),
                run("Runnable r = () -> Runtime.getRuntime().exit(5);\nr.run();").ename);
        assertEquals("2", run("1 + 1").result.get("text/plain"));
    }

    @Test
    void displayAndRenderWork() {
        Recorder r = run("display(\"<i>x</i>\", \"text/html\");\nrender(\"<b>y</b>\", \"text/html\")");
        assertEquals("<i>x</i>", r.displays.getFirst().get("text/html"));
        assertEquals("<b>y</b>", r.result.get("text/html"));
    }

    @Test
    void aDisplayCallAsTheLastLineShowsNoDisplayId() {
        Recorder r = run("int shown = 7;\ndisplay(shown);");
        assertEquals(1, r.displays.size());
        assertNull(r.result, "the display id was shown as the cell's result: " + r.result);
        Recorder kept = run("String id = display(8);\nid.isEmpty()");
        assertEquals("false", kept.result.get("text/plain"));
        assertTrue(Session.isDisplayCall("display(f(\")\"), \"text/html\");"));
        assertFalse(Session.isDisplayCall("display(x).length()"));
        assertTrue(Session.isDisplayCall("display(x); // the chart"));
        assertTrue(Session.isDisplayCall("display(x) /* once */"));
        assertFalse(Session.isDisplayCall("displayed(x)"));
    }

    @Test
    void unknownMagicSuggestsAndNamesIt() {
        Recorder r = run("%tiem 1 + 1");
        assertEquals("MagicException", r.ename);
        assertTrue(r.traceback.getFirst().contains("Unknown magic %tiem."), r.traceback.toString());
    }

    @Test
    void completionReplacesTheTokenAtTheCursor() {
        String code = "int x = 1;\nString.valueO";
        Session.Completion c = session.complete(code, code.length());
        assertTrue(c.matches().contains("valueOf("), c.matches().toString());
        assertEquals(code.length() - "valueO".length(), c.start());
    }

    @Test
    void completionOffersPackageNamesOfTheJdkAndTheClassPath() {
        String imp = "import java.util.con";
        Session.Completion c = session.complete(imp, imp.length());
        assertTrue(c.matches().contains("concurrent"), c.matches().toString());
        assertEquals(imp.length() - "con".length(), c.start());
        String sub = "tech.tablesaw.a";
        Session.Completion t = session.complete(sub, sub.length());
        assertTrue(t.matches().contains("api"), t.matches().toString());
        String top = "var d = jav";
        Session.Completion j = session.complete(top, top.length());
        assertTrue(j.matches().containsAll(List.of("java", "javax")), j.matches().toString());
        // Classes in a package still come from the compiler, next to its sub-packages.
        String members = "java.util.Li";
        Session.Completion l = session.complete(members, members.length());
        assertTrue(l.matches().contains("List"), l.matches().toString());
        run("String s = \"\";");
        String notAPackage = "s.len";
        Session.Completion n = session.complete(notAPackage, notAPackage.length());
        assertEquals(List.of("length()"), n.matches());
    }

    @Test
    void inspectWorksWithTheCursorAtTheEndOfAToken() {
        String doc = session.inspect("Math.max", 8);
        assertTrue(doc != null && doc.contains("int Math.max(int a, int b)"), doc);
    }

    @Test
    void isCompleteUnderstandsJavaAndMagics() {
        assertEquals("incomplete", session.isComplete("for (int i = 0; i < 3; i++) {").status());
        assertEquals("    ", session.isComplete("for (int i = 0; i < 3; i++) {").indent());
        assertEquals("complete", session.isComplete("int x = 1;").status());
        assertEquals("invalid", session.isComplete("int x = ;").status());
        assertEquals("complete", session.isComplete("%lsmagic").status());
        assertEquals("incomplete", session.isComplete("%%html").status());
    }
}
