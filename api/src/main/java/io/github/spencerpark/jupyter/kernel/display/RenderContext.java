package io.github.spencerpark.jupyter.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a {@link RenderFunction} is asked for (the requested MIME types), where its output goes,
 * and the parameters of the render call: IJava's render context, implemented by Jotter.
 * {@code ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> html)} stores {@code html} as text/html
 * when text/html was asked for.
 */
public class RenderContext {
    private final Set<MIMEType> requested;
    private final Renderer renderer;
    private final Map<String, Object> params;
    private final DisplayData out;

    RenderContext(Set<MIMEType> requested, Renderer renderer, Map<String, Object> params, DisplayData out) {
        this.requested = requested;
        this.renderer = renderer;
        this.params = params;
        this.out = out;
    }

    /** @return the renderer, to render nested values with */
    public Renderer getRenderer() {
        return renderer;
    }

    /** @return where rendered representations go */
    public DisplayData getOutputContainer() {
        return out;
    }

    /** @return the render call's parameters, read-only */
    public Map<String, Object> getParams() {
        return Collections.unmodifiableMap(params);
    }

    /**
     * @param key a parameter name
     * @return its value, or null
     */
    public Object getParameter(String key) {
        return params.get(key);
    }

    /**
     * @param key a parameter name
     * @param defaultValue what to return when it is absent
     * @return its value, or the default
     */
    public Object getParameter(String key, Object defaultValue) {
        return params.getOrDefault(key, defaultValue);
    }

    /**
     * @param key a parameter name
     * @return its value as text, or null
     */
    public String getParameterAsString(String key) {
        Object v = params.get(key);
        return v == null ? null : String.valueOf(v);
    }

    /**
     * @param key a parameter name
     * @param defaultValue what to return when it is absent
     * @return its value as text, or the default
     */
    public String getParameterAsString(String key, String defaultValue) {
        String v = getParameterAsString(key);
        return v == null ? defaultValue : v;
    }

    /**
     * @param key a parameter name
     * @param defaultValue what to return when it is absent
     * @return its value as an Integer, or the default
     */
    public Integer getParameterAsInt(String key, Integer defaultValue) {
        Object v = params.get(key);
        return v == null ? defaultValue : v instanceof Number n ? Integer.valueOf(n.intValue()) : Integer.valueOf(String.valueOf(v));
    }

    /**
     * @param key a parameter name
     * @return its value as an Integer, or null
     */
    public Integer getParameterAsInt(String key) {
        return getParameterAsInt(key, null);
    }

    /**
     * @param key a parameter name
     * @param defaultValue what to return when it is absent
     * @return its value as a Double, or the default
     */
    public Double getParameterAsDouble(String key, Double defaultValue) {
        Object v = params.get(key);
        return v == null ? defaultValue : v instanceof Number n ? Double.valueOf(n.doubleValue()) : Double.valueOf(String.valueOf(v));
    }

    /**
     * @param key a parameter name
     * @return its value as a Double, or null
     */
    public Double getParameterAsDouble(String key) {
        return getParameterAsDouble(key, null);
    }

    /**
     * @param key a parameter name
     * @param defaultValue what to return when it is absent
     * @return its value as a Boolean, or the default
     */
    public Boolean getParameterAsBoolean(String key, Boolean defaultValue) {
        Object v = params.get(key);
        return v == null ? defaultValue : v instanceof Boolean b ? b : Boolean.valueOf(String.valueOf(v));
    }

    /**
     * @param key a parameter name
     * @return its value as a Boolean, or null
     */
    public Boolean getParameterAsBoolean(String key) {
        return getParameterAsBoolean(key, null);
    }

    /**
     * @param type a type the render function can produce
     * @return whether the value should be rendered as it
     */
    public boolean wantsDataRenderedAs(MIMEType type) {
        return resolveRequestedType(type) != null;
    }

    /**
     * The requested type a supported type fulfils: the type itself when it, its group or
     * everything was asked for; the type without its suffix when that was asked for
     * ({@code image/svg+xml} fulfils {@code image/svg}).
     *
     * @param supported a concrete type the render function can produce
     * @return the type to store the result under, or null when it was not asked for
     */
    public MIMEType resolveRequestedType(MIMEType supported) {
        return Renderer.resolve(requested, supported);
    }

    /**
     * Renders as a type when it was asked for.
     *
     * @param supportedType the type the function produces
     * @param renderFunction given the resolved type and the output container, stores the result
     * @return whether it was asked for (and so rendered)
     */
    public boolean renderIfRequested(MIMEType supportedType, BiConsumer<MIMEType, DisplayData> renderFunction) {
        MIMEType resolved = resolveRequestedType(supportedType);
        if (resolved == null) {
            return false;
        }
        renderFunction.accept(resolved, out);
        return true;
    }

    /**
     * Renders as a type when it was asked for, storing what the function returns.
     *
     * @param supportedType the type the function produces
     * @param renderFunction given the resolved type, returns the representation
     * @return whether it was asked for (and so rendered)
     */
    public boolean renderIfRequested(MIMEType supportedType, Function<MIMEType, Object> renderFunction) {
        MIMEType resolved = resolveRequestedType(supportedType);
        if (resolved == null) {
            return false;
        }
        out.putData(resolved, renderFunction.apply(resolved));
        return true;
    }

    /**
     * Renders as a type when it was asked for, storing what the supplier returns.
     *
     * @param supportedType the type the supplier produces
     * @param render returns the representation
     * @return whether it was asked for (and so rendered)
     */
    public boolean renderIfRequested(MIMEType supportedType, Supplier<Object> render) {
        MIMEType resolved = resolveRequestedType(supportedType);
        if (resolved == null) {
            return false;
        }
        out.putData(resolved, render.get());
        return true;
    }
}
