package dev.jotter.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MagicsReferenceTest {
    // Surefire runs in the module directory; the reference lives at the repository root.
    private static final Path DOC = Path.of("..", "docs", "magics.md");

    @Test
    void docsMagicsMdIsUpToDate() throws Exception {
        String expected = MagicsReference.markdown(Magics.load().all());
        if (Boolean.getBoolean("jotter.regenerateDocs")) {
            MagicsReference.main(new String[] {DOC.toString()});
        }
        assertTrue(Files.exists(DOC), "docs/magics.md is missing: regenerate it with -Djotter.regenerateDocs=true (see its header)");
        assertEquals(expected, Files.readString(DOC, StandardCharsets.UTF_8),
                "docs/magics.md is out of date with the magics' usage(): rerun this test with -Djotter.regenerateDocs=true");
    }

    @Test
    void everyMagicHasUsageStartingWithItsSyntaxAndASummary() {
        for (Magic m : Magics.load().all()) {
            assertTrue(m.usage().startsWith("%" + m.name()) || m.usage().startsWith("%%" + m.name()), m.name());
            assertTrue(!m.summary().isBlank() && !m.summary().contains("\n"), m.name());
        }
    }
}
