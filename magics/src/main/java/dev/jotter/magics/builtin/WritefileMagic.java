package dev.jotter.magics.builtin;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.CellMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.MagicException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/** {@code %%writefile [-a] file}: writes the cell body to a file. */
public final class WritefileMagic extends AbstractMagic implements CellMagic {

    /** Creates the magic; found by ServiceLoader. */
    public WritefileMagic() {
        super("writefile", "Write the cell to a file", """
                %%writefile [-a] FILE
                CONTENT

                Writes the rest of the cell to FILE (UTF-8, relative to %pwd), creating missing
                parent directories, and ends it with a newline. The cell is not run.

                Options:
                  -a, --append   append instead of overwriting

                Example:
                  %%writefile Hello.java
                  public class Hello { }
                """);
    }

    @Override
    public Object run(String args, String body, MagicContext context) throws Exception {
        MagicArgs a = MagicArgs.parse(args).allowOnly(this, Set.of("a", "append"));
        if (a.positional().size() != 1) {
            throw MagicArgs.usageError(this, a.positional().isEmpty()
                    ? "%%writefile needs a file name, e.g. %%writefile notes.txt."
                    : "%%writefile takes one file name, got " + a.positional() + ". Quote a name with spaces.");
        }
        boolean append = a.has("a") || a.has("append");
        Path file = context.workingDirectory().resolve(a.positional().getFirst()).normalize();
        if (Files.isDirectory(file)) {
            throw new MagicException("Cannot write to " + file + ": it is a directory. Give a file name.");
        }
        boolean existed = Files.exists(file);
        String text = body.endsWith("\n") || body.isEmpty() ? body : body + "\n";
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (append) {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new MagicException("Could not write " + file + ": " + e + ". Check the path and its permissions.", e);
        }
        context.out().println((append ? "Appending to " : existed ? "Overwriting " : "Writing ") + file);
        context.out().flush();
        return null;
    }
}
