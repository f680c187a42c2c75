package dev.jotter.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The promise of jotter-api: its classes need the JDK and nothing else, so depending on it never
 * pulls in the toolkit, DJL, PyTorch natives or Smile, and never the kernel. Reads every class
 * file's constant pool (class references, and the descriptors and generic signatures that name
 * types a class only passes around) and checks each named class is either in this module or a
 * class the JDK exports.
 */
class JdkOnlyTest {

    /** A class named inside a descriptor or signature: {@code Ljava/util/List<Ldev/jotter/magics/Magic;>;}. */
    private static final Pattern NAMED = Pattern.compile("L([\\w$]+(?:/[\\w$]+)*)[;<]");

    @Test
    void everyClassTheApiNamesIsItsOwnOrTheJdks() throws IOException, URISyntaxException {
        Path root = classesRoot();
        Set<String> own = new TreeSet<>();
        Map<String, Set<String>> named = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                ClassModel model = ClassFile.of().parse(Files.readAllBytes(f));
                String self = model.thisClass().asInternalName();
                own.add(self);
                if (self.endsWith("package-info")) {
                    continue;
                }
                named.put(self, namedBy(model));
            }
        }
        assertTrue(own.containsAll(Set.of("dev/jotter/kernel/Display", "dev/jotter/kernel/MimeBundle",
                        "dev/jotter/api/DisplayHost", "dev/jotter/magics/LineMagic", "dev/jotter/magics/CellMagic",
                        "dev/jotter/magics/MagicContext", "dev/jotter/magics/Renderer")),
                "Expected the display API and the magic SPI in " + root + ", found " + own);

        Map<String, Set<String>> outside = new TreeMap<>();
        named.forEach((user, names) -> {
            Set<String> bad = new TreeSet<>();
            for (String n : names) {
                if (!own.contains(n) && !exportedByTheJdk(n)) {
                    bad.add(n.replace('/', '.'));
                }
            }
            if (!bad.isEmpty()) {
                outside.put(user.replace('/', '.'), bad);
            }
        });
        assertEquals(Map.of(), outside, "Expected jotter-api to use only the JDK and itself, found classes that name others; "
                + "move the code that needs them to magics or kernel");
    }

    /** Every class a class file names, as internal names ({@code java/lang/String}). */
    private static Set<String> namedBy(ClassModel model) {
        Set<Utf8Entry> literals = new HashSet<>();
        for (PoolEntry e : model.constantPool()) {
            if (e instanceof StringEntry s) {
                literals.add(s.utf8());
            }
        }
        Set<String> names = new TreeSet<>();
        for (PoolEntry e : model.constantPool()) {
            if (e instanceof ClassEntry c) {
                String n = c.asInternalName();
                if (n.startsWith("[")) {
                    addNamed(n, names);
                } else {
                    names.add(n);
                }
            } else if (e instanceof Utf8Entry u && !literals.contains(u)) {
                addNamed(u.stringValue(), names);
            }
        }
        return names;
    }

    private static void addNamed(String descriptor, Set<String> names) {
        Matcher m = NAMED.matcher(descriptor);
        while (m.find()) {
            names.add(m.group(1));
        }
    }

    /** Whether the JDK has this class in a package its module exports to everyone. */
    private static boolean exportedByTheJdk(String internalName) {
        try {
            Class<?> c = Class.forName(internalName.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            return c.getModule().isNamed() && c.getModule().isExported(c.getPackageName());
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Where this module's main classes are: target/classes in a build, or the packaged jar. */
    private static Path classesRoot() throws IOException, URISyntaxException {
        Path location = Path.of(DisplayHost.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isDirectory(location) ? location : FileSystems.newFileSystem(location).getPath("/");
    }
}
