package dev.jotter.magics.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.magics.JShellContext;
import dev.jotter.magics.MagicException;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.aether.repository.RemoteRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** %maven, %mavenRepo, %loadFromPOM, %classpath and %load against repositories made in the test; no network. */
class DependencyMagicsTest {
    @TempDir
    Path tmp;
    TestRepo remote;
    Path local;
    JShellContext ctx;

    @BeforeEach
    void setUp() throws IOException {
        remote = new TestRepo(tmp.resolve("remote"));
        local = tmp.resolve("local");
        remote.deploy("demo", "dep", "1.0", "demo.Dep", "package demo; public class Dep { public static String name() { return \"dep\"; } }", "");
        remote.deploy("demo", "greeter", "1.0", "demo.Greeter",
                "package demo; public class Greeter { public static String hi() { return \"hi from \" + Dep.name(); } }",
                TestRepo.dependency("demo", "dep", "1.0", "compile")
                        + TestRepo.dependency("demo", "only-for-tests", "9.9", "test"));
        useResolver(List.of(new RemoteRepository.Builder("test-remote", "default", remote.url()).build()));
        Path work = Files.createDirectories(tmp.resolve("work"));
        ctx = new JShellContext(work);
    }

    private void useResolver(List<RemoteRepository> repos) {
        MavenResolver.setShared(new MavenResolver(ContextOverrides.create()
                .withUserSettings(false)
                .withLocalRepositoryOverride(local)
                .repositories(repos)
                .addRepositoriesOp(ContextOverrides.AddRepositoriesOp.REPLACE)
                .build()));
    }

    @AfterEach
    void tearDown() {
        ctx.close();
        MavenResolver.setShared(null);
    }

    @Test
    void mavenResolvesTransitivelyAndTheCodeCanUseIt() throws Exception {
        Object r = ctx.run("%maven demo:greeter:1.0\ndemo.Greeter.hi()");
        assertEquals("hi from dep", r);
        assertEquals(2, ctx.classpath().size());
        assertTrue(ctx.classpath().stream().allMatch(p -> p.startsWith(local)), ctx.classpath().toString());
    }

    @Test
    void aCachedArtifactIsUsedWithoutTheRemote() throws Exception {
        ctx.run("%maven demo:greeter:1.0");
        deleteTree(remote.root);
        useResolver(List.of(new RemoteRepository.Builder("test-remote", "default", remote.url()).build()));
        try (JShellContext fresh = new JShellContext(tmp)) {
            assertEquals("hi from dep", fresh.run("%maven demo:greeter:1.0\ndemo.Greeter.hi()"));
        }
    }

    @Test
    void aJarFromAnotherRepositoryDoesNotAnswerForThisOne() throws Exception {
        // Another repository publishes the same coordinate with other code; a notebook fetches it from there once.
        TestRepo other = new TestRepo(tmp.resolve("other"));
        other.deploy("demo", "dep", "1.0", "demo.Dep", "package demo; public class Dep { public static String name() { return \"other\"; } }", "");
        useResolver(List.of(new RemoteRepository.Builder("other", "default", other.url()).build()));
        assertEquals("other", ctx.run("%maven demo:dep:1.0\ndemo.Dep.name()"));
        // A later resolution from the real repository gets the real jar, not the cached one (the "simple" local repository gave "other").
        useResolver(List.of(new RemoteRepository.Builder("test-remote", "default", remote.url()).build()));
        try (JShellContext fresh = new JShellContext(tmp)) {
            assertEquals("dep", fresh.run("%maven demo:dep:1.0\ndemo.Dep.name()"));
        }
    }

    @Test
    void aChecksumMismatchFailsNamingTheFileAndTheRepository() throws Exception {
        Path jar = remote.root.resolve("demo/dep/1.0/dep-1.0.jar");
        byte[] bytes = Files.readAllBytes(jar);
        bytes[bytes.length / 2] ^= 1;
        Files.write(jar, bytes);
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%maven demo:greeter:1.0"));
        assertTrue(e.getMessage().startsWith("Could not resolve demo:greeter:1.0."), e.getMessage());
        assertTrue(e.getMessage().contains("Checksum mismatch for 'demo/dep/1.0/dep-1.0.jar' from the repository test-remote ("
                + remote.url()), e.getMessage());
        assertTrue(e.getMessage().contains("demo:dep:1.0"), e.getMessage());
        assertEquals(List.of(), ctx.classpath());
        assertTrue(!Files.exists(local.resolve("demo/dep/1.0/dep-1.0.jar")), "the damaged jar is not kept in the local repository");
    }

    @Test
    void aMissingChecksumOrPomIsAWarningInTheCell() throws Exception {
        remote.deleteChecksums();
        Files.delete(remote.root.resolve("demo/dep/1.0/dep-1.0.pom"));
        assertEquals("hi from dep", ctx.run("%maven demo:greeter:1.0\ndemo.Greeter.hi()"));
        String err = ctx.takeErr();
        assertTrue(err.contains("%maven: WARNING: could not verify 'demo/greeter/1.0/greeter-1.0.jar' from the repository test-remote ("
                + remote.url() + "): Checksum validation failed, no checksums available"), err);
        assertTrue(err.contains("%maven: WARNING: the POM of demo:dep:1.0 is missing"), err);
        assertEquals(List.of(), MavenResolver.shared().takeWarnings(), "the cell took the warnings");
    }

    @Test
    void repositoriesDeclaredInDependencyPomsAreIgnored() throws Exception {
        TestRepo elsewhere = new TestRepo(tmp.resolve("elsewhere"));
        elsewhere.deploy("demo", "far", "1.0", "demo.Far", "package demo; public class Far { public static String name() { return \"far\"; } }", "");
        remote.deploy("demo", "needs-far", "1.0", "demo.NeedsFar", "package demo; public class NeedsFar { }",
                TestRepo.dependency("demo", "far", "1.0", "compile"),
                "<repositories><repository><id>elsewhere</id><url>" + elsewhere.url() + "</url></repository></repositories>");
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%maven demo:needs-far:1.0"));
        assertTrue(e.getMessage().contains("demo:far:1.0"), e.getMessage());
        ctx.run("%mavenRepo elsewhere " + elsewhere.root);
        assertEquals("far", ctx.run("%maven demo:needs-far:1.0\ndemo.Far.name()"));
    }

    @Test
    void insecureLetsAPlainHttpRepositoryInWithAWarning() throws Exception {
        ctx.run("%mavenRepo --insecure insecure http://repo.example.com/maven2");
        String err = ctx.takeErr();
        assertTrue(err.contains("%mavenRepo: WARNING: --insecure: the repository 'insecure' is plain http (http://repo.example.com/maven2)")
                && err.contains("https://repo.example.com/maven2"), err);
        assertTrue(MavenResolver.shared().describeRepositories(List.of()).contains("insecure (http://repo.example.com/maven2)"));
        ctx.run("%mavenRepo --insecure local-http http://127.0.0.1:1/repo");
        assertEquals("", ctx.takeErr(), "http on this machine needs no warning");
        // Offline, so that the test does not reach for the network: the cell gets past the http check to the resolution.
        MavenResolver.setShared(new MavenResolver(ContextOverrides.create().withUserSettings(false)
                .withLocalRepositoryOverride(local).offline(true).build()));
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%maven --from=http://repo.example.com/x demo:nosuch:1"));
        assertTrue(e.getMessage().startsWith("The repository '--from' is plain http"), e.getMessage());
        e = assertThrows(MagicException.class, () -> ctx.run("%maven --insecure --from=http://repo.example.com/x demo:nosuch:1"));
        assertTrue(e.getMessage().startsWith("Could not resolve demo:nosuch:1."), e.getMessage());
        err = ctx.takeErr();
        assertTrue(err.contains("%maven: WARNING: --insecure: the repository '--from' is plain http (http://repo.example.com/x)"), err);
        ctx.run("%%loadFromPOM --insecure\n<repository><id>old</id><url>http://repo.example.com/old</url></repository>");
        err = ctx.takeErr();
        assertTrue(err.contains("%loadFromPOM: WARNING: --insecure: the repository 'old' is plain http (http://repo.example.com/old)"), err);
    }

    @Test
    void aMissingArtifactNamesTheCoordinateAndTheRepository() {
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%maven demo:nosuch:2.0"));
        assertTrue(e.getMessage().startsWith("Could not resolve demo:nosuch:2.0."), e.getMessage());
        assertTrue(e.getMessage().contains("test-remote (" + remote.url() + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("%mavenRepo"), e.getMessage());
    }

    @Test
    void plainHttpRepositoriesOffThisMachineAreRefused() {
        for (String cell : new String[] {"%mavenRepo insecure http://repo.example.com/maven2",
                "%maven --from=http://repo.example.com/maven2 demo:greeter:1.0",
                "%%loadFromPOM\n<repository><id>insecure</id><url>http://repo.example.com/maven2</url></repository>\n"
                        + "<dependency><groupId>demo</groupId><artifactId>greeter</artifactId><version>1.0</version></dependency>"}) {
            MagicException e = assertThrows(MagicException.class, () -> ctx.run(cell), cell);
            assertTrue(e.getMessage().contains("is plain http (http://repo.example.com/maven2)")
                    && e.getMessage().contains("https://repo.example.com/maven2") && e.getMessage().contains("--insecure"), e.getMessage());
        }
        assertTrue(!MavenResolver.plainHttp("http://127.0.0.1:8080/") && !MavenResolver.plainHttp("http://localhost/repo")
                && !MavenResolver.plainHttp("https://repo.example.com/") && !MavenResolver.plainHttp("file:///tmp/repo"),
                "this machine's http, https and file repositories stay allowed");
    }

    @Test
    void aBadCoordinateStopsBeforeAnythingIsResolved() {
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%maven demo:greeter:1.0 nonsense"));
        assertTrue(e.getMessage().startsWith("Bad Maven coordinate 'nonsense'"), e.getMessage());
        assertEquals(List.of(), ctx.classpath());
        assertThrows(MagicException.class, () -> ctx.run("%maven"));
    }

    @Test
    void mavenRepoAddsARepositoryByUrlOrPath() throws Exception {
        useResolver(List.of());
        assertThrows(MagicException.class, () -> ctx.run("%maven demo:dep:1.0"));
        ctx.run("%mavenRepo mine " + remote.root);
        assertEquals("dep", ctx.run("%maven demo:dep:1.0\ndemo.Dep.name()"));
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%mavenRepo onlyid"));
        assertTrue(e.getMessage().contains("%mavenRepo [--insecure] ID URL"), e.getMessage());
    }

    @Test
    void loadFromPomAppliesPropertiesManagementAndScopes() throws Exception {
        Path pom = ctx.workingDirectory().resolve("pom.xml");
        Files.writeString(pom, """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>x</groupId><artifactId>y</artifactId><version>1</version>
                  <properties><greeter.version>1.0</greeter.version></properties>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>demo</groupId><artifactId>dep</artifactId><version>1.0</version></dependency>
                  </dependencies></dependencyManagement>
                  <dependencies>
                    <dependency><groupId>demo</groupId><artifactId>greeter</artifactId><version>${greeter.version}</version></dependency>
                    <dependency><groupId>demo</groupId><artifactId>dep</artifactId></dependency>
                    <dependency><groupId>demo</groupId><artifactId>absent</artifactId><version>1</version><scope>test</scope></dependency>
                  </dependencies>
                </project>
                """);
        assertEquals("hi from dep", ctx.run("%loadFromPOM pom.xml\ndemo.Greeter.hi()"));
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%loadFromPOM pom.xml test"));
        assertTrue(e.getMessage().contains("demo:absent:1"), e.getMessage());
        e = assertThrows(MagicException.class, () -> ctx.run("%loadFromPOM pom.xml --scopes=compile,bogus"));
        assertTrue(e.getMessage().startsWith("Unknown scope 'bogus'"), e.getMessage());
    }

    @Test
    void cellLoadFromPomTakesAFragment() throws Exception {
        ctx.run("""
                %%loadFromPOM
                <dependency>
                  <groupId>demo</groupId><artifactId>greeter</artifactId><version>1.0</version>
                </dependency>
                """);
        assertEquals("hi from dep", ctx.eval("demo.Greeter.hi()"));
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%%loadFromPOM\n<dependencies><dependency>"));
        assertTrue(e.getMessage().startsWith("Could not read the POM"), e.getMessage());
    }

    @Test
    void cellLoadFromPomTakesEveryShapeIJavaTakes() throws Exception {
        // A <repository> before the <dependency>: the dependency must be resolved, from that repository.
        useResolver(List.of());
        ctx.run("%%loadFromPOM\n" + """
                <repository>
                  <id>from-cell</id>
                  <url>%s</url>
                </repository>
                <dependency>
                  <groupId>demo</groupId><artifactId>greeter</artifactId><version>1.0</version>
                </dependency>
                """.formatted(remote.url()));
        assertEquals("hi from dep", ctx.eval("demo.Greeter.hi()"));
        assertEquals(2, ctx.classpath().size());
        for (String shape : List.of(
                "<dependencies><dependency><groupId>demo</groupId><artifactId>dep</artifactId><version>1.0</version></dependency></dependencies>"
                        + "<repositories><repository><id>r</id><url>%s</url></repository></repositories>",
                "<repositories><repository><id>r</id><url>%s</url></repository></repositories>"
                        + "<dependency><groupId>demo</groupId><artifactId>dep</artifactId><version>1.0</version></dependency>",
                "<properties><v>1.0</v></properties><repository><id>r</id><url>%s</url></repository>"
                        + "<dependencies><dependency><groupId>demo</groupId><artifactId>dep</artifactId><version>${v}</version></dependency></dependencies>",
                "<project><modelVersion>4.0.0</modelVersion><groupId>a</groupId><artifactId>b</artifactId><version>1</version>"
                        + "<repositories><repository><id>r</id><url>%s</url></repository></repositories>"
                        + "<dependencies><dependency><groupId>demo</groupId><artifactId>dep</artifactId><version>1.0</version></dependency></dependencies></project>")) {
            try (JShellContext fresh = new JShellContext(tmp)) {
                fresh.run("%%loadFromPOM\n" + shape.formatted(remote.url()));
                assertEquals(List.of(local.resolve("demo/dep/1.0/dep-1.0.jar")), fresh.classpath(), shape);
            }
        }
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%%loadFromPOM\n<dependecy><groupId>x</groupId></dependecy>"));
        assertTrue(e.getMessage().startsWith("Expected POM elements"), e.getMessage());
        assertTrue(e.getMessage().contains("found <dependecy>"), e.getMessage());
    }

    @Test
    void mavenTakesIvyCoordinatesVerboseAndLatestVersions() throws Exception {
        remote.deploy("demo", "dep", "1.2", "demo.Dep", "package demo; public class Dep { public static String name() { return \"dep 1.2\"; } }", "");
        remote.deploy("demo", "dep", "2.0-SNAPSHOT", "demo.Dep", "package demo; public class Dep { public static String name() { return \"snapshot\"; } }", "");
        remote.writeMetadata("demo", "dep", List.of("1.0", "1.2", "2.0-SNAPSHOT"));
        assertEquals("dep 1.2", ctx.run("%maven -v demo#dep;latest.release\ndemo.Dep.name()"));
        String printed = ctx.takeOut();
        assertTrue(printed.contains("demo:dep:latest.release -> 1.2"), printed);
        assertTrue(printed.contains("added " + local.resolve("demo/dep/1.2/dep-1.2.jar")), printed);
        assertEquals("demo:dep:1.2", MavenResolver.coordinate(MavenResolver.shared().pinVersion(MavenResolver.artifact("demo:dep:RELEASE"), List.of())));
        assertEquals("demo:dep:2.0-SNAPSHOT", MavenResolver.coordinate(MavenResolver.shared().pinVersion(MavenResolver.artifact("demo#dep;latest.integration"), List.of())));
        assertEquals("demo:dep:1.0", MavenResolver.coordinate(MavenResolver.shared().pinVersion(MavenResolver.artifact("demo:dep:1.0"), List.of())));
        assertEquals("demo:dep:1.2", MavenResolver.coordinate(MavenResolver.shared().pinVersion(MavenResolver.artifact("demo#dep;1.+"), List.of())));
        assertEquals("demo:greeter:1.0", MavenResolver.coordinate(MavenResolver.artifact("demo#greeter#trunk;1.0")));
        assertEquals("[1.0,2.0)", MavenResolver.artifact("demo#dep;[1.0,2.0[").getVersion());
        assertEquals("(1.0,2.0]", MavenResolver.artifact("demo#dep;]1.0,2.0]").getVersion());
        assertEquals("dep 1.2", ctx.run("%maven demo#dep;[1.1,2.0[\ndemo.Dep.name()"));
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%maven demo:dep:3.+"));
        assertTrue(e.getMessage().startsWith("No version of demo:dep matches 3.+; versions found: [1.0, 1.2, 2.0-SNAPSHOT]"), e.getMessage());
        e = assertThrows(MagicException.class, () -> ctx.run("%maven --bogus demo:dep:1.0"));
        assertTrue(e.getMessage().startsWith("Unknown option --bogus for %maven"), e.getMessage());
    }

    @Test
    void mavenFromAddsARepositoryForOneCall() throws Exception {
        useResolver(List.of());
        assertEquals("dep", ctx.run("%maven --from=" + remote.url() + " demo:dep:1.0\ndemo.Dep.name()"));
        assertThrows(MagicException.class, () -> ctx.run("%maven demo:greeter:9.9"));
        // IJava's longer names for the same magics.
        ctx.run("%addMavenRepo mine " + remote.root);
        assertEquals("hi from dep", ctx.run("%addMavenDependency demo:greeter:1.0\ndemo.Greeter.hi()"));
    }

    @Test
    void fragmentsAreWrappedIntoAProject() throws MagicException {
        assertTrue(LoadFromPomMagic.wrap("<dependency/>").contains("<dependencies>\n<dependency/>\n</dependencies>"));
        assertEquals("<project/>", LoadFromPomMagic.wrap(" <project/> "));
    }

    @Test
    void classpathAddsPathsAndGlobsOrNothing() throws Exception {
        Path lib = Files.createDirectories(ctx.workingDirectory().resolve("lib"));
        Path jar = remote.root.resolve("demo/dep/1.0/dep-1.0.jar");
        Files.copy(jar, lib.resolve("a.jar"));
        Files.copy(jar, lib.resolve("b.jar"));
        Files.writeString(lib.resolve("notes.txt"), "x");
        Object added = ctx.run("%jars lib/*.jar");
        assertEquals(List.of(lib.resolve("a.jar").toString(), lib.resolve("b.jar").toString()), added);
        assertEquals("dep", ctx.eval("demo.Dep.name()"));
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%classpath lib/c.jar lib"));
        assertTrue(e.getMessage().startsWith("No such file or directory: " + lib.resolve("c.jar")), e.getMessage());
        e = assertThrows(MagicException.class, () -> ctx.run("%classpath lib lib/*.zip"));
        assertTrue(e.getMessage().startsWith("No files match lib/*.zip"), e.getMessage());
        assertEquals(2, ctx.classpath().size(), "the failing cells added nothing");
    }

    @Test
    void loadRunsJshJavaAndNotebookCellsWithMagics() throws Exception {
        Path wd = ctx.workingDirectory();
        Files.writeString(wd.resolve("a.jsh"), "int fromJsh = 1;\n%env FROM_JSH=yes\n");
        Files.writeString(wd.resolve("B.java"), "package x.y;\npublic class B { public static int two() { return 2; } }\n");
        Files.writeString(wd.resolve("c.ipynb"), """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                 "cells": [
                  {"cell_type": "markdown", "metadata": {}, "source": ["# not code"]},
                  {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
                   "source": ["int fromNb = fromJsh + B.two();\\n", "%env FROM_NB=yes"]},
                  {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null, "source": "fromNb * 10"}
                 ]}
                """);
        assertEquals(30, ctx.run("%load a.jsh B.java c.ipynb"));
        assertEquals("yes", ctx.environment().get("FROM_JSH"));
        assertEquals("yes", ctx.environment().get("FROM_NB"));
        assertEquals(3, ctx.eval("fromNb"));
    }

    @Test
    void loadNamesTheFailingCellAndRejectsUnknownFiles() throws Exception {
        Path wd = ctx.workingDirectory();
        Files.writeString(wd.resolve("bad.ipynb"), """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                  {"cell_type": "code", "metadata": {}, "outputs": [], "source": "int ok = 1;"},
                  {"cell_type": "code", "metadata": {}, "outputs": [], "source": "%nosuchmagic"}]}
                """);
        MagicException e = assertThrows(MagicException.class, () -> ctx.run("%load bad.ipynb"));
        assertTrue(e.getMessage().startsWith("%load bad.ipynb stopped at code cell 2 of 2: Unknown magic %nosuchmagic"), e.getMessage());
        e = assertThrows(MagicException.class, () -> ctx.run("%load missing"));
        assertTrue(e.getMessage().startsWith("No such file: " + wd.resolve("missing") + ". Tried " + wd.resolve("missing") + ", "
                + wd.resolve("missing.jsh") + ", " + wd.resolve("missing.jshell") + ", " + wd.resolve("missing.java") + ", "
                + wd.resolve("missing.ijava") + ", " + wd.resolve("missing.ipynb") + "."), e.getMessage());
        Files.writeString(wd.resolve("self.ipynb"), """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                  {"cell_type": "code", "metadata": {}, "outputs": [], "source": "%load self.ipynb"}]}
                """);
        e = assertThrows(MagicException.class, () -> ctx.run("%load self.ipynb"));
        assertTrue(e.getMessage().contains("a notebook probably loads itself"), e.getMessage());
    }

    @Test
    void loadTriesIJavasExtensionsInOrderThenTheNotebook() throws Exception {
        Path utils = Files.createDirectories(ctx.workingDirectory().resolve("utils"));
        Path chapter = Files.createDirectories(ctx.workingDirectory().resolve("chapter"));
        ctx.setWorkingDirectory(chapter);
        Files.writeString(utils.resolve("djl-imports.ipynb"), """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                  {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["%env FROM_IMPORTS=yes\\n", "int fromImports = 7;"]}]}
                """);
        ctx.run("%load ../utils/djl-imports");
        assertEquals(7, ctx.eval("fromImports"));
        assertEquals("yes", ctx.environment().get("FROM_IMPORTS"));
        // .jshell comes before .java and .ipynb; the name as given before any of them.
        Files.writeString(utils.resolve("order.jshell"), "String order = \"jshell\";");
        Files.writeString(utils.resolve("order.java"), "String order = \"java\";");
        Files.writeString(utils.resolve("order.ijava"), "String order = \"ijava\";");
        ctx.run("%load ../utils/order");
        assertEquals("jshell", ctx.eval("order"));
        Files.writeString(utils.resolve("order"), "String order = \"as given\";");
        ctx.run("%load ../utils/order");
        assertEquals("as given", ctx.eval("order"));
        Files.writeString(utils.resolve("Helper.ijava"), "int helper() { return 42; }");
        assertEquals(42, ctx.run("%load ../utils/Helper\nhelper()"));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
