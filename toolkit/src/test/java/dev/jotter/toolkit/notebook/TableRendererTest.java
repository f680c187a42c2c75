package dev.jotter.toolkit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.magics.Renderer;
import dev.jotter.toolkit.data.Datasets;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TableRendererTest {

    @Test
    void rendersHtmlAndText() {
        Table iris = Datasets.load("iris");
        Map<String, Object> bundle = new TableRenderer().render(iris, Set.of());
        assertEquals(Set.of("text/html", "text/plain"), bundle.keySet());
        String html = (String) bundle.get("text/html");
        assertTrue(html.startsWith("<div class=\"jotter-table\">"), html);
        assertTrue(html.contains("150 rows × 5 columns"));
        assertTrue(((String) bundle.get("text/plain")).endsWith("[150 rows x 5 columns]"));
    }

    @Test
    void honoursRequestedTypes() {
        Map<String, Object> bundle = new TableRenderer().render(Datasets.load("iris"), Set.of("text/plain"));
        assertEquals(Set.of("text/plain"), bundle.keySet());
    }

    @Test
    void supportsTablesAndColumnsOnly() {
        Table iris = Datasets.load("iris");
        TableRenderer r = new TableRenderer();
        assertTrue(r.supports(iris));
        assertTrue(r.supports(iris.column("species")));
        assertFalse(r.supports("text"));
        assertTrue(((String) r.render(iris.column("species"), Set.of()).get("text/plain")).endsWith("[150 rows x 1 column]"));
    }

    @Test
    void registeredAsAService() {
        boolean found = ServiceLoader.load(Renderer.class).stream().anyMatch(p -> p.type() == TableRenderer.class);
        assertTrue(found, "META-INF/services/dev.jotter.magics.Renderer should list TableRenderer");
    }
}
