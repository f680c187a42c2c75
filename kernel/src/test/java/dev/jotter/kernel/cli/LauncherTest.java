package dev.jotter.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's Java 8 entry point: how it reads a Java version and what it tells an old one. (OldJavaIT runs it on one.) */
class LauncherTest {
    @TempDir
    Path jvms;

    @Test
    void readsEveryVersionSpelling() {
        assertEquals(8, Launcher.feature("1.8"));
        assertEquals(11, Launcher.feature("11"));
        assertEquals(17, Launcher.feature("17.0.15"));
        assertEquals(25, Launcher.feature("25"));
        assertEquals(0, Launcher.feature(null));
        assertEquals(0, Launcher.feature("unknown"));
    }

    @Test
    void theMessageSaysWhatWasFoundWhatIsNeededAndHowToFixIt() {
        String withNewer = Launcher.message(17, "17.0.15", "/usr/lib/jvm/java-17", "/usr/lib/jvm/temurin-25");
        assertTrue(withNewer.contains("Jotter needs Java 25 or newer, but this is Java 17 (17.0.15 in /usr/lib/jvm/java-17)"), withNewer);
        assertTrue(withNewer.contains("/usr/lib/jvm/temurin-25/bin/java -jar") && withNewer.contains("JAVA_HOME=/usr/lib/jvm/temurin-25"), withNewer);
        String without = Launcher.message(21, "21.0.2", "/opt/jdk-21", null);
        assertTrue(without.contains("install a JDK 25") && without.contains("JAVA_HOME"), without);
        assertEquals(1, without.lines().count(), "one sentence, one line");
    }

    @Test
    void findsAJava25BesideTheOldOne() throws Exception {
        jdk("java-17-openjdk", "17.0.15");
        assertNull(Launcher.findNewer(jvms.toFile()));
        jdk("temurin-25-jdk", "25.0.1");
        assertEquals(jvms.resolve("temurin-25-jdk").toString(), Launcher.findNewer(jvms.toFile()));
        assertNull(Launcher.findNewer(jvms.resolve("absent").toFile()));
    }

    @Test
    void isCompiledForJava8SoThatAnOldJavaCanLoadIt() throws Exception {
        try (InputStream in = Launcher.class.getResourceAsStream("Launcher.class"); DataInputStream data = new DataInputStream(in)) {
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort();
            assertEquals(52, data.readUnsignedShort(), "class file version of Launcher (52 = Java 8)");
        }
    }

    private void jdk(String name, String version) throws Exception {
        Path home = Files.createDirectories(jvms.resolve(name));
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "");
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    }
}
