package dev.jotter.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.kernel.ExitGuard;
import dev.jotter.kernel.cli.NotebookRunner;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real JShell session in this JVM, as the kernel and the runner use it. */
class SessionTest {
    /** On the machinery -Djotter.jshell chooses, as the kernel would be. */
    @RegisterExtension
    static final LiveSession live = new LiveSession();

    private static Recorder run(String code) {
        return live.run(code);
    }

    @Test
    void djlsTelemetryIsOffBeforeAnyCell() {
        // DJL reads OPT_OUT_TRACKING as an environment variable or a system property.
        assertEquals("true", run("System.getProperty(\"OPT_OUT_TRACKING\")").result.get("text/plain"));
    }

    @Test
    void severalSnippetsInOneCellShowTheLastValue() {
        Recorder r = run("int a = 20;\nint b = 22;\na + b");
        assertEquals("42", r.result.get("text/plain"));
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
        assertEquals("hi you", run("greet(\"you\")").result.get("text/plain"));
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
                live.session().interrupt();
            }
        });
        interrupter.start();
        Recorder r = run(code);
        done.set(true);
        interrupter.join();
        return r;
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
        assertEquals("abc", run("\"abc\"").result.get("text/plain"));
        assertEquals("c", run("'c'").result.get("text/plain"));
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
        assertFalse(String.join("\n", bad.traceback).contains(SnippetKinds.VALUE_VAR), String.join("\n", bad.traceback));
        assertTrue(live.session().workspace().variables().stream().noneMatch(v -> v.name().startsWith("$")), "internal variables stay hidden");
    }

    @Test
    void printfAsTheLastLineShowsWhatItPrintedAndNoStream() {
        Recorder printf = run("System.out.printf(\"%d apples%n\", 3)");
        assertEquals("3 apples\n", printf.stdout.toString());
        assertNull(printf.result, "the PrintStream printf returns is not the cell's value");
        Recorder chained = run("int n = 2;\nSystem.out.format(\"n=%d\", n).append('!')");
        assertEquals("n=2!", chained.stdout.toString());
        assertNull(chained.result);
        assertNull(run("System.err.printf(\"warn%n\")").result);
        // Any other stream is an ordinary value.
        Recorder other = run("new java.io.PrintStream(new java.io.ByteArrayOutputStream())");
        assertTrue(((String) other.result.get("text/plain")).startsWith("java.io.PrintStream@"), other.result.toString());
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
        CodeAssistance.Completion c = live.session().complete(code, code.length());
        assertTrue(c.matches().contains("valueOf("), c.matches().toString());
        assertEquals(code.length() - "valueO".length(), c.start());
    }

    @Test
    void completionOffersPackageNamesOfTheJdkAndTheClassPath() {
        String imp = "import java.util.con";
        CodeAssistance.Completion c = live.session().complete(imp, imp.length());
        assertTrue(c.matches().contains("concurrent"), c.matches().toString());
        assertEquals(imp.length() - "con".length(), c.start());
        String sub = "tech.tablesaw.a";
        CodeAssistance.Completion t = live.session().complete(sub, sub.length());
        assertTrue(t.matches().contains("api"), t.matches().toString());
        String top = "var d = jav";
        CodeAssistance.Completion j = live.session().complete(top, top.length());
        assertTrue(j.matches().containsAll(List.of("java", "javax")), j.matches().toString());
        // Classes in a package still come from the compiler, next to its sub-packages.
        String members = "java.util.Li";
        CodeAssistance.Completion l = live.session().complete(members, members.length());
        assertTrue(l.matches().contains("List"), l.matches().toString());
        run("String s = \"\";");
        String notAPackage = "s.len";
        CodeAssistance.Completion n = live.session().complete(notAPackage, notAPackage.length());
        assertEquals(List.of("length()"), n.matches());
    }

    @Test
    void inspectWorksWithTheCursorAtTheEndOfAToken() {
        String doc = live.session().inspect("Math.max", 8);
        assertTrue(doc != null && doc.contains("int Math.max(int a, int b)"), doc);
    }

    @Test
    void isCompleteUnderstandsJavaAndMagics() {
        assertEquals("incomplete", live.session().isComplete("for (int i = 0; i < 3; i++) {").status());
        assertEquals("    ", live.session().isComplete("for (int i = 0; i < 3; i++) {").indent());
        assertEquals("complete", live.session().isComplete("int x = 1;").status());
        assertEquals("invalid", live.session().isComplete("int x = ;").status());
        assertEquals("complete", live.session().isComplete("%lsmagic").status());
        assertEquals("incomplete", live.session().isComplete("%%html").status());
    }
}
