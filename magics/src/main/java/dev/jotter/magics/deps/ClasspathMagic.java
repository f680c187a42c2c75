package dev.jotter.magics.deps;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.MagicException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code %classpath path|glob ...} (also {@code %jars}): adds jars and class folders to the classpath. */
public final class ClasspathMagic extends AbstractMagic implements LineMagic {

    /** Creates the magic; found by ServiceLoader. */
    public ClasspathMagic() {
        super("classpath", "Add jars or class folders (paths or globs) to the classpath", """
                %classpath PATH|GLOB ...
                %jars PATH|GLOB ...

                Adds jar files and class directories to the classpath. Paths are relative to %pwd
                and may start with ~. A glob (*, ?, [..], {a,b}; ** crosses directories) adds
                every matching file, e.g. lib/*.jar. Every argument must match something; nothing
                is added otherwise. Returns the list of added paths, which the cell does not
                show (as in IJava).

                Example:
                  %jars lib/*.jar build/classes
                """, "jars");
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        List<String> words = MagicArgs.split(args);
        if (words.isEmpty()) {
            throw MagicArgs.usageError(this, "%" + name() + " needs at least one path or glob, e.g. %jars lib/*.jar.");
        }
        List<Path> paths = new ArrayList<>();
        for (String w : words) {
            paths.addAll(expand(w, context.workingDirectory()));
        }
        context.addToClasspath(paths);
        return paths.stream().map(Path::toString).toList();
    }

    /**
     * Expands one argument to existing paths.
     *
     * @param arg a path or glob
     * @param base the directory relative paths resolve against
     * @return the matching paths, sorted
     * @throws MagicException when nothing matches
     */
    static List<Path> expand(String arg, Path base) throws MagicException {
        String home = System.getProperty("user.home");
        String w = arg.equals("~") || arg.startsWith("~/") ? home + arg.substring(1) : arg;
        if (!isGlob(w)) {
            Path p = base.resolve(w).toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                throw new MagicException("No such file or directory: " + p + ". Check the path (relative to %pwd).");
            }
            return List.of(p);
        }
        Path absolute = base.resolve(w).toAbsolutePath();
        // Walk from the deepest directory that has no glob characters in it.
        Path root = absolute.getRoot();
        for (Path part : absolute) {
            if (isGlob(part.toString())) {
                break;
            }
            root = root.resolve(part);
        }
        String pattern = absolute.toString().replace("\\", "\\\\");
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        List<Path> found;
        try (Stream<Path> walk = Files.isDirectory(root) ? Files.walk(root) : Stream.empty()) {
            found = walk.filter(matcher::matches).map(Path::normalize).sorted().toList();
        } catch (IOException e) {
            throw new MagicException("Could not list " + root + " for " + arg + ": " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new MagicException("No files match " + arg + " (looked in " + root + "). Check the pattern, e.g. lib/*.jar.");
        }
        return found;
    }

    private static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }
}
