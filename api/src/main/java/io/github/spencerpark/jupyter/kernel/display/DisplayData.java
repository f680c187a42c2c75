package io.github.spencerpark.jupyter.kernel.display;

import dev.jotter.kernel.MimeBundle;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value's representations by MIME type, as IJava's render functions fill them in
 * ({@code out.putHTML(html)}, {@code ctx.renderIfRequested(...)}). Jotter's own implementation of
 * the jupyter-jvm-basekernel container; a cell whose value is a DisplayData shows exactly its
 * data, as a {@link MimeBundle} does.
 */
public class DisplayData {
    /** The transient key Jupyter reads a display id from. */
    public static final String DISPLAY_ID_KEY = "display_id";

    private final Map<String, Object> data = new LinkedHashMap<>();
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private final Map<String, Object> transientData = new LinkedHashMap<>();

    /** An empty container. */
    public DisplayData() {}

    /** @param text the {@code text/plain} representation */
    public DisplayData(String text) {
        putText(text);
    }

    /** @param that a container whose data, metadata and display id to copy */
    public DisplayData(DisplayData that) {
        assign(that);
    }

    /**
     * @param mimeType e.g. {@code text/html}
     * @param value the representation: a String for text types, base64 for binary ones
     */
    public void putData(String mimeType, Object value) {
        data.put(mimeType, value);
    }

    /**
     * @param type the MIME type
     * @param value the representation
     */
    public void putData(MIMEType type, Object value) {
        putData(type.toString(), value);
    }

    /**
     * @param type the MIME type
     * @param value the representation
     * @param meta metadata for that type, e.g. {@code {"width": 640}}
     */
    public void putData(MIMEType type, Object value, Object meta) {
        putData(type, value);
        putMetaData(type, meta);
    }

    /**
     * @param key a metadata key, usually a MIME type
     * @param value its metadata
     */
    public void putMetaData(String key, Object value) {
        metadata.put(key, value);
    }

    /**
     * @param type a MIME type
     * @param value metadata for it
     */
    public void putMetaData(MIMEType type, Object value) {
        putMetaData(type.toString(), value);
    }

    /**
     * @param key a transient key, e.g. {@value #DISPLAY_ID_KEY}
     * @param value its value
     */
    public void putTransientData(String key, Object value) {
        transientData.put(key, value);
    }

    /**
     * @param type a MIME type
     * @return the representation of that type, or null
     */
    public Object getData(MIMEType type) {
        return data.get(type.toString());
    }

    /**
     * @param type a MIME type
     * @return whether there is a representation of that type
     */
    public boolean hasDataForType(MIMEType type) {
        return data.containsKey(type.toString());
    }

    /** @param other a container whose data, metadata and transient data to add to this one's */
    public void assign(DisplayData other) {
        data.putAll(other.data);
        metadata.putAll(other.metadata);
        transientData.putAll(other.transientData);
    }

    /** @param id the display id to send this container under */
    public void setDisplayId(String id) {
        putTransientData(DISPLAY_ID_KEY, id);
    }

    /** @return whether a display id is set */
    public boolean hasDisplayId() {
        return transientData.get(DISPLAY_ID_KEY) != null;
    }

    /** @return the display id, or null */
    public String getDisplayId() {
        Object id = transientData.get(DISPLAY_ID_KEY);
        return id == null ? null : id.toString();
    }

    /** @param text the {@code text/plain} representation */
    public void putText(String text) {
        putData("text/plain", text);
    }

    /** @param html the {@code text/html} representation */
    public void putHTML(String html) {
        putData("text/html", html);
    }

    /** @param latex the {@code text/latex} representation */
    public void putLatex(String latex) {
        putData("text/latex", latex);
    }

    /** @param math LaTeX math, shown as display math ({@code $$...$$}) */
    public void putMath(String math) {
        putLatex("$$" + math + "$$");
    }

    /** @param markdown the {@code text/markdown} representation */
    public void putMarkdown(String markdown) {
        putData("text/markdown", markdown);
    }

    /** @param javascript the {@code application/javascript} representation */
    public void putJavaScript(String javascript) {
        putData("application/javascript", javascript);
    }

    /** @param json the {@code application/json} representation */
    public void putJSON(String json) {
        putData("application/json", json);
    }

    /**
     * @param json the {@code application/json} representation
     * @param expanded whether front ends show the tree expanded
     */
    public void putJSON(String json, boolean expanded) {
        putJSON(json);
        putMetaData("expanded", expanded);
    }

    /** @param svg the {@code image/svg+xml} representation */
    public void putSVG(String svg) {
        putData("image/svg+xml", svg);
    }

    /** @return the MIME type to representation map, read-only; a Jotter addition */
    public Map<String, Object> data() {
        return Collections.unmodifiableMap(data);
    }

    /** @return the metadata, read-only; a Jotter addition */
    public Map<String, Object> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    /** @return the same data and metadata as Jotter's bundle, which the kernel sends; a Jotter addition */
    public MimeBundle toMimeBundle() {
        return new MimeBundle(data, metadata);
    }

    /**
     * @param bundle a bundle Jotter's renderers made
     * @return a container with the same data and metadata; a Jotter addition
     */
    public static DisplayData of(MimeBundle bundle) {
        DisplayData d = new DisplayData();
        d.data.putAll(bundle.data());
        d.metadata.putAll(bundle.metadata());
        return d;
    }

    @Override
    public String toString() {
        Object plain = data.get("text/plain");
        return plain != null ? plain.toString() : "DisplayData" + data.keySet();
    }
}
