package dev.jotter.kernel.session;

import dev.jotter.kernel.jshell.JShellMachinery;
import dev.jotter.kernel.jshell.JotterExecutionControl;
import dev.jotter.kernel.jshell.ValueCapture;
import java.io.PrintStream;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * The way an expression reaches JShell where the machinery does not compile it itself: as the
 * value of a variable of its own, dropped as soon as it has run.
 */
final class ValueVariables {
    private final JShell shell;
    private final JShellMachinery machinery;
    private final PrintStream log;
    /** Suffix of the next value variable's name: each attempt gets a name of its own (see below). */
    private int valueGeneration;
    /** The last value variable (dropped as soon as it had run), for spotting a cell run again. */
    private VarSnippet lastValue;

    /**
     * @param shell the session's JShell
     * @param machinery its machinery, whose execution control holds the variables' classes
     * @param log the kernel's log
     */
    ValueVariables(JShell shell, JShellMachinery machinery, PrintStream log) {
        this.shell = shell;
        this.machinery = machinery;
        this.log = log;
    }

    /**
     * Evaluates an expression snippet as {@code Object $jotter$valueN = <snippet>;}, where the
     * machinery does not compile expressions itself ({@link JShellMachinery#compilesExpressions}). JShell would
     * give the expression a temporary variable of its own type ($1, $2, ...): that costs one more
     * compilation to find the type, and every later snippet is compiled with an import of every
     * such variable, so each expression cell made all the following ones slower (a bare
     * {@code 1+1} took about twice as long after a few hundred cells). One variable of type Object
     * skips the pass that finds the type; the value and JShell's text for it are the same, since
     * both come from the object at run time. The variable is dropped as soon as it has run, so
     * later cells neither import it nor get it recompiled when a name it used is redefined, and
     * its field is cleared so that the object can be collected once shown.
     * Anything else (declarations, statements, void calls) does not compile in that form and is
     * evaluated as written: a rejected snippet never ran, so nothing runs twice.
     *
     * <p>Each attempt gets a new name. Redefining one name with a different expression made
     * JShell compile every expression twice: the new definition inherits the old one's class
     * name, the in-process engine cannot redefine a loaded class, and JShell then renames the
     * class and runs both javac passes again. And a rejected attempt stays in JShell's snippet list
     * under its name, where many of them made every later definition of that name slower, until
     * {@code 1+1} took a noticeable pause (bench/RESULTS.md, "Why the JShell machinery exists").
     *
     * @return the events when the wrapped snippet was accepted (it has run), or null when the
     *     snippet must be evaluated as written
     */
    List<SnippetEvent> eval(String source) {
        // The newline ends a trailing // comment before the semicolon.
        String wrapped = " = " + source + "\n;";
        // A cell run again unchanged keeps its name: JShell finds the class it already loaded.
        // A dropped variable's name may be defined again: JShell then reuses its class if unchanged.
        boolean again = lastValue != null && lastValue.source().equals("Object " + lastValue.name() + wrapped);
        String name = again ? lastValue.name() : SnippetKinds.VALUE_VAR + valueGeneration++;
        List<SnippetEvent> events = shell.eval("Object " + name + wrapped);
        SnippetEvent main = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
        if (main != null && main.status() == Snippet.Status.VALID) {
            // The events keep JShell's text of the value and ValueCapture the object itself.
            lastValue = (VarSnippet) main.snippet();
            shell.drop(lastValue);
            release(name);
            return events;
        }
        if (main != null && main.status().isActive()) {
            // Defined but waiting for a missing name: JShell would run it once that name appears.
            shell.drop(main.snippet());
        }
        return null;
    }

    /**
     * Lets a dropped value variable's object be collected once shown: its class stays loaded, and
     * with it the object, so every value a cell ever showed (a 10-million-row table shown once)
     * would stay on the heap for the kernel's life.
     *
     * @param variable the value variable whose snippet has just run, so its class ran last
     */
    private void release(String variable) {
        JotterExecutionControl control = machinery.control();
        String className = control == null ? null : control.lastInvoked();
        if (className == null) {
            return;
        }
        try {
            // The object itself, for rendering: JShell hands over only its text.
            ValueCapture.capture(control.takeField(className, variable));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // The value stays reachable, as it does in plain JShell: log it, never fail the cell.
            log.println("WARNING: could not release the value of " + variable + " in " + className + ": " + e);
        }
    }
}
