package dev.jotter.toolkit.notebook;

import dev.jotter.magics.Renderer;
import dev.jotter.toolkit.data.TableFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Shows Tablesaw tables (and single columns) in a notebook as a pandas-style HTML table with
 * head/tail truncation and a shape footer, plus aligned text for consoles. The formatting
 * itself lives in {@link TableFormat}, so plain Java programs get the same text.
 */
public final class TableRenderer implements Renderer {

    /** Creates the renderer; the kernel finds it through {@code META-INF/services}. */
    public TableRenderer() {}

    @Override
    public boolean supports(Object value) {
        return value instanceof Table || value instanceof Column<?>;
    }

    @Override
    public Map<String, Object> render(Object value, Set<String> requested) {
        Table table = value instanceof Column<?> c ? Table.create(c.name(), c) : (Table) value;
        Map<String, Object> out = new LinkedHashMap<>();
        if (requested.isEmpty() || requested.contains("text/html")) {
            out.put("text/html", TableFormat.html(table));
        }
        // text/plain always: the SPI asks for it so every frontend shows something.
        out.put("text/plain", TableFormat.text(table));
        return out;
    }

    /** @return 10, ahead of the kernel's generic toString renderers at 0 */
    @Override
    public int priority() {
        return 10;
    }
}
