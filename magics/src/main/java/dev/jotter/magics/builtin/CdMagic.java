package dev.jotter.magics.builtin;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.MagicException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code %cd [dir]}: changes the working directory that magics and subprocesses use. */
public final class CdMagic extends AbstractMagic implements LineMagic {
    private Path previous;

    /** Creates the magic; found by ServiceLoader. */
    public CdMagic() {
        super("cd", "Change the working directory", """
                %cd [DIR]

                Changes the working directory used by magics (%load, %%writefile, %classpath,
                %%bash ...). DIR may be relative, start with ~ (your home directory) or be -
                (the previous directory). Without DIR, goes to your home directory. Prints the
                new directory. Java's own File and Path APIs keep resolving against the
                directory the kernel started in: use Path.of(...) with %pwd's result if needed.
                """);
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        List<String> words = MagicArgs.split(args);
        if (words.size() > 1) {
            throw MagicArgs.usageError(this, "%cd takes one directory, got " + words.size()
                    + " words: " + args + ". Quote a path with spaces.");
        }
        Path current = context.workingDirectory();
        String home = System.getProperty("user.home");
        Path target;
        if (words.isEmpty()) {
            target = Path.of(home);
        } else if (words.getFirst().equals("-")) {
            if (previous == null) {
                throw new MagicException("There is no previous directory yet: %cd - works after a first %cd DIR.");
            }
            target = previous;
        } else {
            String w = words.getFirst();
            if (w.equals("~") || w.startsWith("~/")) {
                w = home + w.substring(1);
            }
            target = current.resolve(w);
        }
        target = target.toAbsolutePath().normalize();
        if (!Files.isDirectory(target)) {
            throw new MagicException("No such directory: " + target + (Files.exists(target) ? " (it is a file)" : "")
                    + ". Check the path; %pwd shows where you are.");
        }
        previous = current;
        context.setWorkingDirectory(target);
        context.out().println(target);
        context.out().flush();
        return null;
    }
}
