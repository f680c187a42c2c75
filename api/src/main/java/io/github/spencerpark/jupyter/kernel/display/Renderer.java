package io.github.spencerpark.jupyter.kernel.display;

import dev.jotter.api.DisplayHost;
import dev.jotter.kernel.MimeBundle;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * IJava's renderer registry, as notebooks reach it with
 * {@code IJava.getKernelInstance().getRenderer()}: render functions registered per class, asked
 * for the MIME types they prefer. Jotter's own implementation: a value whose class (or a
 * superclass or interface) has a registration here, or that is {@link DisplayDataRenderable}, is
 * rendered by it wherever Jotter shows a value (a cell's result, {@code display(...)},
 * {@code render(...)}); every other value goes to Jotter's own renderers (charts, tables, images,
 * text), so {@link #render} gives the same result Jotter would show.
 *
 * <pre>{@code
 * IJava.getKernelInstance().getRenderer()
 *     .createRegistration(Figure.class)
 *     .preferring(MIMEType.TEXT_HTML)
 *     .register((figure, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> toHtml(figure)));
 * }</pre>
 */
public class Renderer {
    /** Render functions by the class they were registered on, in registration order. */
    private final Map<Class<?>, List<Registered>> functions = new ConcurrentHashMap<>();

    private record Registered(RenderFunction<Object> function, Set<MIMEType> supported, Set<MIMEType> preferred) {}

    /** An empty registry; the kernel makes one per session. */
    public Renderer() {}

    /**
     * Starts registering a render function, finished by {@link RenderRegistration#register}.
     *
     * @param type the class whose instances (subclasses included) the function renders
     * @param <T> that type
     * @return the registration to configure
     */
    public <T> RenderRegistration<T> createRegistration(Class<T> type) {
        return new RenderRegistration<>(type);
    }

    /**
     * Registers a render function.
     *
     * @param supported the types it can produce; {@link MIMEType#ANY} for anything
     * @param preferred the types it produces when nothing particular is asked for
     * @param types the classes it renders
     * @param function the function
     * @param <T> the rendered type
     */
    @SuppressWarnings("unchecked")
    public <T> void register(Set<MIMEType> supported, Set<MIMEType> preferred, Set<Class<? extends T>> types, RenderFunction<T> function) {
        Registered r = new Registered((RenderFunction<Object>) function, Set.copyOf(supported), Set.copyOf(preferred));
        for (Class<? extends T> type : types) {
            functions.computeIfAbsent(type, k -> new CopyOnWriteArrayList<>()).add(r);
        }
    }

    /**
     * Whether this registry renders a value itself rather than leaving it to Jotter's renderers:
     * it is {@link DisplayDataRenderable} or a render function is registered for its class, a
     * superclass or an interface. A Jotter addition; the kernel asks it before its own renderers.
     *
     * @param value a value
     * @return whether {@link #render} uses a registration or the value itself
     */
    public boolean handles(Object value) {
        return value instanceof DisplayDataRenderable || (value != null && !functions.isEmpty() && registeredFor(value.getClass()) != null);
    }

    /**
     * Renders a value as its render function prefers, with {@code text/plain} always included.
     *
     * @param value the value
     * @param params parameters render functions may read
     * @return the rendered data
     */
    public DisplayData render(Object value, Map<String, Object> params) {
        DisplayData out = new DisplayData();
        if (value instanceof DisplayDataRenderable r) {
            r.render(new RenderContext(withPlain(r.getPreferredRenderTypes()), this, params, out));
            return finish(out, value);
        }
        List<Registered> registered = value == null ? null : registeredFor(value.getClass());
        if (registered == null) {
            return jotter(value);
        }
        for (Registered r : registered) {
            r.function().render(value, new RenderContext(withPlain(r.preferred()), this, params, out));
        }
        return finish(out, value);
    }

    /**
     * @param value the value
     * @return {@link #render(Object, Map)} with no parameters
     */
    public DisplayData render(Object value) {
        return render(value, new LinkedHashMap<>());
    }

    /**
     * Renders a value as the given types where it can, with {@code text/plain} always included.
     *
     * @param value the value
     * @param params parameters render functions may read
     * @param types MIME types, e.g. {@code "text/html"}
     * @return the rendered data
     */
    public DisplayData renderAs(Object value, Map<String, Object> params, String... types) {
        Set<MIMEType> requested = new LinkedHashSet<>();
        for (String t : types) {
            requested.add(MIMEType.parse(t));
        }
        requested = withPlain(requested);
        DisplayData out = new DisplayData();
        if (value instanceof DisplayDataRenderable r) {
            if (anySupported(requested, r.getSupportedRenderTypes())) {
                r.render(new RenderContext(requested, this, params, out));
            }
            return finish(out, value);
        }
        List<Registered> registered = value == null ? null : registeredFor(value.getClass());
        if (registered == null) {
            return jotter(value, types);
        }
        for (Registered r : registered) {
            if (anySupported(requested, r.supported())) {
                r.function().render(value, new RenderContext(requested, this, params, out));
            }
        }
        return finish(out, value);
    }

    /**
     * @param value the value
     * @param types MIME types
     * @return {@link #renderAs(Object, Map, String...)} with no parameters
     */
    public DisplayData renderAs(Object value, String... types) {
        return renderAs(value, new LinkedHashMap<>(), types);
    }

    /** What Jotter's own renderers make of a value no registration here covers. */
    private static DisplayData jotter(Object value, String... types) {
        DisplayHost host = DisplayHost.installed();
        MimeBundle b = host == null ? MimeBundle.of("text/plain", String.valueOf(value)) : host.render(value, null, types);
        return DisplayData.of(b);
    }

    private static DisplayData finish(DisplayData out, Object value) {
        if (!out.hasDataForType(MIMEType.TEXT_PLAIN)) {
            out.putText(String.valueOf(value));
        }
        return out;
    }

    private static Set<MIMEType> withPlain(Set<MIMEType> types) {
        Set<MIMEType> all = new LinkedHashSet<>();
        all.add(MIMEType.TEXT_PLAIN);
        all.addAll(types);
        return all;
    }

    /**
     * The registrations of the most specific type that has any: the class, its superclasses, then
     * their interfaces breadth first, and Object last.
     */
    private List<Registered> registeredFor(Class<?> type) {
        List<Class<?>> order = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            order.add(c);
        }
        Deque<Class<?>> interfaces = new ArrayDeque<>();
        for (Class<?> c : List.copyOf(order)) {
            Collections.addAll(interfaces, c.getInterfaces());
        }
        while (!interfaces.isEmpty()) {
            Class<?> i = interfaces.poll();
            if (!order.contains(i)) {
                order.add(i);
                Collections.addAll(interfaces, i.getInterfaces());
            }
        }
        order.add(Object.class);
        for (Class<?> c : order) {
            List<Registered> r = functions.get(c);
            if (r != null && !r.isEmpty()) {
                return r;
            }
        }
        return null;
    }

    private static boolean anySupported(Set<MIMEType> requested, Set<MIMEType> supported) {
        for (MIMEType s : supported) {
            if (s.isWildcard()) {
                return true;
            }
            if (s.subtypeIsWildcard()) {
                if (requested.stream().anyMatch(r -> r.isWildcard() || r.getGroup().equals(s.getGroup()))) {
                    return true;
                }
            } else if (resolve(requested, s) != null) {
                return true;
            }
        }
        return false;
    }

    /** The requested type that a concrete supported type fulfils, or null. */
    static MIMEType resolve(Set<MIMEType> requested, MIMEType supported) {
        if (supported.isWildcard() || supported.subtypeIsWildcard()) {
            throw new IllegalArgumentException("Expected a concrete MIME type to render as, found the wildcard '" + supported
                    + "'; name the type, e.g. MIMEType.TEXT_HTML");
        }
        for (MIMEType r : requested) {
            if (r.isWildcard() || r.equals(supported) || (r.subtypeIsWildcard() && r.getGroup().equals(supported.getGroup()))) {
                return supported;
            }
        }
        MIMEType bare = supported.withoutSuffix();
        return bare != supported && requested.contains(bare) ? bare : null;
    }

    /**
     * A render function's registration being configured: the types it supports and prefers and
     * the classes it renders, finished by {@link #register}.
     *
     * @param <T> the rendered type
     */
    public class RenderRegistration<T> {
        private final Set<MIMEType> supported = new LinkedHashSet<>();
        private final Set<MIMEType> preferred = new LinkedHashSet<>();
        private final Set<Class<? extends T>> types = new LinkedHashSet<>();

        /** @param type the first class the function renders */
        public RenderRegistration(Class<? extends T> type) {
            types.add(type);
        }

        /**
         * @param mimeTypes types the function can produce when asked
         * @return this registration
         */
        public RenderRegistration<T> supporting(MIMEType... mimeTypes) {
            Collections.addAll(supported, mimeTypes);
            return this;
        }

        /**
         * @param mimeTypes types the function produces when nothing particular is asked for (also supported)
         * @return this registration
         */
        public RenderRegistration<T> preferring(MIMEType... mimeTypes) {
            supporting(mimeTypes);
            Collections.addAll(preferred, mimeTypes);
            return this;
        }

        /**
         * @param mimeTypes types, e.g. {@code "text/html"}, the function can produce when asked
         * @return this registration
         */
        public RenderRegistration<T> supporting(String... mimeTypes) {
            for (String t : mimeTypes) {
                supported.add(MIMEType.parse(t));
            }
            return this;
        }

        /**
         * @param mimeTypes types the function produces when nothing particular is asked for (also supported)
         * @return this registration
         */
        public RenderRegistration<T> preferring(String... mimeTypes) {
            supporting(mimeTypes);
            for (String t : mimeTypes) {
                preferred.add(MIMEType.parse(t));
            }
            return this;
        }

        /**
         * @param type another class the function renders
         * @return this registration
         */
        public RenderRegistration<T> onType(Class<? extends T> type) {
            types.add(type);
            return this;
        }

        /**
         * @param more more classes the function renders
         * @return this registration
         */
        @SafeVarargs
        public final RenderRegistration<T> onTypes(Class<? extends T>... more) {
            Collections.addAll(types, more);
            return this;
        }

        /**
         * Registers the function; from now on it renders the registered classes everywhere a
         * value is shown.
         *
         * @param function the render function
         */
        public void register(RenderFunction<T> function) {
            Set<MIMEType> s = supported.isEmpty() ? DisplayDataRenderable.ANY : supported;
            Renderer.this.register(s, preferred.isEmpty() ? s : preferred, types, function);
        }
    }
}
