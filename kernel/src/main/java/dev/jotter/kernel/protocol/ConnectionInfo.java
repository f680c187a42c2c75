package dev.jotter.kernel.protocol;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The connection file Jupyter writes for a kernel: where to bind and how to sign.
 *
 * @param transport "tcp" or "ipc"
 * @param ip the address (or ipc path prefix)
 * @param shellPort shell ROUTER port
 * @param controlPort control ROUTER port
 * @param stdinPort stdin ROUTER port
 * @param iopubPort iopub PUB port
 * @param hbPort heartbeat REP port
 * @param key HMAC key, empty for unsigned
 * @param signatureScheme e.g. hmac-sha256
 */
public record ConnectionInfo(String transport, String ip, int shellPort, int controlPort, int stdinPort,
                             int iopubPort, int hbPort, String key, String signatureScheme) {

    /**
     * Reads a connection file.
     *
     * @param file the file Jupyter passed as {connection_file}
     * @return its contents
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException naming the file and the missing or malformed field
     */
    public static ConnectionInfo read(Path file) throws IOException {
        JsonObject o;
        try {
            o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Connection file " + file + " is not a JSON object: " + e.getMessage(), e);
        }
        for (String k : new String[] {"shell_port", "control_port", "stdin_port", "iopub_port", "hb_port", "ip"}) {
            if (!o.has(k)) {
                throw new IllegalArgumentException("Connection file " + file + " has no '" + k + "'; found keys " + o.keySet());
            }
        }
        return new ConnectionInfo(Json.str(o, "transport", "tcp"), Json.str(o, "ip", "127.0.0.1"),
                o.get("shell_port").getAsInt(), o.get("control_port").getAsInt(), o.get("stdin_port").getAsInt(),
                o.get("iopub_port").getAsInt(), o.get("hb_port").getAsInt(), Json.str(o, "key", ""),
                Json.str(o, "signature_scheme", "hmac-sha256"));
    }

    /**
     * @param port a port from this file
     * @return the ZeroMQ endpoint to bind for it
     */
    public String endpoint(int port) {
        return "ipc".equals(transport) ? "ipc://" + ip + "-" + port : transport + "://" + ip + ":" + port;
    }
}
