package dev.jotter.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A ready-made set of representations of one value, keyed by MIME type, as IJava's
 * {@code render(...)} returns. A cell whose value is a MimeBundle shows exactly these.
 *
 * <pre>{@code
 * jshell> MimeBundle.of("text/html", "<b>bold</b>", "text/plain", "bold")
 * }</pre>
 *
 * @param data MIME type to data (String for text types, base64 String for binary types)
 * @param metadata MIME type to metadata, e.g. {@code {"image/png": {"width": 640}}}
 */
public record MimeBundle(Map<String, Object> data, Map<String, Object> metadata) {

    /** Copies both maps so a bundle never changes after it is made. */
    public MimeBundle {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * @param mimeAndData alternating MIME type and data
     * @return a bundle without metadata
     */
    public static MimeBundle of(Object... mimeAndData) {
        if (mimeAndData.length % 2 != 0) {
            throw new IllegalArgumentException("expected MIME type/data pairs, found " + mimeAndData.length + " arguments");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < mimeAndData.length; i += 2) {
            m.put(String.valueOf(mimeAndData[i]), mimeAndData[i + 1]);
        }
        return new MimeBundle(m, Map.of());
    }

    @Override
    public String toString() {
        Object plain = data.get("text/plain");
        return plain != null ? plain.toString() : "MimeBundle" + data.keySet();
    }
}
