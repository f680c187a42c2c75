package dev.jotter.kernel.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Collection;
import java.util.Map;

/** Small JSON helpers shared by the wire code, the kernelspec writer and the notebook runner. */
public final class Json {
    /** Compact Gson that keeps '<' and '=' readable in HTML payloads. */
    public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    /** Pretty Gson for files people read (kernel.json, notebooks). */
    public static final Gson PRETTY = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

    private Json() {}

    /**
     * Builds a JSON object from alternating keys and values.
     *
     * @param kv key, value, key, value...; values may be String, Number, Boolean, JsonElement, Map, Collection or null
     * @return the object
     */
    public static JsonObject obj(Object... kv) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < kv.length; i += 2) {
            o.add((String) kv[i], toJson(kv[i + 1]));
        }
        return o;
    }

    /**
     * Converts a plain Java value into JSON.
     *
     * @param v String, Number, Boolean, JsonElement, Map, Collection, array of String or null
     * @return the JSON form
     */
    public static JsonElement toJson(Object v) {
        if (v instanceof JsonElement e) {
            return e;
        }
        if (v instanceof Map<?, ?> m) {
            JsonObject o = new JsonObject();
            m.forEach((k, val) -> o.add(String.valueOf(k), toJson(val)));
            return o;
        }
        if (v instanceof Collection<?> c) {
            JsonArray a = new JsonArray();
            c.forEach(x -> a.add(toJson(x)));
            return a;
        }
        if (v instanceof String[] arr) {
            JsonArray a = new JsonArray();
            for (String s : arr) {
                a.add(s);
            }
            return a;
        }
        return GSON.toJsonTree(v);
    }

    /**
     * @param o an object
     * @param key a key
     * @param dflt returned when the key is absent or null
     * @return the string value
     */
    public static String str(JsonObject o, String key, String dflt) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? dflt : e.getAsString();
    }

    /**
     * @param o an object
     * @param key a key
     * @param dflt returned when the key is absent or null
     * @return the boolean value
     */
    public static boolean bool(JsonObject o, String key, boolean dflt) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? dflt : e.getAsBoolean();
    }

    /**
     * @param o an object
     * @param key a key
     * @param dflt returned when the key is absent or null
     * @return the int value
     */
    public static int integer(JsonObject o, String key, int dflt) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? dflt : e.getAsInt();
    }
}
