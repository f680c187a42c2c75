package dev.jotter.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.kernel.cli.NotebookRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracebackAndJavadocTest {
    @Test
    void compileErrorShowsTheLineAndACaretUnderTheColumn() {
        List<String> tb = Traceback.compileError(new Traceback.Origin(3, 5), "int a = 1;\nString s = 42;", 22, "incompatible types");
        String text = NotebookRunner.stripAnsi(String.join("\n", tb));
        assertTrue(text.startsWith("Cell In[3], line 6"), text);
        assertTrue(text.contains("    String s = 42;\n               ^"), text);
        assertTrue(text.endsWith("Compile error: incompatible types"), text);
    }

    @Test
    void recursionIsFoldedAndInternalFramesDropped() {
        StackTraceElement user = new StackTraceElement("REPL.$JShell$12", "down", "#12", 1);
        StackTraceElement[] frames = new StackTraceElement[1000];
        java.util.Arrays.fill(frames, user);
        frames[999] = new StackTraceElement("jdk.jshell.execution.DirectExecutionControl", "invoke", "X.java", 1);
        List<String> tb = Traceback.exception("java.lang.StackOverflowError", null, frames, List.of(),
                Map.of("12", new Traceback.Origin(4, 2)));
        String text = NotebookRunner.stripAnsi(String.join("\n", tb));
        assertTrue(tb.size() < 8, text);
        assertTrue(text.contains("Cell In[4], line 2, in down()"), text);
        assertTrue(text.contains("[previous frame repeated 996 more times]"), text);
        assertTrue(!text.contains("jdk.jshell"), text);
    }

    @Test
    void javadocBecomesPlainText() {
        String raw = "Returns the greater of two {@code int} values. See {@link Math#min}.<p>\n @param a an argument";
        String text = Javadoc.toText(raw);
        assertEquals("Returns the greater of two int values. See Math.min.\n\n@param a an argument", text);
    }
}
