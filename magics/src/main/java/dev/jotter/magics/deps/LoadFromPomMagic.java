package dev.jotter.magics.deps;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.CellMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.MagicException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code %loadFromPOM pom.xml [scopes]} and {@code %%loadFromPOM} with a POM or a fragment of
 * one: resolves the POM's dependencies and adds them to the classpath.
 */
public final class LoadFromPomMagic extends AbstractMagic implements LineMagic, CellMagic {
    private static final Set<String> SCOPES = Set.of("compile", "runtime", "provided", "test", "system");
    private static final Set<String> DEFAULT_SCOPES = Set.of("compile", "runtime", "system");

    /** Creates the magic; found by ServiceLoader. */
    public LoadFromPomMagic() {
        super("loadFromPOM", "Add the dependencies of a POM (file or cell) to the classpath", """
                %loadFromPOM POM_FILE [SCOPE ...] [--scopes=SCOPE,...]
                %%loadFromPOM [SCOPE ...] [--scopes=SCOPE,...]
                POM OR FRAGMENT

                Resolves the dependencies a pom.xml declares, with its parent, properties,
                dependency management, imported BOMs and <repositories> applied, plus their
                transitive dependencies, and adds the jars to the classpath. SCOPE is one of
                compile, runtime, provided, test, system; the default is compile, runtime and
                system. The cell form takes a whole POM or just a fragment: <dependencies>,
                <repositories>, <properties>, <dependencyManagement>, or bare <dependency>
                elements. Settings and repositories are those of %maven.

                Example:
                  %%loadFromPOM
                  <dependency>
                    <groupId>com.google.code.gson</groupId>
                    <artifactId>gson</artifactId>
                    <version>2.13.2</version>
                  </dependency>
                """);
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        MagicArgs a = MagicArgs.parse(args).allowOnly(this, Set.of("scopes"));
        if (a.positional().isEmpty()) {
            throw MagicArgs.usageError(this, "%loadFromPOM needs a POM file, e.g. %loadFromPOM pom.xml.");
        }
        Path pom = context.workingDirectory().resolve(a.positional().getFirst()).toAbsolutePath().normalize();
        if (Files.isDirectory(pom)) {
            pom = pom.resolve("pom.xml");
        }
        if (!Files.isRegularFile(pom)) {
            throw new MagicException("No such POM file: " + pom + ". Check the path (relative to %pwd).");
        }
        Set<String> scopes = scopes(a, a.positional().subList(1, a.positional().size()));
        context.addToClasspath(MavenResolver.shared().resolvePom(pom, scopes));
        return null;
    }

    @Override
    public Object run(String args, String body, MagicContext context) throws Exception {
        MagicArgs a = MagicArgs.parse(args).allowOnly(this, Set.of("scopes"));
        Set<String> scopes = scopes(a, a.positional());
        if (body.isBlank()) {
            throw MagicArgs.usageError(this, "%%loadFromPOM needs a POM or a <dependency> fragment in the cell body.");
        }
        Path dir = Files.createTempDirectory("jotter-pom");
        Path pom = dir.resolve("pom.xml");
        try {
            Files.writeString(pom, wrap(body), StandardCharsets.UTF_8);
            context.addToClasspath(MavenResolver.shared().resolvePom(pom, scopes));
        } finally {
            delete(pom);
            delete(dir);
        }
        return null;
    }

    private Set<String> scopes(MagicArgs a, List<String> words) throws MagicException {
        Set<String> scopes = new LinkedHashSet<>();
        for (String w : words) {
            scopes.addAll(Arrays.asList(w.split(",")));
        }
        a.option("scopes").ifPresent(s -> scopes.addAll(Arrays.asList(s.split(","))));
        scopes.removeIf(String::isBlank);
        for (String s : scopes) {
            if (!SCOPES.contains(s)) {
                throw MagicArgs.usageError(this, "Unknown scope '" + s + "'. Use compile, runtime, provided, test or system.");
            }
        }
        return scopes.isEmpty() ? DEFAULT_SCOPES : scopes;
    }

    /**
     * Completes a POM fragment to a POM with placeholder coordinates.
     *
     * @param body the cell body
     * @return a whole POM
     */
    static String wrap(String body) {
        String b = body.strip();
        if (b.contains("<project")) {
            return b;
        }
        if (b.matches("(?s)<dependency[\\s/>].*")) {
            b = "<dependencies>\n" + b + "\n</dependencies>";
        } else if (b.matches("(?s)<repository[\\s/>].*")) {
            b = "<repositories>\n" + b + "\n</repositories>";
        }
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.jotter.notebook</groupId>
                  <artifactId>cell</artifactId>
                  <version>0</version>
                %s
                </project>
                """.formatted(b);
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // A leftover file in the temp directory does no harm.
        }
    }
}
