package dev.jotter.kernel.session;

import dev.jotter.kernel.display.OutputRouter;
import dev.jotter.kernel.display.Renderers;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real JShell session in this JVM for one test class, on the machinery -Djotter.jshell chooses,
 * as the kernel and the runner use it: started before the class's tests, closed after them.
 * Register it as {@code @RegisterExtension static final LiveSession live = new LiveSession();}.
 */
final class LiveSession implements BeforeAllCallback, AfterAllCallback {
    private OutputRouter router;
    private Session session;

    @Override
    public void beforeAll(ExtensionContext context) {
        router = new OutputRouter();
        router.install();
        session = new Session(router, new Renderers());
        session.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Closes the session now (a test class that checks what closing leaves behind); closing twice is harmless. */
    void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** @return the running session */
    Session session() {
        return session;
    }

    /** @return the router the session writes through */
    OutputRouter router() {
        return router;
    }

    /** Runs a cell as execution 1 and returns what it showed, its streams flushed. */
    Recorder run(String code) {
        return run(session, router, code, 1);
    }

    /** Runs a cell with this execution count and returns what it showed, its streams flushed. */
    Recorder run(String code, int executionCount) {
        return run(session, router, code, executionCount);
    }

    /** Runs a cell in any session and returns what it showed, its streams flushed. */
    static Recorder run(Session s, OutputRouter r, String code, int executionCount) {
        Recorder rec = new Recorder();
        s.execute(code, executionCount, rec);
        r.flush();
        return rec;
    }
}
