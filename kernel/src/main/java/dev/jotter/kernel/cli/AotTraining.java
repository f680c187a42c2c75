package dev.jotter.kernel.cli;

import com.google.gson.JsonObject;
import dev.jotter.kernel.protocol.ConnectionInfo;
import dev.jotter.kernel.protocol.Json;
import dev.jotter.kernel.protocol.Kernel;
import dev.jotter.kernel.protocol.Message;
import dev.jotter.kernel.protocol.Wire;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The workload {@code jotter install} runs once under {@code -XX:AOTCacheOutput} (JDK 25's
 * ahead-of-time cache, JEP 483/514): it starts a real kernel from a connection file on free local
 * ports and drives it as a client does (kernel_info, a few everyday cells, completion,
 * inspection), so that every class a kernel needs from its start to its first cells is in the
 * cache. Why all of them: the first class that is not makes the JVM open the kernel's large jar
 * and read its directory of tens of thousands of entries, in the interpreter, before the first reply.
 *
 * <p>It returns once the kernel has answered everything; {@code Main} then ends the JVM with
 * {@code System.exit}, which writes the cache (the kernel's own shutdown ends the process without
 * the JVM's exit work, so it is not asked to shut down).
 */
final class AotTraining {
    private static final int TIMEOUT_MS = 120_000;

    private AotTraining() {}

    /**
     * A fresh HMAC key for the training kernel: it listens on 127.0.0.1 while install runs, so a
     * key every local account could read in this source would let any of them run code as the
     * installer (root, on a shared JupyterHub host).
     */
    static String randomKey() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** {@code jotter aot-training}: what install runs under {@code -XX:AOTCacheOutput}; not for people. */
    @picocli.CommandLine.Command(name = "aot-training", hidden = true,
            description = "Run the start-up cache's training workload (jotter install does this).")
    static final class Command implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            return run();
        }
    }

    static int run() throws Exception {
        int[] ports = freePorts(5);
        Path file = Files.createTempFile("jotter-aot-training", ".json");
        try {
            Files.writeString(file, Json.obj("transport", "tcp", "ip", "127.0.0.1", "shell_port", ports[0],
                    "control_port", ports[1], "stdin_port", ports[2], "iopub_port", ports[3], "hb_port", ports[4],
                    "key", randomKey(), "signature_scheme", "hmac-sha256", "kernel_name", "jotter").toString());
            ConnectionInfo info = ConnectionInfo.read(file);
            // The kernel watches the installer, as a real one watches Jupyter: that path's classes
            // (process handles, completable futures) were a noticeable part of a start outside the cache.
            String parent = ProcessHandle.current().parent().map(h -> Long.toString(h.pid())).orElse(null);
            Kernel kernel = new Kernel(info, false, parent);
            Thread.ofPlatform().daemon().name("aot-kernel").start(kernel::run);
            drive(info);
        } finally {
            Files.deleteIfExists(file);
        }
        return 0;
    }

    private static void drive(ConnectionInfo info) throws IOException {
        Wire wire = new Wire(info.key(), info.signatureScheme());
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket shell = context.createSocket(SocketType.DEALER);
            shell.setReceiveTimeOut(TIMEOUT_MS);
            shell.connect(info.endpoint(info.shellPort()));
            ZMQ.Socket iopub = context.createSocket(SocketType.SUB);
            iopub.subscribe(new byte[0]);
            iopub.connect(info.endpoint(info.iopubPort()));
            request(shell, wire, "kernel_info_request", Json.obj());
            for (String cell : List.of("1 + 1", "int x = 3;\nx * 2", "System.out.println(\"hi\");", "String s = 1;",
                    "for (int i = 0; i < 2; i++) { x += i; }", "void twice() { x *= 2; }\ntwice();", "x / 0",
                    "%lsmagic", "display(\"<b>x</b>\", \"text/html\");", "new int[0][1][2]", "List.of(x, \"y\")")) {
                request(shell, wire, "execute_request", Json.obj("code", cell, "silent", false, "store_history", true,
                        "user_expressions", Json.obj(), "allow_stdin", false, "stop_on_error", false));
            }
            request(shell, wire, "complete_request", Json.obj("code", "Strin", "cursor_pos", 5));
            request(shell, wire, "inspect_request", Json.obj("code", "Math.max", "cursor_pos", 8, "detail_level", 0));
            request(shell, wire, "is_complete_request", Json.obj("code", "for (int i = 0; i < 2; i++) {"));
        }
    }

    /** Sends one shell request and waits for its reply. */
    private static void request(ZMQ.Socket shell, Wire wire, String type, JsonObject content) throws IOException {
        Message m = new Message(List.of(), Message.newHeader(type, "aot-training"), Json.obj(), Json.obj(), content, List.of());
        Kernel.sendFrames(shell, wire.encode(m));
        if (Kernel.receive(shell) == null) {
            throw new IOException("the training kernel did not answer " + type + " within " + TIMEOUT_MS / 1000 + " s");
        }
    }

    /** @return ports free on the loopback interface just now, for the training kernel to bind */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }
}
