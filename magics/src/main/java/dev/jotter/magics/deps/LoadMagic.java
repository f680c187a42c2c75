package dev.jotter.magics.deps;

import com.google.gson.JsonObject;
import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.MagicException;
import dev.jotter.magics.Magics;
import dev.jotter.magics.NotebookFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code %load file}: runs a .jsh or .java file, or the code cells of a notebook. */
public final class LoadMagic extends AbstractMagic implements LineMagic {
    private static final int MAX_DEPTH = 8;
    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    /** Creates the magic; found by ServiceLoader. */
    public LoadMagic() {
        super("load", "Run a .jsh or .java file, or a notebook's code cells", """
                %load FILE ...

                Runs each FILE (relative to %pwd) in this session, in order. As in IJava, a name
                that is not a file is tried with .jsh, .jshell, .java, .ijava and then .ipynb
                appended, so %load ../utils/djl-imports finds djl-imports.ipynb:
                  .ipynb       every code cell of the notebook, top to bottom; magics in those
                               cells work too
                  any other    the file's code, as Java; a .java file's leading package
                               declaration is dropped, since JShell code lives in no package
                Declarations stay available afterwards. A failure stops the load and names the
                file and cell.

                Example:
                  %load helpers.jsh
                  %load ../part1.ipynb
                  %load ../utils/djl-imports
                """);
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        List<String> words = MagicArgs.split(args);
        if (words.isEmpty()) {
            throw MagicArgs.usageError(this, "%load needs a file, e.g. %load helpers.jsh.");
        }
        List<Path> files = new ArrayList<>();
        for (String w : words) {
            files.add(find(context.workingDirectory(), w));
        }
        if (DEPTH.get() >= MAX_DEPTH) {
            throw new MagicException("%load is nested more than " + MAX_DEPTH + " deep (" + files.getFirst()
                    + "); a notebook probably loads itself. Remove the %load cycle.");
        }
        DEPTH.set(DEPTH.get() + 1);
        try {
            Object result = null;
            Magics magics = Magics.of(context.magics());
            for (Path file : files) {
                result = extension(file).equals("ipynb") ? runNotebook(file, magics, context) : runSource(file, magics, context);
            }
            return result;
        } finally {
            DEPTH.set(DEPTH.get() - 1);
        }
    }

    /** What IJava appends, in this order, to a name that is not a file; .ipynb is tried last. */
    static final List<String> EXTENSIONS = List.of(".jsh", ".jshell", ".java", ".ijava", ".ipynb");

    /**
     * Finds the file {@code %load NAME} runs, as IJava does: the name as given, then with each of
     * {@link #EXTENSIONS} appended.
     *
     * @param dir where a relative name resolves (the notebook's working folder)
     * @param name the name as typed
     * @return the file
     * @throws MagicException naming every path tried when none is a file
     */
    static Path find(Path dir, String name) throws MagicException {
        Path given = dir.resolve(name).toAbsolutePath().normalize();
        List<Path> tried = new ArrayList<>();
        tried.add(given);
        if (Files.isRegularFile(given)) {
            return given;
        }
        for (String ext : EXTENSIONS) {
            Path candidate = given.resolveSibling(given.getFileName() + ext);
            tried.add(candidate);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new MagicException("No such file: " + given + ". Tried " + tried.stream().map(Path::toString)
                .collect(java.util.stream.Collectors.joining(", ")) + ". Check the name (relative to %pwd, which is "
                + dir + ").");
    }

    private static Object runSource(Path file, Magics magics, MagicContext context) throws Exception {
        String code = read(file);
        if (extension(file).equals("java")) {
            code = code.replaceFirst("(?m)^\\s*package\\s+[\\w.]+\\s*;", "");
        }
        return magics.run(code, context);
    }

    private static Object runNotebook(Path file, Magics magics, MagicContext context) throws Exception {
        List<String> cells = codeCells(file);
        Object result = null;
        for (int i = 0; i < cells.size(); i++) {
            try {
                result = magics.run(cells.get(i), context);
            } catch (MagicException e) {
                throw new MagicException("%load " + file.getFileName() + " stopped at code cell " + (i + 1) + " of "
                        + cells.size() + ": " + e.getMessage(), e);
            } catch (Exception e) {
                context.err().println("%load " + file.getFileName() + " stopped at code cell " + (i + 1) + " of " + cells.size() + ".");
                throw e;
            }
        }
        return result;
    }

    /**
     * Reads a notebook's code cells with the project's one notebook reader ({@link NotebookFile}).
     *
     * @param file an .ipynb file (nbformat 4)
     * @return each code cell's source, in order, blank cells left out
     * @throws MagicException when the file is not a notebook
     */
    static List<String> codeCells(Path file) throws MagicException {
        JsonObject nb;
        try {
            nb = NotebookFile.read(file);
        } catch (IOException e) {
            throw new MagicException(e.getMessage() + ".", e);
        }
        List<String> cells = new ArrayList<>();
        for (JsonObject cell : NotebookFile.codeCells(nb)) {
            String text = NotebookFile.source(cell);
            if (!text.isBlank()) {
                cells.add(text);
            }
        }
        return cells;
    }

    private static String read(Path file) throws MagicException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MagicException("Could not read " + file + ": " + e + ". Check that it is a readable UTF-8 file.", e);
        }
    }

    private static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
