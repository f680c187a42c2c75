package dev.jotter.magics.deps;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A Maven 2 layout repository on disk, filled with tiny artifacts compiled in the test. */
final class TestRepo {
    final Path root;

    TestRepo(Path root) {
        this.root = root;
    }

    String url() {
        return root.toUri().toString();
    }

    /**
     * Deploys group:artifact:version with one class and a POM.
     *
     * @param className fully qualified, e.g. demo.Greeter
     * @param source the class's source
     * @param dependencies extra POM {@code <dependency>} elements
     */
    void deploy(String group, String artifact, String version, String className, String source, String dependencies)
            throws IOException {
        deploy(group, artifact, version, className, source, dependencies, "");
    }

    /**
     * Deploys group:artifact:version with one class and a POM that also holds {@code projectXml},
     * e.g. a {@code <repositories>} element.
     */
    void deploy(String group, String artifact, String version, String className, String source, String dependencies,
            String projectXml) throws IOException {
        Path dir = root.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
        Files.createDirectories(dir);
        Path src = Files.createTempDirectory("src");
        Path classes = Files.createTempDirectory("classes");
        Path java = src.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(java, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String cp = String.join(File.pathSeparator, jarsIn(root));
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", cp.isEmpty() ? "." : cp, java.toString());
        if (rc != 0) {
            throw new IllegalStateException("test source did not compile: " + source);
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(artifact + "-" + version + ".jar"));
             JarOutputStream jar = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(f));
                jar.closeEntry();
            }
        }
        Files.writeString(dir.resolve(artifact + "-" + version + ".pom"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <dependencies>%s</dependencies>
                  %s
                </project>
                """.formatted(group, artifact, version, dependencies, projectXml), StandardCharsets.UTF_8);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path f : old.filter(p -> p.toString().endsWith(".sha1") || p.toString().endsWith(".md5")).toList()) {
                Files.delete(f);
            }
        }
        writeChecksums();
    }

    /**
     * Writes the .sha1 and .md5 files a real repository has beside each file, for every file
     * that has none yet, so that resolutions from this repository are verified.
     */
    void writeChecksums() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".sha1") && !p.toString().endsWith(".md5")).toList()) {
                for (String[] algo : new String[][] {{"SHA-1", ".sha1"}, {"MD5", ".md5"}}) {
                    Path sum = f.resolveSibling(f.getFileName() + algo[1]);
                    if (!Files.exists(sum)) {
                        Files.writeString(sum, hex(algo[0], Files.readAllBytes(f)));
                    }
                }
            }
        }
    }

    /** Removes every checksum file, as in a folder repository made by hand. */
    void deleteChecksums() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".sha1") || p.toString().endsWith(".md5")).toList()) {
                Files.delete(f);
            }
        }
    }

    private static String hex(String algorithm, byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm).digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }

    /**
     * Writes the artifact's version list, maven-metadata.xml, which version ranges and
     * latest.release are resolved from.
     */
    void writeMetadata(String group, String artifact, List<String> versions) throws IOException {
        Path dir = root.resolve(group.replace('.', '/')).resolve(artifact);
        StringBuilder v = new StringBuilder();
        versions.forEach(x -> v.append("<version>").append(x).append("</version>"));
        Files.writeString(dir.resolve("maven-metadata.xml"), """
                <metadata><groupId>%s</groupId><artifactId>%s</artifactId>
                  <versioning><versions>%s</versions></versioning>
                </metadata>
                """.formatted(group, artifact, v), StandardCharsets.UTF_8);
        Files.deleteIfExists(dir.resolve("maven-metadata.xml.sha1"));
        Files.deleteIfExists(dir.resolve("maven-metadata.xml.md5"));
        writeChecksums();
    }

    private static List<String> jarsIn(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).toList();
        }
    }

    static String dependency(String group, String artifact, String version, String scope) {
        return "<dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId><version>" + version
                + "</version><scope>" + scope + "</scope></dependency>";
    }
}
