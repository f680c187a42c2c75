package dev.jotter.api.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.kernel.Display;
import dev.jotter.kernel.MimeBundle;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.Magic;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.MagicException;
import dev.jotter.magics.Renderer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A magic and a renderer compiled against jotter-api alone (this module's test class path holds
 * nothing else) and found the way the kernel finds them: {@link ServiceLoader} reading
 * {@code META-INF/services}.
 */
class ThirdPartyMagicTest {

    /** The part of a kernel this magic uses: where its printing goes. */
    private static final class PrintingContext implements MagicContext {
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        final List<Path> classpath = new ArrayList<>();
        final Map<String, String> environment = new HashMap<>();
        Path workingDirectory = Path.of("").toAbsolutePath();

        @Override
        public void addToClasspath(List<Path> paths) {
            paths.stream().filter(p -> !classpath.contains(p)).forEach(classpath::add);
        }

        @Override
        public List<Path> classpath() {
            return List.copyOf(classpath);
        }

        @Override
        public Object eval(String code) throws Exception {
            throw new MagicException("Expected a kernel to evaluate " + code + ", found none; run the magic in a notebook.");
        }

        @Override
        public String display(Object value, String... mimeTypes) {
            return Display.display(value, mimeTypes);
        }

        @Override
        public void updateDisplay(String displayId, Object value) {
            Display.updateDisplay(displayId, value);
        }

        @Override
        public void displayBundle(Map<String, Object> bundle) {
            display(new MimeBundle(bundle, Map.of()));
        }

        @Override
        public PrintStream out() {
            return out;
        }

        @Override
        public PrintStream err() {
            return out;
        }

        @Override
        public Path workingDirectory() {
            return workingDirectory;
        }

        @Override
        public void setWorkingDirectory(Path dir) {
            workingDirectory = dir;
        }

        @Override
        public Map<String, String> environment() {
            return environment;
        }

        @Override
        public List<Variable> variables() {
            return List.of();
        }

        @Override
        public List<Magic> magics() {
            return ServiceLoader.load(LineMagic.class).stream().<Magic>map(ServiceLoader.Provider::get).toList();
        }
    }

    private static LineMagic greet() {
        List<LineMagic> found = ServiceLoader.load(LineMagic.class).stream().map(ServiceLoader.Provider::get).toList();
        assertEquals(1, found.size(), "expected only the example magic on api's test class path, found " + found);
        return found.getFirst();
    }

    @Test
    void serviceLoaderFindsTheMagicWithItsNameAliasesAndHelp() {
        LineMagic magic = greet();
        assertInstanceOf(GreetMagic.class, magic);
        assertEquals("greet", magic.name());
        assertEquals(List.of("hello"), magic.aliases());
        assertEquals("Greet someone", magic.summary());
        assertTrue(magic.usage().startsWith("%greet [--shout] NAME"), magic.usage());
    }

    @Test
    void theMagicRunsThroughTheSpi() throws Exception {
        PrintingContext context = new PrintingContext();
        assertEquals("HELLO, ADA LOVELACE!", greet().run("--shout 'Ada Lovelace'", context));
        assertEquals("Hello, Grace!", greet().run("Grace", context));
        assertEquals("HELLO, ADA LOVELACE!\nHello, Grace!\n", context.printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void wrongArgumentsGiveTheProblemThenTheUsage() {
        PrintingContext context = new PrintingContext();
        MagicException unknown = assertThrows(MagicException.class, () -> greet().run("--loud Ada", context));
        assertTrue(unknown.getMessage().startsWith("Unknown option --loud for %greet."), unknown.getMessage());
        MagicException two = assertThrows(MagicException.class, () -> greet().run("Ada Grace", context));
        assertTrue(two.getMessage().startsWith("Expected one NAME, found 2: [Ada, Grace]"), two.getMessage());
        assertTrue(two.getMessage().endsWith("--shout writes it in capitals."), two.getMessage());
    }

    @Test
    void serviceLoaderFindsTheRendererAndItRendersItsType() {
        List<Renderer> found = ServiceLoader.load(Renderer.class).stream().map(ServiceLoader.Provider::get).toList();
        assertEquals(1, found.size(), "expected only the example renderer on api's test class path, found " + found);
        Renderer r = found.getFirst();
        assertTrue(r.supports(new Point(1, 2)));
        assertFalse(r.supports("not a point"));
        assertEquals(Map.of("text/html", "<code>(1, 2)</code>", "text/plain", "Point[x=1, y=2]"), r.render(new Point(1, 2), Set.of()));
        assertEquals(Map.of(), r.metadata(new Point(1, 2), Map.of()));
    }
}
