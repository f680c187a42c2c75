package dev.jotter.magics.builtin;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.CellMagic;
import dev.jotter.magics.Captured;
import dev.jotter.magics.ForwardingMagicContext;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.Magics;
import dev.jotter.api.JavaSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * {@code %%capture [var]}: runs the cell with its output captured instead of shown, and
 * stores it in a {@link Captured} variable.
 */
public final class CaptureMagic extends AbstractMagic implements CellMagic {

    /** Creates the magic; found by ServiceLoader. */
    public CaptureMagic() {
        super("capture", "Run the cell, capturing its output into a variable", """
                %%capture [--no-stdout] [--no-stderr] [--no-display] [VAR]
                CELL BODY

                Runs the rest of the cell (Java and line magics) without showing what it prints
                or displays. With VAR, declares the variable VAR of type dev.jotter.magics.Captured
                with stdout(), stderr(), displays() and result(); printing VAR shows stdout.
                The variable is set even when the cell fails; the error is then shown.

                Options:
                  --no-stdout    let standard output through instead of capturing it
                  --no-stderr    let standard error through
                  --no-display   let displays through

                Example:
                  %%capture log
                  System.out.println("noisy");
                """);
    }

    @Override
    public Object run(String args, String body, MagicContext context) throws Exception {
        MagicArgs a = MagicArgs.parse(args).allowOnly(this, Set.of("no-stdout", "no-stderr", "no-display"));
        if (a.positional().size() > 1) {
            throw MagicArgs.usageError(this, "%%capture takes at most one variable name, got " + a.positional() + ".");
        }
        String var = a.positional().isEmpty() ? null : a.positional().getFirst();
        if (var != null && !SourceVersion.isName(var)) {
            throw MagicArgs.usageError(this, "'" + var + "' is not a valid Java variable name. Use e.g. %%capture out.");
        }
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream out = a.has("no-stdout") ? context.out() : new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = a.has("no-stderr") ? context.err() : new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        List<Object> displays = Collections.synchronizedList(new ArrayList<>());
        boolean passDisplays = a.has("no-display");
        MagicContext captured = new ForwardingMagicContext(context) {
            @Override
            public PrintStream out() {
                return out;
            }

            @Override
            public PrintStream err() {
                return err;
            }

            @Override
            public Object eval(String code) throws Exception {
                return delegate().redirectOutput(out, err, () -> delegate().eval(code));
            }

            @Override
            public String display(Object value, String... mimeTypes) {
                if (passDisplays) {
                    return delegate().display(value, mimeTypes);
                }
                displays.add(value);
                return "captured-" + displays.size();
            }

            @Override
            public void displayBundle(Map<String, Object> bundle) {
                if (passDisplays) {
                    delegate().displayBundle(bundle);
                } else {
                    displays.add(bundle);
                }
            }
        };
        Object result = null;
        Exception failure = null;
        try {
            result = Magics.of(context.magics()).run(body, captured);
        } catch (Exception e) {
            failure = e;
        }
        out.flush();
        err.flush();
        if (var != null) {
            Captured value = new Captured(outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8),
                    List.copyOf(displays), result);
            define(var, value, context);
        }
        if (failure != null) {
            throw failure;
        }
        return null;
    }

    private static void define(String var, Captured value, MagicContext context) throws Exception {
        String id = Captured.put(value);
        try {
            context.eval(Captured.class.getName() + " " + var + " = " + Captured.class.getName() + ".take(\"" + id + "\");");
        } catch (Exception e) {
            // The user's session cannot see the magics classes: fall back to the text alone.
            Captured.take(id);
            context.eval("String " + var + " = " + JavaSource.stringLiteral(value.stdout()) + ";");
            context.err().println("%%capture: " + var + " is a String with the captured standard output (the session "
                    + "cannot see " + Captured.class.getName() + ").");
        }
    }
}
