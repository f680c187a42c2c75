package dev.jotter.magics;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A {@link MagicContext} that passes every call to another one; magics that change one
 * aspect for their body (e.g. {@code %%capture} swapping the output streams) override just that.
 */
public class ForwardingMagicContext implements MagicContext {
    private final MagicContext delegate;

    /** @param delegate the context to pass calls to */
    public ForwardingMagicContext(MagicContext delegate) {
        this.delegate = delegate;
    }

    /** @return the context calls are passed to */
    protected MagicContext delegate() {
        return delegate;
    }

    @Override
    public void addToClasspath(List<Path> paths) {
        delegate.addToClasspath(paths);
    }

    @Override
    public List<Path> classpath() {
        return delegate.classpath();
    }

    @Override
    public Object eval(String code) throws Exception {
        return delegate.eval(code);
    }

    @Override
    public String display(Object value, String... mimeTypes) {
        return delegate.display(value, mimeTypes);
    }

    @Override
    public void updateDisplay(String displayId, Object value) {
        delegate.updateDisplay(displayId, value);
    }

    @Override
    public void displayBundle(Map<String, Object> bundle) {
        delegate.displayBundle(bundle);
    }

    @Override
    public PrintStream out() {
        return delegate.out();
    }

    @Override
    public PrintStream err() {
        return delegate.err();
    }

    @Override
    public <T> T redirectOutput(PrintStream out, PrintStream err, Callable<T> action) throws Exception {
        return delegate.redirectOutput(out, err, action);
    }

    @Override
    public Path workingDirectory() {
        return delegate.workingDirectory();
    }

    @Override
    public void setWorkingDirectory(Path dir) {
        delegate.setWorkingDirectory(dir);
    }

    @Override
    public Map<String, String> environment() {
        return delegate.environment();
    }

    @Override
    public List<Variable> variables() {
        return delegate.variables();
    }

    @Override
    public List<Magic> magics() {
        return delegate.magics();
    }
}
