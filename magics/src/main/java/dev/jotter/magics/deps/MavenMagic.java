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
                %maven [-v] [--from=REPO_ID_OR_URL] [--insecure] COORDINATE ...

                Resolves each artifact and its transitive compile and runtime dependencies, then
                adds the jars to the classpath. Uses ~/.m2/settings.xml (local repository,
                mirrors, proxies, offline mode) and Maven Central, plus repositories added with
                %mavenRepo. Artifacts already in the local repository are used without any
                network access when they came from one of these repositories; one that came
                from another repository is fetched again. All coordinates are checked before
                anything is resolved.

                COORDINATE is Maven's GROUP:ARTIFACT[:EXTENSION[:CLASSIFIER]]:VERSION or, as in
                IJava, Ivy's GROUP#ARTIFACT;VERSION. VERSION may be a range ([1.0,2.0), or
                Ivy's [1.0,2.0[), latest.release or RELEASE (the newest version that is not
                a snapshot), latest.integration or LATEST (the newest, snapshots included),
                or a prefix such as 2.+ (the newest version that starts with "2.").
                -v (--verbose) prints the versions chosen and the files added;
                --from=URL also tries that repository for this call. A plain-http
                repository off this machine is refused unless --insecure is given (then with
                a warning: anyone on the network path could replace the jars).

                A download whose checksum does not match fails; a missing checksum, a missing
                or invalid POM is shown as a warning. Repositories declared in the POMs of
                dependencies are ignored: add the one you trust with %mavenRepo.

                Example:
                  %maven com.google.code.gson:gson:2.13.2
                  %maven ai.djl.pytorch:pytorch-native-cpu:jar:linux-x86_64:2.7.1
                  %maven org.knowm.xchart#xchart;latest.release
                """, "addMavenDependency", "addMavenDependencies");
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        MagicArgs a = MagicArgs.parse(args, Set.of("from")).allowOnly(this, Set.of("v", "verbose", "from", "insecure"));
        List<String> words = a.positional();
        if (words.isEmpty()) {
            throw MagicArgs.usageError(this, "%maven needs at least one coordinate, e.g. %maven com.google.code.gson:gson:2.13.2.");
        }
        boolean verbose = a.has("v") || a.has("verbose");
        List<Artifact> artifacts = new ArrayList<>();
        for (String w : words) {
            artifacts.add(MavenResolver.artifact(w));
        }
        MavenResolver resolver = MavenResolver.shared();
        List<String> from = new ArrayList<>();
        if (a.option("from").isPresent()) {
            String repo = a.option("from").get();
            if (repo.isBlank()) {
                throw MagicArgs.usageError(this, "--from needs a repository URL, e.g. --from=https://jitpack.io.");
            }
            String url = MavenResolver.repositoryUrl(repo, context.workingDirectory());
            if (!a.has("insecure")) {
                MavenResolver.requireSecure("--from", url);
            } else if (MavenResolver.insecureWarning("--from", url) != null) {
                context.err().println("%maven: WARNING: " + MavenResolver.insecureWarning("--from", url));
            }
            from.add(url);
        }
        resolver.takeWarnings();
        try {
            resolve(resolver, artifacts, from, verbose, context);
        } finally {
            resolver.printWarnings(name(), context.err());
        }
        return null;
    }

    private static void resolve(MavenResolver resolver, List<Artifact> artifacts, List<String> from, boolean verbose,
            MagicContext context) throws Exception {
        List<Artifact> pinned = new ArrayList<>();
        for (Artifact artifact : artifacts) {
            Artifact p = resolver.pinVersion(artifact, from);
            if (verbose && !p.getVersion().equals(artifact.getVersion())) {
                context.out().println("%maven: " + MavenResolver.coordinate(artifact) + " -> " + p.getVersion());
            }
            pinned.add(p);
        }
        List<Path> files = resolver.resolve(pinned, Set.of(JavaScopes.COMPILE, JavaScopes.RUNTIME), from);
        if (verbose) {
            context.out().println("%maven: repositories " + resolver.describeRepositories(from));
            files.forEach(f -> context.out().println("%maven: added " + f));
        }
        context.addToClasspath(files);
    }
}
