package dev.jotter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The licence files the build writes beside the kernel's libraries (docs/licensing.md), checked
 * against the jars really there: every jar of {@code lib/}, {@code lib/toolkit} and
 * {@code lib/smile} listed once with a licence and nothing listed that is not there; every
 * jar's own NOTICE text carried into {@code lib/NOTICE}; and the licence boundary: Smile and the
 * toolkit's Smile trainers only in {@code lib/smile}, under the GPL, and no class of the
 * Apache-2.0 jars of Jotter naming a Smile class.
 */
class LicenseFilesIT {
    private static final Path LIB = JupyterHarness.jar().resolveSibling("lib");

    @Test
    void theThirdPartyListNamesEveryJarInLibAndNoOther() throws IOException {
        Path list = LIB.resolve("THIRD-PARTY.txt");
        assertTrue(Files.isRegularFile(list), "the build wrote no " + list + " (kernel/src/build/ThirdParty.java)");
        Map<String, String> listed = new TreeMap<>();
        for (String line : Files.readAllLines(list)) {
            String[] cols = line.split("\t");
            if (cols.length == 4 && cols[0].startsWith("lib")) {
                assertTrue(listed.put(cols[0] + "/" + cols[1], cols[3]) == null, "listed twice: " + line);
                assertFalse(cols[3].isBlank() || cols[2].contains("?"), "a row without coordinates or licence: " + line);
            }
        }
        Map<String, String> present = new TreeMap<>();
        for (Path jar : jars()) {
            present.put(LIB.getParent().relativize(jar).toString().replace('\\', '/'), "");
        }
        assertEquals(present.keySet(), listed.keySet(), "THIRD-PARTY.txt must list exactly the jars in lib/");
        // lib/toolkit and lib/smile share one class loader: an artifact in both would be two versions of one library there.
        Map<String, String> layerOf = new TreeMap<>();
        for (String line : Files.readAllLines(list)) {
            String[] cols = line.split("\t");
            if (cols.length == 4 && (cols[0].equals("lib/toolkit") || cols[0].equals("lib/smile"))) {
                String key = cols[2].substring(0, cols[2].indexOf(':', cols[2].indexOf(':') + 1));
                String before = layerOf.put(key, cols[0] + "/" + cols[1]);
                assertTrue(before == null, key + " is in the notebook's class loader twice: " + before + " and " + cols[0] + "/" + cols[1]);
            }
        }
        System.out.println("[licences] " + listed.size() + " jars listed; " + Files.readAllLines(list).stream()
                .dropWhile(l -> !l.startsWith("Licences")).takeWhile(l -> !l.isBlank()).toList());
    }

    @Test
    void everyJarsNoticeIsCarriedIntoTheMergedNotice() throws IOException {
        String merged = Files.readString(LIB.resolve("NOTICE"));
        assertTrue(merged.startsWith("Jotter"), "lib/NOTICE must start with the project's own NOTICE");
        int notices = 0;
        for (Path jar : jars()) {
            try (ZipFile z = new ZipFile(jar.toFile())) {
                for (ZipEntry e : z.stream().toList()) {
                    String n = e.getName();
                    if (n.startsWith("META-INF/") && n.indexOf('/', 9) < 0 && n.substring(9).toUpperCase(java.util.Locale.ROOT).startsWith("NOTICE")) {
                        try (InputStream in = z.getInputStream(e)) {
                            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                            assertTrue(merged.contains(text), jar.getFileName() + "'s " + n + " is missing from lib/NOTICE");
                            notices++;
                        }
                    }
                }
            }
        }
        assertTrue(notices > 0, "no jar in lib/ carries a NOTICE: the scan found nothing to check");
        assertTrue(Files.readString(LIB.resolve("LICENSE")).contains("Apache License"), "lib/LICENSE must be the project's Apache-2.0");
    }

    @Test
    void smileStaysInItsGplLayerAndJottersApacheJarsNeverNameIt() throws IOException {
        Path smile = LIB.resolve("smile");
        assertTrue(Files.readString(smile.resolve("LICENSE")).contains("GNU GENERAL PUBLIC LICENSE"), "lib/smile/LICENSE must be the GPL-3.0");
        List<String> misplaced = new ArrayList<>();
        List<String> naming = new ArrayList<>();
        for (Path jar : jars()) {
            String name = jar.getFileName().toString();
            boolean inSmile = jar.getParent().equals(smile);
            if (!inSmile && (name.startsWith("smile-") || name.startsWith("jotter-toolkit-smile"))) {
                misplaced.add(LIB.relativize(jar).toString());
            }
            if (!inSmile && name.startsWith("jotter-")) {
                naming.addAll(classesNamingSmile(jar));
            }
        }
        assertEquals(List.of(), misplaced, "Smile's jars belong in lib/smile only (docs/licensing.md)");
        assertEquals(List.of(), naming, "Apache-2.0 classes of Jotter must not link against Smile (GPL-3.0)");
        try (Stream<Path> s = Files.list(smile)) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("jotter-toolkit-smile-")), "lib/smile lacks the toolkit's Smile trainers");
        }
    }

    /** Classes whose constant pool names a class of Smile's packages ("smile/..."), as linking to it needs. */
    private static List<String> classesNamingSmile(Path jar) throws IOException {
        List<String> found = new ArrayList<>();
        byte[] needle = "Lsmile/".getBytes(StandardCharsets.ISO_8859_1);
        byte[] plain = "smile/".getBytes(StandardCharsets.ISO_8859_1);
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (ZipEntry e : z.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                try (InputStream in = z.getInputStream(e)) {
                    byte[] bytes = in.readAllBytes();
                    if (indexOf(bytes, needle) >= 0 || startsUtf8Entry(bytes, plain)) {
                        found.add(jar.getFileName() + "!" + e.getName());
                    }
                }
            }
        }
        return found;
    }

    /** A constant-pool UTF-8 entry (tag 1, two length bytes) that begins with the bytes: a class reference's name. */
    private static boolean startsUtf8Entry(byte[] bytes, byte[] prefix) {
        for (int i = 3; i + prefix.length <= bytes.length; i++) {
            if (bytes[i - 3] == 1 && regionEquals(bytes, i, prefix)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (regionEquals(bytes, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionEquals(byte[] bytes, int at, byte[] what) {
        for (int j = 0; j < what.length; j++) {
            if (bytes[at + j] != what[j]) {
                return false;
            }
        }
        return true;
    }

    private static List<Path> jars() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path dir : List.of(LIB, LIB.resolve("toolkit"), LIB.resolve("smile"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    all.addAll(s.filter(p -> p.toString().endsWith(".jar")).sorted().toList());
                }
            }
        }
        assertFalse(all.isEmpty(), "no jars beside " + JupyterHarness.jar() + ": build the kernel with ./mvnw -pl kernel -am package");
        return all;
    }
}
