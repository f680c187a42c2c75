package dev.jotter.kernel.protocol;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One Jupyter message as it travels on a socket: routing identities, the four JSON dicts and
 * binary buffers (wire protocol 5.4).
 *
 * @param identities ZeroMQ routing prefixes, sent back unchanged with replies
 * @param header msg_id, session, username, date, msg_type, version
 * @param parentHeader the header of the request this message answers, or empty
 * @param metadata free-form metadata
 * @param content the message body
 * @param buffers extra binary frames
 */
public record Message(List<byte[]> identities, JsonObject header, JsonObject parentHeader,
                      JsonObject metadata, JsonObject content, List<byte[]> buffers) {

    /** The protocol version this kernel speaks. */
    public static final String PROTOCOL_VERSION = "5.4";

    /** @return this message's msg_type, or "" when the header has none */
    public String type() {
        return header.has("msg_type") ? header.get("msg_type").getAsString() : "";
    }

    /** @return the session id from the header, or "" */
    public String session() {
        return header.has("session") ? header.get("session").getAsString() : "";
    }

    /**
     * Makes a new message in reply to (or caused by) this one.
     *
     * @param type the new msg_type
     * @param content the new content
     * @param session this kernel's session id
     * @return a message whose parent header is this message's header
     */
    public Message reply(String type, JsonObject content, String session) {
        return new Message(identities, newHeader(type, session), header, new JsonObject(), content, List.of());
    }

    /**
     * Makes a message header.
     *
     * @param type msg_type
     * @param session the kernel's session id
     * @return a header with a fresh msg_id and the current time
     */
    public static JsonObject newHeader(String type, String session) {
        JsonObject h = new JsonObject();
        h.addProperty("msg_id", UUID.randomUUID().toString());
        h.addProperty("session", session);
        h.addProperty("username", "kernel");
        h.addProperty("date", Instant.now().toString());
        h.addProperty("msg_type", type);
        h.addProperty("version", PROTOCOL_VERSION);
        return h;
    }
}
