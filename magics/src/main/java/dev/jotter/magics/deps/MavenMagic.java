package dev.jotter.magics.deps;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.util.artifact.JavaScopes;

/** {@code %maven coordinate ...}: resolves artifacts with Maven Resolver and adds them to the classpath. */
public final class MavenMagic extends AbstractMagic implements LineMagic {

    /** Creates the magic; found by ServiceLoader. */
    public MavenMagic() {
        super("maven", "Add Maven artifacts and their dependencies to the classpath", """
                %maven GROUP:ARTIFACT[:EXTENSION[:CLASSIFIER]]:VERSION ...

                Resolves each artifact and its transitive compile and runtime dependencies, then
                adds the jars to the classpath. Uses ~/.m2/settings.xml (local repository,
                mirrors, proxies, offline mode) and Maven Central, plus repositories added with
                %mavenRepo. Artifacts already in the local repository are used without any
                network access. All coordinates are checked before anything is resolved.

                Example:
                  %maven com.google.code.gson:gson:2.13.2
                  %maven ai.djl.pytorch:pytorch-native-cpu:jar:linux-x86_64:2.7.1
                """);
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        List<String> words = MagicArgs.split(args);
        if (words.isEmpty()) {
            throw MagicArgs.usageError(this, "%maven needs at least one coordinate, e.g. %maven com.google.code.gson:gson:2.13.2.");
        }
        List<Artifact> artifacts = new ArrayList<>();
        for (String w : words) {
            artifacts.add(MavenResolver.artifact(w));
        }
        List<Path> files = MavenResolver.shared().resolve(artifacts, Set.of(JavaScopes.COMPILE, JavaScopes.RUNTIME));
        context.addToClasspath(files);
        return null;
    }
}
