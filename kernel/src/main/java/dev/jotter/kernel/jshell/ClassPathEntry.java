package dev.jotter.kernel.jshell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;

/**
 * One jar or class folder that {@link SnippetClassLoader} reads classes and resources from, with
 * the Maven coordinates it carries, when it carries them.
 */
final class ClassPathEntry implements AutoCloseable {
    /** Which layer an entry belongs to: what the notebook added, or the toolkit the kernel ships. */
    enum Layer { NOTEBOOK, TOOLKIT }

    /** {@code groupId:artifactId} and version, from the jar's pom.properties or the file name. */
    record Artifact(String groupId, String artifactId, String version) {
        String key() {
            return groupId + ":" + artifactId;
        }

        /**
         * Whether two artifacts belong to one release train: the same groupId, or one groupId
         * inside the other ({@code ai.djl} and {@code ai.djl.pytorch}).
         */
        boolean sameFamily(Artifact other) {
            return groupId.equals(other.groupId) || groupId.startsWith(other.groupId + ".") || other.groupId.startsWith(groupId + ".");
        }

        @Override
        public String toString() {
            return key() + " " + version;
        }
    }

    final Path path;
    final Layer layer;
    final URL url;
    private final JarFile jar;
    private final ProtectionDomain domain;
    private final Manifest manifest;
    /** Null when neither pom.properties nor the file name says which artifact this is. */
    final Artifact artifact;
    /** Whether a class of this entry has been defined: from then on it cannot be replaced. */
    volatile boolean used;
    /** Set when a notebook jar replaces this toolkit entry's release train: it is skipped from then on. */
    volatile ClassPathEntry replacedBy;

    ClassPathEntry(Path path, Layer layer, ClassLoader loader) throws IOException {
        this.path = path.toAbsolutePath().normalize();
        this.layer = layer;
        try {
            this.url = this.path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IOException("Expected a class path entry with a URL form, found " + path, e);
        }
        if (Files.isDirectory(this.path)) {
            jar = null;
            manifest = null;
        } else {
            // Multi-release aware, as URLClassLoader reads jars: versioned entries win on this JDK.
            jar = new JarFile(this.path.toFile(), true, ZipFile.OPEN_READ, Runtime.version());
            manifest = jar.getManifest();
        }
        domain = new ProtectionDomain(new CodeSource(url, (CodeSigner[]) null), null, loader, null);
        artifact = readArtifact();
    }

    /** @return the bytes of a resource ({@code a/b/C.class}), or null when this entry has none */
    byte[] read(String name) throws IOException {
        if (jar == null) {
            Path p = path.resolve(name);
            return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        }
        JarEntry e = jar.getJarEntry(name);
        if (e == null) {
            return null;
        }
        try (InputStream in = jar.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    /** @return a URL for a resource, or null when this entry has none */
    URL resource(String name) {
        try {
            if (jar == null) {
                Path p = path.resolve(name);
                return Files.exists(p) ? p.toUri().toURL() : null;
            }
            JarEntry e = jar.getJarEntry(name);
            if (e == null) {
                return null;
            }
            return URI.create("jar:" + path.toUri() + "!/" + e.getRealName()).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            return null;
        }
    }

    ProtectionDomain domain() {
        return domain;
    }

    Manifest manifest() {
        return manifest;
    }

    private Artifact readArtifact() throws IOException {
        List<Properties> poms = new ArrayList<>();
        if (jar != null) {
            for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
                String n = en.nextElement().getName();
                if (n.startsWith("META-INF/maven/") && n.endsWith("/pom.properties")) {
                    Properties p = new Properties();
                    try (InputStream in = jar.getInputStream(jar.getJarEntry(n))) {
                        p.load(in);
                    }
                    poms.add(p);
                }
            }
        }
        String file = path.getFileName().toString();
        for (Properties p : poms) {
            // A shaded jar carries the pom.properties of everything inside it: take the one its file is named after.
            String a = p.getProperty("artifactId");
            if (poms.size() == 1 || (a != null && file.startsWith(a + "-"))) {
                if (p.getProperty("groupId") != null && a != null && p.getProperty("version") != null) {
                    return new Artifact(p.getProperty("groupId"), a, p.getProperty("version"));
                }
            }
        }
        return fromRepositoryPath();
    }

    /** A jar in a Maven repository: .../group/path/artifactId/version/artifactId-version[-classifier].jar */
    private Artifact fromRepositoryPath() {
        int n = path.getNameCount();
        if (n < 4) {
            return null;
        }
        String version = path.getName(n - 2).toString();
        String artifactId = path.getName(n - 3).toString();
        if (!path.getFileName().toString().startsWith(artifactId + "-" + version)) {
            return null;
        }
        for (int i = n - 4; i >= 0; i--) {
            if (path.getName(i).toString().equals("repository")) {
                String group = path.subpath(i + 1, n - 3).toString().replace(path.getFileSystem().getSeparator(), ".");
                return group.isEmpty() ? null : new Artifact(group, artifactId, version);
            }
        }
        return null;
    }

    @Override
    public void close() {
        if (jar != null) {
            try {
                jar.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
