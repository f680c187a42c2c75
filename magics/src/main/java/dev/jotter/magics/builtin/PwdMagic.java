package dev.jotter.magics.builtin;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;

/** {@code %pwd}: the kernel's working directory. */
public final class PwdMagic extends AbstractMagic implements LineMagic {

    /** Creates the magic; found by ServiceLoader. */
    public PwdMagic() {
        super("pwd", "Show the working directory", """
                %pwd

                The working directory that relative paths in magics (%load, %%writefile,
                %classpath, %%bash ...) resolve against. Its path is the cell's result.
                """);
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        if (!args.isBlank()) {
            throw MagicArgs.usageError(this, "%pwd takes no arguments, got: " + args + ". To change directory use %cd.");
        }
        return context.workingDirectory().toString();
    }
}
