package dev.jotter.kernel;

import java.util.List;
import java.util.Map;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The workload {@code jotter install} runs once under {@code -XX:AOTCacheOutput} (JDK 25's
 * ahead-of-time cache, JEP 483/514): it loads and links what a kernel needs at start and in its
 * first cells, so every later kernel start maps those classes instead of loading them again.
 */
final class AotTraining {
    private AotTraining() {}

    static int run() throws Exception {
        try (ZContext context = new ZContext(1)) {
            // A real connection and round trip, as a client makes at start: JeroMQ's handshake,
            // encoders and pipes are then in the cache too (they were 60 classes loaded from the
            // jar between a kernel's bind and its first reply).
            ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
            int port = router.bindToRandomPort("tcp://127.0.0.1");
            ZMQ.Socket pub = context.createSocket(SocketType.PUB);
            int pubPort = pub.bindToRandomPort("tcp://127.0.0.1");
            ZMQ.Socket client = context.createSocket(SocketType.DEALER);
            client.connect("tcp://127.0.0.1:" + port);
            ZMQ.Socket sub = context.createSocket(SocketType.SUB);
            sub.subscribe(new byte[0]);
            sub.connect("tcp://127.0.0.1:" + pubPort);
            Wire wire = new Wire("training-key", "hmac-sha256");
            Message m = new Message(List.of(), Message.newHeader("kernel_info_request", "aot"), Json.obj(), Json.obj(), Json.obj(), List.of());
            router.setReceiveTimeOut(2000);
            client.setReceiveTimeOut(2000);
            Kernel.sendFrames(client, wire.encode(m));
            List<byte[]> frames = Kernel.receive(router);
            if (frames != null) {
                Message request = wire.decode(frames);
                Kernel.sendFrames(router, wire.encode(request.reply("kernel_info_reply", Json.obj("status", "ok"), "aot")));
                Kernel.sendFrames(pub, wire.encode(request.reply("status", Json.obj("execution_state", "idle"), "aot")));
                Kernel.receive(client);
            }
        }
        OutputRouter router = new OutputRouter();
        try (Session session = new Session(router, new Renderers())) {
            session.start();
            CellOutput discard = new CellOutput() {
                @Override
                public void stream(String name, String text) {}

                @Override
                public void display(Map<String, Object> bundle, Map<String, Object> metadata, String id, boolean update) {}

                @Override
                public void result(int count, Map<String, Object> bundle, Map<String, Object> metadata) {}

                @Override
                public void error(String ename, String evalue, List<String> traceback) {}

                @Override
                public void clear(boolean wait) {}
            };
            for (String cell : List.of("1 + 1", "int x = 3;\nx * 2", "System.out.println(\"hi\");", "String s = 1;",
                    "%lsmagic", "display(\"<b>x</b>\", \"text/html\");", "new int[0][1][2]")) {
                session.execute(cell, 1, discard);
            }
            session.complete("Strin", 5);
            session.inspect("Math.max", 8);
            session.isComplete("for (int i = 0; i < 2; i++) {");
        }
        return 0;
    }
}
