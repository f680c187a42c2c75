package dev.jotter.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code datasets/README.md} honest: every checksum it lists matches the resource on the
 * classpath (what ends up in the jar), and every shipped file is listed.
 */
class DatasetChecksumsTest {

    private static final String ROOT = "dev/jotter/datasets/";
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| (\\d+) \\| `([0-9a-f]{64})` \\|$");

    private static Map<String, String[]> listed() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                rows.put(m.group(1), new String[] {m.group(2), m.group(3)});
            }
        }
        return rows;
    }

    @Test
    void everyListedChecksumMatchesTheShippedFile() throws Exception {
        Map<String, String[]> rows = listed();
        assertTrue(rows.size() >= 40, "expected the README checksum table to list every shipped file, found " + rows.size() + " rows");
        for (var e : rows.entrySet()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(ROOT + e.getKey())) {
                assertNotNull(in, "README lists " + e.getKey() + " but the jar has no " + ROOT + e.getKey()
                        + "; rerun datasets/scripts/convert.py");
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long bytes = 0;
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; bytes += n) {
                    sha.update(buf, 0, n);
                }
                assertEquals(e.getValue()[1], HexFormat.of().formatHex(sha.digest()),
                        "SHA-256 of " + e.getKey() + " differs from README.md; was the file edited by hand? "
                                + "Rerun datasets/scripts/convert.py");
                assertEquals(Long.parseLong(e.getValue()[0]), bytes, "size of " + e.getKey());
            }
        }
    }

    @Test
    void everyShippedFileIsListed() throws IOException, NoSuchAlgorithmException {
        Path root = Path.of("src/main/resources", ROOT);
        TreeSet<String> shipped = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(p -> shipped.add(root.relativize(p).toString().replace('\\', '/')));
        }
        shipped.removeAll(listed().keySet());
        assertEquals(List.of(), List.copyOf(shipped), "files shipped but missing from README.md's checksum table");
    }

    @Test
    void everyDatasetHasLicenceDescriptionAndProperties() throws IOException {
        Path root = Path.of("src/main/resources", ROOT);
        for (String name : Files.readAllLines(root.resolve("index.txt"))) {
            for (String f : List.of("LICENSE.txt", "dataset.properties")) {
                assertTrue(Files.isRegularFile(root.resolve(name).resolve(f)), name + " has no " + f);
            }
            try (Stream<Path> files = Files.list(root.resolve(name))) {
                assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("DESCRIPTION")), name + " has no DESCRIPTION");
            }
        }
    }
}
