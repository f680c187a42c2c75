package dev.jotter.magics.deps;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.metadata.Metadata;
import org.eclipse.aether.repository.LocalArtifactRegistration;
import org.eclipse.aether.repository.LocalArtifactRequest;
import org.eclipse.aether.repository.LocalArtifactResult;
import org.eclipse.aether.repository.LocalMetadataRegistration;
import org.eclipse.aether.repository.LocalMetadataRequest;
import org.eclipse.aether.repository.LocalMetadataResult;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.LocalRepositoryManager;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Maven's enhanced local repository manager (which records in {@code _remote.repositories} the
 * repositories each file came from), with the one gap closed that matters for a notebook.
 *
 * <p>When a cached file came from none of the repositories a resolution names, Maven Resolver
 * only checks that one of them <em>has</em> the coordinate, then uses the cached file anyway. So a
 * jar that a notebook once fetched from some other repository would later answer for the same
 * coordinate on Maven Central. Here such a file is evicted instead (with its checksums and its
 * origin records) and fetched again from a repository the resolution names; if none has it, the
 * resolution fails and nothing of the other repository's is left to be picked up. Files whose
 * origin is unknown (cached by an older Jotter or another tool) and files installed locally
 * ({@code mvn install}) are used as Maven uses them.
 */
final class OriginBoundLocalRepository implements LocalRepositoryManager {
    /** Maven Resolver's default name for its origin records; a settings override of it is not followed. */
    static final String TRACKING_FILE = "_remote.repositories";

    private final LocalRepositoryManager enhanced;

    OriginBoundLocalRepository(LocalRepositoryManager enhanced) {
        this.enhanced = enhanced;
    }

    @Override
    public LocalArtifactResult find(RepositorySystemSession session, LocalArtifactRequest request) {
        LocalArtifactResult result = enhanced.find(session, request);
        if (result.getFile() == null || result.isAvailable()) {
            return result;
        }
        evict(result.getFile().toPath());
        return new LocalArtifactResult(request);
    }

    /** Deletes a cached file, its checksum files and its origin records, so that it is downloaded afresh. */
    private static void evict(Path file) {
        try {
            for (String suffix : new String[] {"", ".sha1", ".md5", ".sha256", ".sha512"}) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
            Path tracking = file.resolveSibling(TRACKING_FILE);
            if (Files.isRegularFile(tracking)) {
                Properties origins = new Properties();
                try (InputStream in = Files.newInputStream(tracking)) {
                    origins.load(in);
                }
                String prefix = file.getFileName() + ">";
                origins.keySet().removeIf(k -> k.toString().startsWith(prefix));
                try (OutputStream out = Files.newOutputStream(tracking)) {
                    origins.store(out, "Origins of the files here, written by Maven Resolver and Jotter's %maven");
                }
            }
        } catch (IOException e) {
            // The file stays: the resolver's download then replaces it, or, failing, reports what it could not fetch.
            throw new java.io.UncheckedIOException("Could not evict " + file + ", which came from another repository than "
                    + "the ones this resolution names; delete it by hand and run the cell again", e);
        }
    }

    @Override
    public LocalRepository getRepository() {
        return enhanced.getRepository();
    }

    @Override
    public String getPathForLocalArtifact(Artifact artifact) {
        return enhanced.getPathForLocalArtifact(artifact);
    }

    @Override
    public String getPathForRemoteArtifact(Artifact artifact, RemoteRepository repository, String context) {
        return enhanced.getPathForRemoteArtifact(artifact, repository, context);
    }

    @Override
    public String getPathForLocalMetadata(Metadata metadata) {
        return enhanced.getPathForLocalMetadata(metadata);
    }

    @Override
    public String getPathForRemoteMetadata(Metadata metadata, RemoteRepository repository, String context) {
        return enhanced.getPathForRemoteMetadata(metadata, repository, context);
    }

    @Override
    public void add(RepositorySystemSession session, LocalArtifactRegistration request) {
        enhanced.add(session, request);
    }

    @Override
    public LocalMetadataResult find(RepositorySystemSession session, LocalMetadataRequest request) {
        return enhanced.find(session, request);
    }

    @Override
    public void add(RepositorySystemSession session, LocalMetadataRegistration request) {
        enhanced.add(session, request);
    }

    @Override
    public String toString() {
        return "origin-bound " + enhanced;
    }
}
