package dev.jotter.magics.deps;

import dev.jotter.magics.MagicException;
import eu.maveniverse.maven.mima.context.Context;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import eu.maveniverse.maven.mima.context.Runtimes;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.model.Repository;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.FileModelSource;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.model.building.ModelSource;
import org.apache.maven.model.resolution.ModelResolver;
import org.apache.maven.model.resolution.UnresolvableModelException;
import org.eclipse.aether.AbstractRepositoryListener;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositoryEvent;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.ArtifactProperties;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.ChecksumFailureException;
import org.eclipse.aether.transfer.TransferCancelledException;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.transfer.TransferResource;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.ScopeDependencyFilter;
import org.eclipse.aether.util.listener.ChainedRepositoryListener;
import org.eclipse.aether.util.listener.ChainedTransferListener;

/**
 * Maven Resolver for the dependency magics, set up by MIMA the way Maven sets itself up:
 * {@code ~/.m2/settings.xml} (local repository, mirrors, proxies, servers, offline) and Maven
 * Central, plus repositories added with {@code %mavenRepo}.
 *
 * <p>What it adds to Maven's defaults, so that a notebook cannot be handed other code than it
 * asked for (docs/security.md):
 * <ul>
 * <li>The local repository tracks where each file came from (Maven's "enhanced" manager, the
 *     {@code _remote.repositories} files): a jar fetched from one repository does not later answer
 *     for a resolution that does not name that repository; it is fetched again from one that does
 *     ({@link OriginBoundLocalRepository}).
 * <li>A checksum mismatch fails the download, naming the file and the repository; a missing
 *     checksum is a warning, as in Maven. Warnings are kept for {@link #takeWarnings()}, so the
 *     magics show them in the cell instead of a log nobody reads.
 * <li>Repositories declared in the POMs of dependencies are ignored, as Gradle does: code comes
 *     only from repositories the notebook, its POM or settings.xml names.
 * <li>Plain-http repositories off this machine are refused unless the user says {@code --insecure}.
 * </ul>
 */
public final class MavenResolver implements AutoCloseable {
    private static MavenResolver shared;

    private final Context context;
    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> added = new ArrayList<>();
    private final List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * Creates a resolver.
     *
     * @param overrides MIMA settings, e.g. {@code ContextOverrides.create().withUserSettings(true).build()}
     */
    public MavenResolver(ContextOverrides overrides) {
        this.context = Runtimes.INSTANCE.getRuntime().create(overrides);
        this.system = context.repositorySystem();
        RepositorySystemSession base = context.repositorySystemSession();
        DefaultRepositorySystemSession s = new DefaultRepositorySystemSession(base);
        // The default content type selects the enhanced manager, which records each file's origin.
        LocalRepository local = new LocalRepository(base.getLocalRepository().getBasedir());
        s.setLocalRepositoryManager(new OriginBoundLocalRepository(system.newLocalRepositoryManager(s, local)));
        s.setIgnoreArtifactDescriptorRepositories(true);
        if (!RepositoryPolicy.CHECKSUM_POLICY_FAIL.equals(base.getChecksumPolicy())) {
            // Warn, not fail, so that a missing checksum passes with a warning; a mismatch is failed by the listener.
            s.setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_WARN);
        }
        s.setTransferListener(base.getTransferListener() == null ? new Checksums()
                : new ChainedTransferListener(base.getTransferListener(), new Checksums()));
        s.setRepositoryListener(base.getRepositoryListener() == null ? new Problems()
                : new ChainedRepositoryListener(base.getRepositoryListener(), new Problems()));
        this.session = s;
    }

    /**
     * Fails a download whose checksum does not match, and turns a missing checksum into a warning.
     * Maven's "warn" policy lets both through and its "fail" policy fails both; a repository
     * without checksum files (a folder made by hand) should still work, a corrupted or replaced
     * jar should not.
     */
    private final class Checksums extends AbstractTransferListener {
        @Override
        public void transferCorrupted(TransferEvent event) throws TransferCancelledException {
            TransferResource r = event.getResource();
            String where = "'" + r.getResourceName() + "' from the repository " + r.getRepositoryId() + " (" + r.getRepositoryUrl() + ")";
            if (event.getException() instanceof ChecksumFailureException c && c.getExpected() != null && !c.getExpected().isEmpty()) {
                throw new TransferCancelledException("Checksum mismatch for " + where + ": the repository's checksum is "
                        + c.getExpected() + ", the file downloaded has " + c.getActual()
                        + ". The file was changed, on the way or in the repository, and was not used. Run the cell again; "
                        + "if it fails the same way, tell the repository's owner.");
            }
            warn("could not verify " + where + ": "
                    + (event.getException() == null ? "no checksum" : event.getException().getMessage()));
        }
    }

    /** Keeps the resolver's warnings about broken or missing POMs and metadata for the cell. */
    private final class Problems extends AbstractRepositoryListener {
        @Override
        public void artifactDescriptorInvalid(RepositoryEvent event) {
            warn("the POM of " + coordinate(event.getArtifact()) + " is invalid, so its dependencies may be incomplete: "
                    + (event.getException() == null ? "" : rootMessage(event.getException())));
        }

        @Override
        public void artifactDescriptorMissing(RepositoryEvent event) {
            warn("the POM of " + coordinate(event.getArtifact()) + " is missing, so none of its dependencies are added.");
        }

        @Override
        public void metadataInvalid(RepositoryEvent event) {
            warn("the version list " + event.getMetadata() + " is invalid: "
                    + (event.getException() == null ? "" : rootMessage(event.getException())));
        }
    }

    private void warn(String message) {
        warnings.add(message);
    }

    /**
     * The resolver's warnings since the last call: missing checksums, missing or invalid POMs and
     * version lists. The magics print them in the cell.
     *
     * @return the warnings, oldest first; the list is then emptied
     */
    public List<String> takeWarnings() {
        synchronized (warnings) {
            List<String> out = List.copyOf(new LinkedHashSet<>(warnings));
            warnings.clear();
            return out;
        }
    }

    /**
     * Prints {@link #takeWarnings()} to a cell's error stream, one line each.
     *
     * @param magic the magic's name without %, for the prefix
     * @param err where to print
     */
    public void printWarnings(String magic, java.io.PrintStream err) {
        for (String w : takeWarnings()) {
            err.println("%" + magic + ": WARNING: " + w);
        }
    }

    /**
     * The resolver the magics use: created on first use from the user's Maven settings, shared
     * by {@code %maven}, {@code %mavenRepo} and {@code %loadFromPOM} for the kernel's life.
     *
     * @return the shared resolver
     */
    public static synchronized MavenResolver shared() {
        if (shared == null) {
            shared = new MavenResolver(ContextOverrides.create().withUserSettings(true).build());
        }
        return shared;
    }

    /**
     * Replaces the shared resolver, e.g. to point tests at a temporary local repository.
     *
     * @param resolver the new one; the old one is closed
     */
    public static synchronized void setShared(MavenResolver resolver) {
        if (shared != null && shared != resolver) {
            shared.close();
        }
        shared = resolver;
    }

    /** @return the local repository directory */
    public Path localRepository() {
        return session.getLocalRepository().getBasedir().toPath();
    }

    /** @return whether resolution is offline (settings.xml or overrides) */
    public boolean offline() {
        return session.isOffline();
    }

    /**
     * Adds a remote repository for later resolutions; one with the same id is replaced.
     *
     * @param id the repository id (matched by mirrors and servers in settings.xml)
     * @param url its URL, e.g. {@code https://jitpack.io} or {@code file:///tmp/repo}
     * @throws MagicException for a plain-http repository off this machine ({@link #requireSecure})
     */
    public synchronized void addRepository(String id, String url) throws MagicException {
        addRepository(id, url, false);
    }

    /**
     * Adds a remote repository for later resolutions; one with the same id is replaced.
     *
     * @param id the repository id (matched by mirrors and servers in settings.xml)
     * @param url its URL
     * @param insecure whether a plain-http repository off this machine is accepted (the caller warns)
     * @throws MagicException for a plain-http repository off this machine unless {@code insecure}
     */
    public synchronized void addRepository(String id, String url, boolean insecure) throws MagicException {
        if (!insecure) {
            requireSecure(id, url);
        } else if (insecureWarning(id, url) != null) {
            warn(insecureWarning(id, url));
        }
        added.removeIf(r -> r.getId().equals(id));
        added.add(new RemoteRepository.Builder(id, "default", url).build());
    }

    /** @return the repositories tried, after mirrors, proxies and authentication from settings.xml */
    public synchronized List<RemoteRepository> repositories() {
        return repositories(List.of());
    }

    private synchronized List<RemoteRepository> repositories(List<RemoteRepository> more) {
        List<RemoteRepository> all = new ArrayList<>(context.remoteRepositories());
        all.addAll(added);
        all.addAll(more);
        return system.newResolutionRepositories(session, all);
    }

    /** Ivy's module revision id, as IJava's %maven takes it: {@code org#name[#branch];revision}. */
    private static final java.util.regex.Pattern IVY = java.util.regex.Pattern.compile(
            "^([-\\w/._+=]*)#([-\\w/._+=]+)(?:#[-\\w/._+=]+)?;([-\\w/._+=,\\[\\]{}():@]+)$");

    /**
     * Parses {@code group:artifact[:extension[:classifier]]:version}, or Ivy's
     * {@code group#artifact[#branch];version} as IJava accepts it (the branch is ignored: Maven
     * repositories have none).
     *
     * @param coordinate the coordinate as typed
     * @return the artifact
     * @throws MagicException naming the coordinate when it is malformed
     */
    public static Artifact artifact(String coordinate) throws MagicException {
        java.util.regex.Matcher ivy = IVY.matcher(coordinate);
        if (ivy.matches()) {
            return new DefaultArtifact(ivy.group(1), ivy.group(2), "jar", mavenRange(ivy.group(3)));
        }
        try {
            return new DefaultArtifact(coordinate);
        } catch (IllegalArgumentException e) {
            throw new MagicException("Bad Maven coordinate '" + coordinate + "': expected "
                    + "group:artifact[:extension[:classifier]]:version, e.g. com.google.code.gson:gson:2.13.2, "
                    + "or Ivy's group#artifact;version.");
        }
    }

    /**
     * Ivy writes an open bound with the bracket turned outwards ({@code [1.0,2.0[}), Maven with a
     * parenthesis ({@code [1.0,2.0)}).
     */
    static String mavenRange(String revision) {
        if (revision.length() < 3 || revision.indexOf(',') < 0 || "[]".indexOf(revision.charAt(0)) < 0
                || "[]".indexOf(revision.charAt(revision.length() - 1)) < 0) {
            return revision;
        }
        char first = revision.charAt(0) == ']' ? '(' : '[';
        char last = revision.charAt(revision.length() - 1) == '[' ? ')' : ']';
        return first + revision.substring(1, revision.length() - 1) + last;
    }

    /**
     * Turns the version words Ivy and Maven 2 know into a concrete version, reading the
     * repositories' version lists: {@code latest.release} and {@code RELEASE} (the newest that is
     * not a snapshot), {@code latest.integration} and {@code LATEST} (the newest), and a prefix
     * such as {@code 2.+}. Other versions, ranges included, are left to the resolver.
     *
     * @param artifact an artifact as parsed by {@link #artifact}
     * @param extraUrls more repositories to read, e.g. from {@code --from}
     * @return the artifact with a concrete version
     * @throws MagicException naming the coordinate and the versions found when none fits
     */
    public Artifact pinVersion(Artifact artifact, List<String> extraUrls) throws MagicException {
        String v = artifact.getVersion();
        boolean release = v.equals("latest.release") || v.equals("RELEASE") || v.equals("latest.milestone");
        boolean latest = v.equals("latest.integration") || v.equals("LATEST");
        String prefix = v.endsWith("+") ? v.substring(0, v.length() - 1) : null;
        if (!release && !latest && prefix == null) {
            return artifact;
        }
        List<RemoteRepository> repos = repositories(extraRepositories(extraUrls));
        org.eclipse.aether.resolution.VersionRangeResult range;
        try {
            range = system.resolveVersionRange(session, new org.eclipse.aether.resolution.VersionRangeRequest(
                    artifact.setVersion("[0,)"), repos, null));
        } catch (org.eclipse.aether.resolution.VersionRangeResolutionException e) {
            throw new MagicException("Could not list the versions of " + coordinate(artifact) + ": " + rootMessage(e)
                    + "\nCheck the coordinate, or write a version instead of " + v + ".", e);
        }
        org.eclipse.aether.version.Version best = null;
        for (org.eclipse.aether.version.Version found : range.getVersions()) {
            String s = found.toString();
            boolean fits = prefix != null ? s.startsWith(prefix) : latest || !s.endsWith("SNAPSHOT");
            if (fits && (best == null || found.compareTo(best) > 0)) {
                best = found;
            }
        }
        if (best == null) {
            String tried = repos.stream().map(r -> r.getId() + " (" + r.getUrl() + ")").collect(Collectors.joining(", "));
            throw new MagicException("No version of " + artifact.getGroupId() + ":" + artifact.getArtifactId() + " matches " + v
                    + "; versions found: " + range.getVersions() + " in " + (tried.isEmpty() ? "no repository" : tried)
                    + " and the local repository " + localRepository() + "."
                    + (offline() ? " Maven is offline (settings.xml): the version lists come from earlier downloads only; write a version instead."
                            : " Check the coordinate, or add the repository that has it with %mavenRepo ID URL."));
        }
        return artifact.setVersion(best.toString());
    }

    private static List<RemoteRepository> extraRepositories(List<String> urls) {
        List<RemoteRepository> out = new ArrayList<>();
        for (String url : urls) {
            out.add(new RemoteRepository.Builder("from-" + Integer.toHexString(url.hashCode()), "default", url).build());
        }
        return out;
    }

    /**
     * @param extraUrls repositories given for one call
     * @return the repositories a resolution with them tries, for {@code %maven -v}
     */
    public String describeRepositories(List<String> extraUrls) {
        return repositories(extraRepositories(extraUrls)).stream().map(r -> r.getId() + " (" + r.getUrl() + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * Resolves artifacts and their transitive dependencies, also from repositories given for this
     * call only (IJava's {@code %maven --from=URL}).
     *
     * @param artifacts what to resolve
     * @param scopes the scopes to keep
     * @param extraUrls more repositories to try
     * @return the files, in resolution order, without POM-only artifacts
     * @throws MagicException naming the coordinates and repositories tried when something is missing
     */
    public List<Path> resolve(List<Artifact> artifacts, Set<String> scopes, List<String> extraUrls) throws MagicException {
        List<Dependency> deps = artifacts.stream().map(a -> new Dependency(a, JavaScopes.COMPILE)).toList();
        return resolve(deps, List.of(), extraRepositories(extraUrls), scopes, describe(artifacts));
    }

    /**
     * Resolves artifacts and their transitive dependencies.
     *
     * @param artifacts what to resolve
     * @param scopes the scopes to keep, e.g. compile and runtime
     * @return the files, in resolution order, without POM-only artifacts
     * @throws MagicException naming the coordinates and repositories tried when something is missing
     */
    public List<Path> resolve(List<Artifact> artifacts, Set<String> scopes) throws MagicException {
        List<Dependency> deps = artifacts.stream().map(a -> new Dependency(a, JavaScopes.COMPILE)).toList();
        return resolve(deps, List.of(), List.of(), scopes, describe(artifacts));
    }

    private List<Path> resolve(List<Dependency> deps, List<Dependency> managed, List<RemoteRepository> more,
            Set<String> scopes, String what) throws MagicException {
        List<RemoteRepository> repos = repositories(more);
        CollectRequest collect = new CollectRequest(deps, managed, repos);
        DependencyRequest request = new DependencyRequest(collect, new ScopeDependencyFilter(scopes, null));
        try {
            DependencyResult result = system.resolveDependencies(session, request);
            Set<Path> files = new LinkedHashSet<>();
            for (ArtifactResult r : result.getArtifactResults()) {
                Artifact a = r.getArtifact();
                if (a != null && a.getFile() != null && !"pom".equals(a.getExtension())) {
                    files.add(a.getFile().toPath());
                }
            }
            return List.copyOf(files);
        } catch (DependencyResolutionException e) {
            throw failure(what, repos, e);
        } catch (IllegalArgumentException e) {
            throw new MagicException("Could not resolve " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Resolves the dependencies a POM declares, with its parent, properties, dependency
     * management, BOM imports and repositories applied as Maven would.
     *
     * @param pom a pom.xml
     * @param scopes the scopes to keep
     * @return the files of the dependencies and their transitive dependencies
     * @throws MagicException when the POM is invalid or a dependency cannot be resolved
     */
    public List<Path> resolvePom(Path pom, Set<String> scopes) throws MagicException {
        return resolvePom(pom, scopes, false);
    }

    /**
     * Resolves the dependencies a POM declares, as {@link #resolvePom(Path, Set)} does.
     *
     * @param pom a pom.xml
     * @param scopes the scopes to keep
     * @param insecure whether the POM's plain-http repositories off this machine are accepted (the caller warns)
     * @return the files of the dependencies and their transitive dependencies
     * @throws MagicException when the POM is invalid, names a plain-http repository without {@code insecure},
     *         or a dependency cannot be resolved
     */
    public List<Path> resolvePom(Path pom, Set<String> scopes, boolean insecure) throws MagicException {
        Model model = effectiveModel(pom);
        List<RemoteRepository> pomRepos = new ArrayList<>();
        for (Repository r : model.getRepositories()) {
            if (!insecure) {
                requireSecure(r.getId(), r.getUrl());
            } else if (insecureWarning(r.getId(), r.getUrl()) != null) {
                warn(insecureWarning(r.getId(), r.getUrl()));
            }
            pomRepos.add(new RemoteRepository.Builder(r.getId(), "default", r.getUrl()).build());
        }
        List<Dependency> deps = new ArrayList<>();
        for (org.apache.maven.model.Dependency d : model.getDependencies()) {
            if (scopes.contains(d.getScope() == null ? JavaScopes.COMPILE : d.getScope())) {
                deps.add(toDependency(d));
            }
        }
        List<Dependency> managed = new ArrayList<>();
        if (model.getDependencyManagement() != null) {
            for (org.apache.maven.model.Dependency d : model.getDependencyManagement().getDependencies()) {
                managed.add(toDependency(d));
            }
        }
        if (deps.isEmpty()) {
            return List.of();
        }
        return resolve(deps, managed, pomRepos, scopes, deps.stream().map(d -> coordinate(d.getArtifact()))
                .collect(Collectors.joining(", ")) + " (from " + pom.getFileName() + ")");
    }

    private static Dependency toDependency(org.apache.maven.model.Dependency d) {
        Artifact a = new DefaultArtifact(d.getGroupId(), d.getArtifactId(), d.getClassifier(),
                d.getType() == null ? "jar" : d.getType(), d.getVersion());
        if (d.getSystemPath() != null) {
            // The resolver takes a system-scoped file from this property instead of a repository.
            a = a.setProperties(java.util.Map.of(ArtifactProperties.LOCAL_PATH, d.getSystemPath()));
        }
        List<Exclusion> exclusions = d.getExclusions().stream()
                .map(e -> new Exclusion(e.getGroupId(), e.getArtifactId(), "*", "*")).toList();
        return new Dependency(a, d.getScope() == null ? JavaScopes.COMPILE : d.getScope(), d.isOptional(), exclusions);
    }

    private Model effectiveModel(Path pom) throws MagicException {
        DefaultModelBuildingRequest request = new DefaultModelBuildingRequest();
        request.setPomFile(pom.toFile());
        request.setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MINIMAL);
        request.setProcessPlugins(false);
        request.setTwoPhaseBuilding(false);
        request.setSystemProperties(System.getProperties());
        request.setUserProperties(new Properties());
        request.setModelResolver(new PomResolver(new ArrayList<>(repositories())));
        try {
            return new DefaultModelBuilderFactory().newInstance().build(request).getEffectiveModel();
        } catch (ModelBuildingException e) {
            String problems = e.getProblems().stream().map(p -> "  - " + p.getMessage())
                    .collect(Collectors.joining("\n"));
            throw new MagicException("Could not read the POM " + pom + ":\n" + problems
                    + "\nFix the POM; parents and BOMs must be resolvable from the repositories of %mavenRepo and settings.xml.", e);
        }
    }

    /** Finds parent POMs and imported BOMs for the model builder through the resolver. */
    private final class PomResolver implements ModelResolver {
        private final List<RemoteRepository> repos;

        PomResolver(List<RemoteRepository> repos) {
            this.repos = repos;
        }

        @Override
        public ModelSource resolveModel(String groupId, String artifactId, String version) throws UnresolvableModelException {
            Artifact pom = new DefaultArtifact(groupId, artifactId, "", "pom", version);
            try {
                ArtifactResult r = system.resolveArtifact(session, new ArtifactRequest(pom, system.newResolutionRepositories(session, repos), null));
                return new FileModelSource(r.getArtifact().getFile());
            } catch (ArtifactResolutionException e) {
                throw new UnresolvableModelException(e.getMessage(), groupId, artifactId, version, e);
            }
        }

        @Override
        public ModelSource resolveModel(Parent parent) throws UnresolvableModelException {
            return resolveModel(parent.getGroupId(), parent.getArtifactId(), parent.getVersion());
        }

        @Override
        public ModelSource resolveModel(org.apache.maven.model.Dependency dependency) throws UnresolvableModelException {
            return resolveModel(dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion());
        }

        @Override
        public void addRepository(Repository repository) {
            addRepository(repository, false);
        }

        @Override
        public void addRepository(Repository repository, boolean replace) {
            if (replace) {
                repos.removeIf(r -> r.getId().equals(repository.getId()));
            } else if (repos.stream().anyMatch(r -> r.getId().equals(repository.getId()))) {
                return;
            }
            if (plainHttp(repository.getUrl())) {
                // A parent POM's old http:// repository: skipped, as Maven's http blocker does; Central answers instead.
                return;
            }
            repos.add(new RemoteRepository.Builder(repository.getId(), "default", repository.getUrl()).build());
        }

        @Override
        public ModelResolver newCopy() {
            return new PomResolver(new ArrayList<>(repos));
        }
    }

    private MagicException failure(String what, List<RemoteRepository> repos, DependencyResolutionException e) {
        Set<String> missing = new LinkedHashSet<>();
        if (e.getResult() != null) {
            for (ArtifactResult r : e.getResult().getArtifactResults()) {
                if (!r.isResolved() && r.getRequest() != null) {
                    missing.add(coordinate(r.getRequest().getArtifact()));
                }
            }
            e.getResult().getCollectExceptions().forEach(c -> missing.add(rootMessage(c)));
        }
        String tried = repos.isEmpty() ? "none (only the local repository " + localRepository() + ")"
                : repos.stream().map(r -> r.getId() + " (" + r.getUrl() + ")").collect(Collectors.joining(", "));
        StringBuilder msg = new StringBuilder("Could not resolve ").append(what).append('.');
        if (!missing.isEmpty()) {
            msg.append("\nMissing: ").append(String.join("; ", missing));
        }
        msg.append("\nRepositories tried: ").append(tried).append("; local repository: ").append(localRepository());
        msg.append("\nCause: ").append(rootMessage(e));
        msg.append(offline() ? "\nMaven is offline (settings.xml): download the artifact once online, or turn offline mode off."
                : "\nCheck the coordinate (e.g. on https://central.sonatype.com), or add the repository that has it with %mavenRepo ID URL.");
        return new MagicException(msg.toString(), e);
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }

    static String coordinate(Artifact a) {
        StringBuilder sb = new StringBuilder(a.getGroupId()).append(':').append(a.getArtifactId());
        if (!"jar".equals(a.getExtension()) || !a.getClassifier().isEmpty()) {
            sb.append(':').append(a.getExtension());
        }
        if (!a.getClassifier().isEmpty()) {
            sb.append(':').append(a.getClassifier());
        }
        return sb.append(':').append(a.getVersion()).toString();
    }

    private static String describe(Collection<Artifact> artifacts) {
        return artifacts.stream().map(MavenResolver::coordinate).collect(Collectors.joining(", "));
    }

    /**
     * Refuses a repository that would be read over plain http from another machine: what it sends
     * can be changed on the way, and a jar is code. Maven itself blocks them since 3.8.1. http on
     * this machine (127.0.0.1, localhost) stays allowed, for local test repositories.
     *
     * @param id the repository's id, for the message
     * @param url its URL
     * @throws MagicException naming the repository and its https form
     */
    static void requireSecure(String id, String url) throws MagicException {
        if (plainHttp(url)) {
            throw new MagicException("The repository '" + id + "' is plain http (" + url + "): what it sends can be changed on the way, "
                    + "so Jotter does not fetch code from it (Maven does not either, since 3.8.1). Use its https address: "
                    + "https" + url.substring(url.indexOf(':'))
                    + " (or, only if it has none and you trust every network in between, add --insecure).");
        }
    }

    /**
     * The warning a cell shows when {@code --insecure} let a plain-http repository in.
     *
     * @param id the repository's id
     * @param url its URL
     * @return the warning, or null when the URL is not plain http off this machine
     */
    static String insecureWarning(String id, String url) {
        if (!plainHttp(url)) {
            return null;
        }
        return "--insecure: the repository '" + id + "' is plain http (" + url + "). Anyone on the network "
                + "between here and it can replace the jars it sends, and those jars run as you in this kernel. "
                + "Use https://" + url.substring(url.indexOf("://") + 3) + " if the repository offers it.";
    }

    /** @return whether the URL is http to a host other than this machine */
    static boolean plainHttp(String url) {
        try {
            URI u = URI.create(url.strip());
            if (!"http".equalsIgnoreCase(u.getScheme())) {
                return false;
            }
            String host = u.getHost() == null ? "" : u.getHost().toLowerCase(java.util.Locale.ROOT);
            return !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Turns a URL or a local path into a repository URL.
     *
     * @param urlOrPath {@code https://...}, {@code file:...} or a directory path
     * @param base where a relative path resolves
     * @return the URL
     * @throws MagicException when it is neither
     */
    static String repositoryUrl(String urlOrPath, Path base) throws MagicException {
        if (urlOrPath.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || urlOrPath.startsWith("file:")) {
            try {
                URI.create(urlOrPath);
                return urlOrPath;
            } catch (IllegalArgumentException e) {
                throw new MagicException("'" + urlOrPath + "' is not a valid URL: " + e.getMessage()
                        + ". Write it like https://repo.example.com/maven2.");
            }
        }
        return base.resolve(urlOrPath).toAbsolutePath().normalize().toUri().toString();
    }

    @Override
    public void close() {
        context.close();
    }
}
