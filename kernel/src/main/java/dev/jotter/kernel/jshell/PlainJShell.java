package dev.jotter.kernel.jshell;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import jdk.jshell.JShell;

/**
 * JShell through its public API only: every snippet is compiled and run by JShell, each on a thread
 * of its own. Cells keep their behaviour (values rendered, exits blocked, interrupts); they compile
 * more slowly, and a little more slowly with every cell.
 */
public final class PlainJShell implements JShellMachinery {
    private final JotterExecutionControl.Provider engine = new JotterExecutionControl.Provider(JotterExecutionControl::new);

    /** Creates the machinery. */
    public PlainJShell() {}

    @Override
    public JShell build(PrintStream out, PrintStream err, Libraries libraries) {
        // The file manager is public API (javax.tools): without it javac would compile against the
        // kernel's whole class path, which the snippet class loader does not let user code see.
        return JShell.builder().executionEngine(engine.with(libraries), Map.of()).compilerOptions("-proc:none")
                .fileManager(std -> new UnindexedClassPath(std, libraries.compiledLayers()))
                .out(out).err(err).build();
    }

    @Override
    public void started(JShell shell, PrintStream log) {
        // Nothing to attach.
    }

    @Override
    public void afterCell(JShell shell) {
        // Nothing to tidy.
    }

    @Override
    public boolean compilesExpressions() {
        return false;
    }

    @Override
    public JotterExecutionControl control() {
        return engine.control();
    }

    @Override
    public Ran runDirect(String expression, boolean statement, String snippetSource, ObjIntConsumer<String> wrapperAt) {
        return null;
    }
}
