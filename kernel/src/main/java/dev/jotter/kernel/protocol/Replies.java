package dev.jotter.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.jotter.kernel.session.Session;
import dev.jotter.kernel.session.CodeAssistance;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The shell requests whose reply is a function of their content alone, as a dispatch table:
 * kernel_info, complete, inspect, is_complete, history and comm_info. Each handler only translates
 * between the protocol's JSON and the session; the {@link Kernel} sends the reply.
 */
final class Replies {
    /**
     * How one request type is answered.
     *
     * @param replyType the reply's msg_type
     * @param content the reply's content, from the request's content
     */
    record Answer(String replyType, UnaryOperator<JsonObject> content) {}

    private final Session session;
    private final History history;
    private final Map<String, String> comms;
    private final Map<String, Answer> table;

    /**
     * @param session the user's session
     * @param history the kernel's execution history
     * @param comms the open comms, by id, with their target names
     */
    Replies(Session session, History history, Map<String, String> comms) {
        this.session = session;
        this.history = history;
        this.comms = comms;
        this.table = Map.of(
                "kernel_info_request", new Answer("kernel_info_reply", c -> kernelInfo()),
                "complete_request", new Answer("complete_reply", this::complete),
                "inspect_request", new Answer("inspect_reply", this::inspect),
                "is_complete_request", new Answer("is_complete_reply", this::isComplete),
                "history_request", new Answer("history_reply", this::history),
                "comm_info_request", new Answer("comm_info_reply", this::commInfo));
    }

    /**
     * @param requestType a shell request's msg_type
     * @return how it is answered, or null when the kernel handles it itself
     */
    Answer answer(String requestType) {
        return table.get(requestType);
    }

    /** @return kernel_info_reply's content */
    JsonObject kernelInfo() {
        JsonObject lang = Json.obj(
                "name", "java",
                "version", Runtime.version().toString(),
                "mimetype", "text/x-java-source",
                "file_extension", ".java",
                "codemirror_mode", "text/x-java",
                "pygments_lexer", "java");
        JsonArray links = new JsonArray();
        links.add(Json.obj("text", "Jotter", "url", "https://github.com/jotter-dev/jotter"));
        links.add(Json.obj("text", "Java " + Runtime.version().feature() + " API",
                "url", "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/"));
        links.add(Json.obj("text", "Tablesaw", "url", "https://jtablesaw.github.io/tablesaw/"));
        links.add(Json.obj("text", "DJL", "url", "https://docs.djl.ai/"));
        return Json.obj(
                "status", "ok",
                "protocol_version", Message.PROTOCOL_VERSION,
                "implementation", "jotter",
                "implementation_version", Kernel.version(),
                "language_info", lang,
                "banner", "Jotter " + Kernel.version() + " - Java " + Runtime.version() + " in JShell\n"
                        + "display(x), %lsmagic, name? for help",
                "debugger", false,
                "help_links", links);
    }

    private JsonObject complete(JsonObject c) {
        String code = Json.str(c, "code", "");
        int cursor = utf16(code, Json.integer(c, "cursor_pos", code.codePointCount(0, code.length())));
        CodeAssistance.Completion comp = session.complete(code, cursor);
        return Json.obj("status", "ok", "matches", comp.matches(),
                "cursor_start", code.codePointCount(0, comp.start()),
                "cursor_end", code.codePointCount(0, comp.end()), "metadata", new JsonObject());
    }

    private JsonObject inspect(JsonObject c) {
        String code = Json.str(c, "code", "");
        int cursor = utf16(code, Json.integer(c, "cursor_pos", code.codePointCount(0, code.length())));
        String doc = session.inspect(code, cursor);
        JsonObject data = new JsonObject();
        if (doc != null) {
            data.addProperty("text/plain", doc);
        }
        return Json.obj("status", "ok", "found", doc != null, "data", data, "metadata", new JsonObject());
    }

    /** Jupyter counts cursor positions in Unicode code points; Java strings index UTF-16 units. */
    private static int utf16(String s, int codePoints) {
        int cp = Math.max(0, Math.min(codePoints, s.codePointCount(0, s.length())));
        return s.offsetByCodePoints(0, cp);
    }

    private JsonObject history(JsonObject c) {
        boolean output = Json.bool(c, "output", false);
        JsonArray h = switch (Json.str(c, "hist_access_type", "tail")) {
            case "range" -> history.range(Json.integer(c, "session", 0), Json.integer(c, "start", 0),
                    Json.integer(c, "stop", 0), output);
            case "search" -> history.search(Json.str(c, "pattern", "*"), Json.integer(c, "n", 0),
                    Json.bool(c, "unique", false), output);
            default -> history.tail(Json.integer(c, "n", 10), output);
        };
        return Json.obj("status", "ok", "history", h);
    }

    private JsonObject commInfo(JsonObject c) {
        String target = Json.str(c, "target_name", null);
        JsonObject result = new JsonObject();
        comms.forEach((id, t) -> {
            if (target == null || target.equals(t)) {
                result.add(id, Json.obj("target_name", t));
            }
        });
        return Json.obj("status", "ok", "comms", result);
    }

    private JsonObject isComplete(JsonObject request) {
        CodeAssistance.CompleteStatus s = session.isComplete(Json.str(request, "code", ""));
        JsonObject c = Json.obj("status", s.status());
        if (s.status().equals("incomplete")) {
            c.addProperty("indent", s.indent());
        }
        return c;
    }
}
