package dev.jotter.kernel.cli;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The jar's Main-Class: compiled for Java 8 (kernel/pom.xml, its own compiler execution) so that
 * any JVM since Java 8 can load it, it checks that this JVM is a Java 25 or newer before touching
 * anything else of Jotter. On an older Java it says in one sentence which Java it found, that
 * Jotter needs 25 and how to fix that, and exits with status 1, instead of the JVM's raw
 * {@code UnsupportedClassVersionError}. On Java 25 it hands over to {@link Main} at once.
 *
 * <p>Only Java 8 API here, and nothing of Jotter but the call to {@link Main#main}.
 */
public final class Launcher {
    /** The Java feature release Jotter is compiled for. */
    static final int NEEDED = 25;

    private Launcher() {}

    /**
     * Entry point of {@code java -jar jotter.jar}.
     *
     * @param args passed on to {@link Main#main}
     */
    public static void main(String[] args) {
        int found = feature(System.getProperty("java.specification.version"));
        if (found < NEEDED) {
            System.err.println(message(found, System.getProperty("java.version"), System.getProperty("java.home"),
                    findNewer(new File("/usr/lib/jvm"))));
            System.exit(1);
        }
        Main.main(args);
    }

    /**
     * @param specification {@code java.specification.version}: "1.8" for Java 8, "17" for Java 17
     * @return the feature release, 0 when it cannot be read
     */
    static int feature(String specification) {
        if (specification == null) {
            return 0;
        }
        String s = specification.startsWith("1.") ? specification.substring(2) : specification;
        int dot = s.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? s : s.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The sentence an old Java gets.
     *
     * @param found its feature release
     * @param version its full version
     * @param home its folder
     * @param newer a Java 25 or newer found on this machine, or null
     * @return what was found, what is needed, and how to fix it
     */
    static String message(int found, String version, String home, String newer) {
        String fix = newer != null
                ? "run it with the JDK in " + newer + " (" + new File(new File(newer, "bin"), "java") + " -jar ..., or set JAVA_HOME=" + newer
                        + " for ./jotter)"
                : "install a JDK " + NEEDED + " (for example Temurin " + NEEDED + " from https://adoptium.net) and run it with that JDK's"
                        + " bin/java, or set JAVA_HOME to it for ./jotter";
        return "error: Jotter needs Java " + NEEDED + " or newer, but this is Java " + found + " (" + version + " in " + home + "); " + fix + ".";
    }

    /**
     * @param jvms a folder of JDKs, such as /usr/lib/jvm
     * @return the folder of a Java 25 or newer in it (read from its {@code release} file), or null
     */
    static String findNewer(File jvms) {
        File[] homes = jvms.listFiles();
        if (homes == null) {
            return null;
        }
        java.util.Arrays.sort(homes);
        for (File home : homes) {
            File release = new File(home, "release");
            if (!release.isFile() || !new File(new File(home, "bin"), "java").isFile()) {
                continue;
            }
            Properties p = new Properties();
            try (InputStream in = new FileInputStream(release)) {
                p.load(in);
            } catch (IOException e) {
                continue;
            }
            String v = p.getProperty("JAVA_VERSION", "").replace("\"", "");
            if (feature(v) >= NEEDED) {
                return home.getPath();
            }
        }
        return null;
    }
}
