package dev.jotter.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jotter.kernel.MimeBundle;
import dev.jotter.kernel.session.Session;
import dev.jotter.kernel.display.OutputRouter;
import dev.jotter.kernel.display.Renderers;
import dev.jotter.kernel.jvm.IdleCollector;
import dev.jotter.kernel.jvm.ProcessExit;
import dev.jotter.kernel.session.CellOutput;
import dev.jotter.kernel.session.CellResult;
import dev.jotter.kernel.session.EvalFailure;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * A Jupyter kernel speaking wire protocol 5.4 over JeroMQ.
 *
 * <p>Threads: the shell thread runs requests one at a time (as ipykernel does); the control
 * thread answers interrupt, shutdown and kernel_info even while a cell runs; the heartbeat
 * thread echoes; one iopub thread owns the PUB socket and sends everything queued for it in
 * order, so output from any thread is published without locking. Every loop blocks in
 * {@code recv}, never sleeps, and survives bad messages and failures of a single request.
 *
 * <p>This class is the transport and the requests that need it (execute, with its input requests
 * and aborts; interrupt; shutdown); the requests answered from their content alone are a dispatch
 * table in {@link Replies}.
 */
public final class Kernel {
    private static final Pattern PAGER = Pattern.compile("^\\s*(\\?\\s*(\\S.*?)|(\\S.*?)\\s*\\?)\\s*$", Pattern.DOTALL);

    private final ConnectionInfo connection;
    private final Wire wire;
    private final String sessionId = UUID.randomUUID().toString();
    private final OutputRouter router;
    private final Session session;
    private final IdleCollector idleCollector = new IdleCollector();
    private final History history = new History();
    private final BlockingQueue<Message> iopubQueue = new LinkedBlockingQueue<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** The longest background start-up work waits for the first reply; see {@link #afterFirstReply}. */
    private static final long FIRST_REPLY_WAIT_MILLIS = 300;
    /** Counted down by the first reply the kernel sends; see {@link #afterFirstReply}. */
    private final CountDownLatch firstReply = new CountDownLatch(1);
    private final Map<String, String> comms = new ConcurrentHashMap<>();
    private final Replies replies;
    private final PrintStream log;
    private final MessageLimit limit;
    private final boolean warmUpCharts;
    private final String parentPid;
    private ZContext context;
    private ZMQ.Socket shell;
    private ZMQ.Socket control;
    private ZMQ.Socket stdin;
    private ZMQ.Socket iopub;
    private ZMQ.Socket heartbeat;
    private int executionCount;
    private volatile boolean shuttingDown;

    /** @return this build's version, from the jar manifest, or "dev" outside the jar */
    public static String version() {
        String v = Kernel.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * @param connection where to bind and how to sign
     */
    public Kernel(ConnectionInfo connection) {
        this(connection, true, System.getenv("JPY_PARENT_PID"));
    }

    /**
     * @param connection where to bind and how to sign
     * @param warmUpCharts whether to draw throw-away charts in the background once user code first
     *     uses the toolkit, so that the first real chart is fast (off for the AOT training run,
     *     whose cache would otherwise carry the chart classes into every kernel's start-up)
     * @param parentPid the process whose end ends the kernel (Jupyter's JPY_PARENT_PID), or null
     */
    public Kernel(ConnectionInfo connection, boolean warmUpCharts, String parentPid) {
        this.warmUpCharts = warmUpCharts;
        this.parentPid = parentPid;
        this.connection = connection;
        this.wire = new Wire(connection.key(), connection.signatureScheme());
        this.router = new OutputRouter();
        this.log = router.log();
        this.limit = MessageLimit.fromSystemProperty(log);
        this.session = new Session(router, new Renderers());
        this.replies = new Replies(session, history, comms);
    }

    /**
     * The kernel log's warning for a connection file with an empty key: the protocol then signs
     * nothing, and anyone who can reach the ports can run code as this user. Jupyter writes a key;
     * an empty one is a hand-made file or a misconfigured launcher.
     *
     * @param connection the connection file's content
     * @return the warning, or null when messages are signed
     */
    static String unsignedWarning(ConnectionInfo connection) {
        if (connection.key() != null && !connection.key().isEmpty()) {
            return null;
        }
        return "[jotter] warning: the connection file's \"key\" is empty, so messages are not signed and anyone who can reach "
                + connection.ip() + " (ports " + connection.shellPort() + ", " + connection.controlPort() + ", " + connection.stdinPort()
                + ", " + connection.iopubPort() + ", " + connection.hbPort() + ")"
                + " can run code as this user; let Jupyter write the connection file, or set a random key in it";
    }

    /**
     * Binds the sockets, starts JShell in the background and serves until shutdown.
     *
     * @return the process exit code
     */
    public int run() {
        String unsigned = unsignedWarning(connection);
        if (unsigned != null) {
            log.println(unsigned);
        }
        context = new ZContext(1);
        shell = bind(SocketType.ROUTER, "shell", connection.shellPort());
        control = bind(SocketType.ROUTER, "control", connection.controlPort());
        stdin = bind(SocketType.ROUTER, "stdin", connection.stdinPort());
        iopub = bind(SocketType.PUB, "iopub", connection.iopubPort());
        // Batched streams keep us far below any high-water mark; never drop a message if a client lags.
        iopub.setSndHWM(0);
        heartbeat = bind(SocketType.REP, "heartbeat", connection.hbPort());
        watchDisconnects(Map.of("shell", shell, "control", control, "stdin", stdin));
        router.install();
        watchParent();
        exitOnSignal();

        start("jotter-iopub", this::iopubLoop);
        start("jotter-heartbeat", this::heartbeatLoop);
        start("jotter-control", () -> serve(control, true));
        if (warmUpCharts) {
            session.warmUpChartsOnFirstToolkitUse();
        }
        Thread.ofPlatform().daemon().name("jotter-jshell-start").start(afterFirstReply(() -> {
            try {
                session.start();
            } catch (RuntimeException e) {
                log.println("[jotter] JShell failed to start: " + e);
            }
        }));
        publish(null, "status", Json.obj("execution_state", "starting"));
        start("jotter-shell", () -> serve(shell, false));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Not System.exit: its exit path waits for JeroMQ's threads blocked in native code.
        // Nothing else needs stopping first (interrupting a JShell still starting only made javac
        // print an InternalError on the way out).
        ProcessExit.now(0);
        return 0;
    }

    /**
     * Delays background start-up work until the kernel has sent its first reply (in practice the
     * kernel_info_reply every client asks for first), or {@link #FIRST_REPLY_WAIT_MILLIS} at most.
     * Building JShell and warming the chart classes keep both cores of a small machine busy for a
     * while, and beside the first request they competed with it and slowed the first reply
     * (bench/RESULTS.md).
     */
    private Runnable afterFirstReply(Runnable work) {
        return () -> {
            try {
                firstReply.await(FIRST_REPLY_WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            work.run();
        };
    }

    private ZMQ.Socket bind(SocketType type, String channel, int port) {
        ZMQ.Socket s = context.createSocket(type);
        s.setLinger(1000);
        if (type != SocketType.PUB) {
            // Incoming messages only: what the kernel sends (a 100 MB line of output) is not limited.
            limit.apply(s);
        }
        String endpoint = connection.endpoint(port);
        try {
            s.bind(endpoint);
        } catch (ZMQException e) {
            // Also closes the sockets already bound, so that a kernel that cannot start leaves no port held.
            context.close();
            if (e.getErrorCode() == ZMQ.Error.EADDRINUSE.getCode()) {
                throw new IllegalStateException(portInUse(endpoint, channel), e);
            }
            throw new IllegalStateException("cannot listen on " + endpoint + " for the " + channel + " channel: " + e.getMessage(), e);
        }
        return s;
    }

    /**
     * What the kernel says when a port from its connection file is taken. Jupyter picks the ports
     * (binding port 0, then closing the socket) before the kernel starts; another process can take
     * one in between, most often another server's kernel on a host where many start at once.
     * jupyter_client's automatic restart reuses the same ports unless port caching is off.
     *
     * @param endpoint the endpoint that could not be bound
     * @param channel the channel it was for
     * @return the message
     */
    private static String portInUse(String endpoint, String channel) {
        return "cannot listen on " + endpoint + " for the " + channel + " channel: another process holds that port (Jupyter chose it when it"
                + " wrote the connection file, and something took it before the kernel started, which happens where many kernels start"
                + " at once on one host). Shut this kernel down and start a new one, which gets new ports; on a shared server, see"
                + " docs/teaching-at-scale.md, \"Kernel ports on a shared host\"";
    }

    /**
     * Logs each client connection JeroMQ closes on the request sockets. JeroMQ closes one that sends
     * a frame over the message size limit without telling the kernel why, so this line is all the
     * log can say about such a message; a client that simply goes away looks the same.
     */
    private void watchDisconnects(Map<String, ZMQ.Socket> sockets) {
        sockets.forEach((name, socket) -> {
            String address = "inproc://jotter-monitor-" + name;
            if (!socket.monitor(address, ZMQ.EVENT_DISCONNECTED)) {
                return;
            }
            ZMQ.Socket events = context.createSocket(SocketType.PAIR);
            events.connect(address);
            start("jotter-monitor-" + name, () -> {
                while (!shuttingDown) {
                    try {
                        ZMQ.Event e = ZMQ.Event.recv(events);
                        if (e != null && !shuttingDown) {
                            log.println("[jotter] " + name + ": a client connection closed (JeroMQ closes a connection that sends a "
                                    + "frame over the limit of " + limit + ", -D" + MessageLimit.PROPERTY
                                    + "; a client that disconnects looks the same)");
                        }
                    } catch (RuntimeException ex) {
                        return;
                    }
                }
            });
        });
    }

    private static void start(String name, Runnable r) {
        Thread.ofPlatform().daemon().name(name).start(r);
    }

    /**
     * Ends the process within a second of SIGTERM or SIGHUP, with the processes the cells started.
     * The JVM's own exit on a signal waits at its exit safepoint for the threads in native code
     * ({@link ProcessExit}) and leaves the cells' processes running, orphaned. A signal handler,
     * not a shutdown hook: a hook would also run on an ordinary {@code System.exit} of the JVM the
     * kernel is embedded in (the AOT training run) and change its exit status.
     */
    private void exitOnSignal() {
        for (String name : List.of("TERM", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    log.println("[jotter] received SIG" + name + "; stopping the processes cells started and exiting");
                    log.flush();
                    ProcessExit.now(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // The JVM was started with -Xrs or the platform lacks the signal: its default exit stays.
                log.println("[jotter] cannot handle SIG" + name + " (" + e.getMessage() + "); the JVM's default exit applies");
            }
        }
    }

    /** Exits when the process that started us (JPY_PARENT_PID) is gone, so no kernel is orphaned. */
    private void watchParent() {
        String pid = parentPid;
        if (pid == null || pid.isBlank()) {
            return;
        }
        try {
            long p = Long.parseLong(pid.trim());
            ProcessHandle.of(p).ifPresentOrElse(
                    h -> h.onExit().thenRun(() -> {
                        log.println("[jotter] parent process " + p + " exited; shutting down");
                        ProcessExit.now(0);
                    }),
                    () -> {
                        log.println("[jotter] parent process " + p + " is not running; shutting down");
                        ProcessExit.now(0);
                    });
        } catch (NumberFormatException e) {
            log.println("[jotter] ignoring JPY_PARENT_PID='" + pid + "': not a process id");
        }
    }

    private void heartbeatLoop() {
        while (!shuttingDown) {
            try {
                byte[] ping = heartbeat.recv(0);
                if (ping != null) {
                    heartbeat.send(ping, 0);
                }
            } catch (RuntimeException e) {
                if (shuttingDown) {
                    return;
                }
            } catch (Throwable t) {
                log.println("[jotter] heartbeat: " + t);
            }
        }
    }

    private void iopubLoop() {
        while (true) {
            try {
                sendFrames(iopub, wire.encode(iopubQueue.take()));
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                // An OutOfMemoryError in user code can hit any thread; the kernel must outlive it.
                log.println("[jotter] iopub: " + t);
            }
        }
    }

    private void serve(ZMQ.Socket socket, boolean isControl) {
        while (!shuttingDown) {
            List<byte[]> frames;
            try {
                frames = limit.receive(socket, isControl ? "control" : "shell", log);
            } catch (RuntimeException e) {
                if (shuttingDown) {
                    return;
                }
                log.println("[jotter] receive failed: " + e);
                continue;
            }
            if (frames == null) {
                continue;
            }
            Message request;
            try {
                request = wire.decode(frames);
            } catch (Wire.BadMessageException e) {
                log.println("[jotter] dropped a bad message: " + e.getMessage());
                continue;
            }
            try {
                handle(socket, request, isControl);
            } catch (Throwable t) {
                log.println("[jotter] " + request.type() + " failed: " + t);
                t.printStackTrace(log);
                try {
                    publish(request, "status", Json.obj("execution_state", "idle"));
                } catch (Throwable ignored) {
                    // nothing more can be done for this request
                }
            }
        }
    }

    /**
     * @param socket the socket to read
     * @return the frames of one multipart message, or null when none came (a receive timeout, or the socket closing)
     */
    public static List<byte[]> receive(ZMQ.Socket socket) {
        byte[] first = socket.recv(0);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return frames;
    }

    private void send(ZMQ.Socket socket, Message m) {
        List<byte[]> frames = wire.encode(m);
        synchronized (socket) {
            sendFrames(socket, frames);
        }
    }

    /**
     * Sends the frames as one multipart message.
     *
     * @param socket the socket to write
     * @param frames the message's frames, as {@link Wire#encode} makes them
     */
    public static void sendFrames(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    private void reply(ZMQ.Socket socket, Message request, String type, JsonObject content) {
        send(socket, request.reply(type, content, sessionId));
        firstReply.countDown();
    }

    /**
     * Queues an iopub message.
     *
     * @param parent the request it belongs to, or null
     * @param type msg_type
     * @param content content
     */
    void publish(Message parent, String type, JsonObject content) {
        JsonObject parentHeader = parent == null ? new JsonObject() : parent.header();
        String topic = "kernel." + sessionId + "." + type;
        iopubQueue.add(new Message(List.of(topic.getBytes(StandardCharsets.UTF_8)), Message.newHeader(type, sessionId),
                parentHeader, new JsonObject(), content, List.of()));
    }

    private void handle(ZMQ.Socket socket, Message request, boolean isControl) {
        String type = request.type();
        if (isControl) {
            switch (type) {
                case "interrupt_request" -> {
                    session.interrupt(sentAt(request));
                    reply(socket, request, "interrupt_reply", Json.obj("status", "ok"));
                }
                case "shutdown_request" -> shutdown(socket, request);
                case "kernel_info_request" -> reply(socket, request, "kernel_info_reply", replies.kernelInfo());
                case "debug_request" -> reply(socket, request, "debug_reply", Json.obj("status", "error",
                        "ename", "NotImplemented", "evalue", "this kernel has no debugger", "traceback", List.of()));
                default -> log.println("[jotter] ignoring control message '" + type + "'");
            }
            return;
        }
        idleCollector.busy();
        publish(request, "status", Json.obj("execution_state", "busy"));
        try {
            Replies.Answer answer = replies.answer(type);
            if (answer != null) {
                reply(socket, request, answer.replyType(), answer.content().apply(request.content()));
                return;
            }
            switch (type) {
                case "execute_request" -> execute(socket, request);
                case "comm_open" -> {
                    // No comm targets are registered yet: close it at once, as ipykernel does for unknown targets.
                    String id = Json.str(request.content(), "comm_id", "");
                    log.println("[jotter] no comm target '" + Json.str(request.content(), "target_name", "") + "'; closing comm " + id);
                    publish(request, "comm_close", Json.obj("comm_id", id, "data", new JsonObject()));
                }
                case "comm_msg", "comm_close" -> comms.remove(Json.str(request.content(), "comm_id", ""));
                case "shutdown_request" -> shutdown(socket, request);
                default -> log.println("[jotter] ignoring shell message '" + type + "'");
            }
        } finally {
            publish(request, "status", Json.obj("execution_state", "idle"));
            idleCollector.idle();
        }
    }

    private void execute(ZMQ.Socket socket, Message request) {
        JsonObject c = request.content();
        String code = Json.str(c, "code", "");
        boolean silent = Json.bool(c, "silent", false);
        boolean storeHistory = Json.bool(c, "store_history", !silent) && !silent;
        boolean allowStdin = Json.bool(c, "allow_stdin", false);
        boolean stopOnError = Json.bool(c, "stop_on_error", true);
        if (storeHistory) {
            executionCount++;
        }
        int count = executionCount;
        if (!silent) {
            publish(request, "execute_input", Json.obj("code", code, "execution_count", count));
        }
        JsonArray payload = new JsonArray();
        CellResult result;
        Matcher pager = PAGER.matcher(code);
        IopubOutput out = new IopubOutput(request, silent);
        if (pager.matches() && !code.contains("\n") && !code.strip().startsWith("%")) {
            String target = pager.group(2) != null ? pager.group(2) : pager.group(3);
            String doc = session.inspect(target, target.length());
            if (doc == null) {
                doc = "Nothing known about '" + target + "'. Check the spelling, or try a class name such as Math.max?";
            }
            payload.add(Json.obj("source", "page", "data", Json.obj("text/plain", doc), "start", 0));
            result = CellResult.OK;
        } else {
            session.setStdin(allowStdin ? (prompt, password) -> input(request, prompt, password) : null);
            result = session.execute(code, count, out, sentAt(request));
        }
        if (storeHistory) {
            history.add(count, code, out.resultText());
        }
        JsonObject content;
        if (result.ok()) {
            content = Json.obj("status", "ok", "execution_count", count, "payload", payload,
                    "user_expressions", userExpressions(c));
        } else {
            content = Json.obj("status", "error", "execution_count", count, "ename", result.ename(),
                    "evalue", result.evalue(), "traceback", result.traceback());
        }
        if (!result.ok() && stopOnError) {
            // Only requests that arrived while this cell ran are aborted: drain before replying,
            // or a client that reacts to the error quickly would have its next request aborted too.
            abortQueued(socket);
        }
        reply(socket, request, "execute_reply", content);
    }

    /** @return when the client sent the message (its header's date), or null when it gave none we can read */
    private static Instant sentAt(Message m) {
        String date = Json.str(m.header(), "date", "");
        try {
            return OffsetDateTime.parse(date).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private JsonObject userExpressions(JsonObject request) {
        JsonObject out = new JsonObject();
        JsonElement ue = request.get("user_expressions");
        if (ue == null || !ue.isJsonObject()) {
            return out;
        }
        for (Map.Entry<String, JsonElement> e : ue.getAsJsonObject().entrySet()) {
            try {
                Object v = session.evalForMagic(e.getValue().getAsString());
                MimeBundle b = session.render(v, null);
                out.add(e.getKey(), Json.obj("status", "ok", "data", b.data(), "metadata", b.metadata()));
            } catch (EvalFailure f) {
                out.add(e.getKey(), Json.obj("status", "error", "ename", f.result().ename(),
                        "evalue", f.result().evalue(), "traceback", f.result().traceback()));
            } catch (Exception ex) {
                out.add(e.getKey(), Json.obj("status", "error", "ename", ex.getClass().getName(),
                        "evalue", String.valueOf(ex.getMessage()), "traceback", List.of()));
            }
        }
        return out;
    }

    /** After a failed cell, requests already queued behind it are answered "aborted", as ipykernel does. */
    private void abortQueued(ZMQ.Socket socket) {
        while (true) {
            byte[] first = socket.recv(ZMQ.DONTWAIT);
            if (first == null) {
                return;
            }
            List<byte[]> frames = new ArrayList<>();
            frames.add(first);
            long total = first.length;
            while (socket.hasReceiveMore()) {
                byte[] next = socket.recv(0);
                total += next.length;
                frames.add(total <= limit.bytes() ? next : new byte[0]);
            }
            if (total > limit.bytes()) {
                log.println("[jotter] dropped an oversized message on shell: " + total + " bytes in " + frames.size()
                        + " frames, over the limit of " + limit + " (-D" + MessageLimit.PROPERTY + ")");
                continue;
            }
            try {
                Message m = wire.decode(frames);
                if (m.type().equals("execute_request")) {
                    publish(m, "status", Json.obj("execution_state", "busy"));
                    reply(socket, m, "execute_reply", Json.obj("status", "aborted", "execution_count", executionCount));
                    publish(m, "status", Json.obj("execution_state", "idle"));
                } else {
                    handle(socket, m, false);
                }
            } catch (Wire.BadMessageException e) {
                log.println("[jotter] dropped a bad message: " + e.getMessage());
            }
        }
    }

    private String input(Message request, String prompt, boolean password) {
        JsonObject content = Json.obj("prompt", prompt, "password", password);
        send(stdin, request.reply("input_request", content, sessionId));
        while (!shuttingDown) {
            stdin.setReceiveTimeOut(200);
            List<byte[]> frames = limit.receive(stdin, "stdin", log);
            if (frames == null) {
                continue;
            }
            try {
                Message m = wire.decode(frames);
                if (m.type().equals("input_reply")) {
                    return Json.str(m.content(), "value", "");
                }
            } catch (Wire.BadMessageException e) {
                log.println("[jotter] dropped a bad stdin message: " + e.getMessage());
            }
        }
        return null;
    }

    private void shutdown(ZMQ.Socket socket, Message request) {
        boolean restart = Json.bool(request.content(), "restart", false);
        shuttingDown = true;
        session.interrupt();
        router.flush();
        publish(request, "status", Json.obj("execution_state", "idle"));
        // Let the iopub thread hand over what is queued before the reply tells the client we are done.
        long deadline = System.nanoTime() + 150_000_000L;
        while (!iopubQueue.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        reply(socket, request, "shutdown_reply", Json.obj("status", "ok", "restart", restart));
        // JeroMQ sends from its I/O thread: give it a moment to put the reply on the wire, then go.
        try {
            Thread.sleep(60);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The main thread ends the process (see run); exiting here as well would race it.
        stopped.countDown();
    }

    /** Cell output sent as iopub messages whose parent is the execute_request. */
    private final class IopubOutput implements CellOutput {
        private final Message parent;
        private final boolean silent;
        private volatile String resultText;

        IopubOutput(Message parent, boolean silent) {
            this.parent = parent;
            this.silent = silent;
        }

        String resultText() {
            return resultText;
        }

        @Override
        public void stream(String name, String text) {
            if (!silent) {
                publish(parent, "stream", Json.obj("name", name, "text", text));
            }
        }

        @Override
        public void display(Map<String, Object> bundle, Map<String, Object> metadata, String displayId, boolean update) {
            if (silent) {
                return;
            }
            JsonObject transient_ = new JsonObject();
            if (displayId != null) {
                transient_.addProperty("display_id", displayId);
            }
            publish(parent, update ? "update_display_data" : "display_data",
                    Json.obj("data", bundle, "metadata", metadata, "transient", transient_));
        }

        @Override
        public void result(int executionCount, Map<String, Object> bundle, Map<String, Object> metadata) {
            Object plain = bundle.get("text/plain");
            resultText = plain == null ? null : plain.toString();
            if (!silent) {
                publish(parent, "execute_result", Json.obj("execution_count", executionCount, "data", bundle, "metadata", metadata));
            }
        }

        @Override
        public void error(String ename, String evalue, List<String> traceback) {
            if (!silent) {
                publish(parent, "error", Json.obj("ename", ename, "evalue", evalue, "traceback", traceback));
            }
        }

        @Override
        public void clear(boolean wait) {
            if (!silent) {
                publish(parent, "clear_output", Json.obj("wait", wait));
            }
        }
    }
}
