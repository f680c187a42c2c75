package dev.jotter.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The size limit on incoming messages, on real JeroMQ sockets as the kernel binds them (issue 21). */
class MessageLimitTest {
    private static final int LIMIT = 4096;
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    private ZContext context;
    private ZMQ.Socket router;
    private String endpoint;
    private final MessageLimit limit = new MessageLimit(LIMIT);

    @BeforeEach
    void bind() {
        context = new ZContext(1);
        router = context.createSocket(SocketType.ROUTER);
        limit.apply(router);
        router.setReceiveTimeOut(10_000);
        int port = router.bindToRandomPort("tcp://127.0.0.1");
        endpoint = "tcp://127.0.0.1:" + port;
    }

    @AfterEach
    void close() {
        context.close();
    }

    private ZMQ.Socket client() {
        ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
        dealer.setLinger(1000);
        dealer.connect(endpoint);
        return dealer;
    }

    private static void send(ZMQ.Socket socket, byte[]... frames) {
        for (int i = 0; i < frames.length; i++) {
            socket.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    @Test
    void manyFramesOverTheLimitTogetherAreDroppedWithTheirSizeAndTheNextMessageArrives() {
        ZMQ.Socket client = client();
        send(client, new byte[3000], new byte[3000], new byte[3000]);
        send(client, "after".getBytes(StandardCharsets.UTF_8));
        assertNull(limit.receive(router, "shell", log));
        String logged = logBytes.toString(StandardCharsets.UTF_8);
        // The ROUTER adds the peer's 5-byte identity frame.
        assertTrue(logged.contains("dropped an oversized message on shell: 9005 bytes in 4 frames, over the limit of 4096 bytes (-Djotter.maxMessageBytes)"),
                logged);
        List<byte[]> next = limit.receive(router, "shell", log);
        assertEquals(2, next.size());
        assertArrayEquals("after".getBytes(StandardCharsets.UTF_8), next.get(1));
    }

    @Test
    void aSingleFrameOverTheLimitNeverArrivesAndOtherClientsAreServed() {
        ZMQ.Socket big = client();
        send(big, new byte[LIMIT + 1]);
        // JeroMQ refuses the frame from its size header, before allocating it, and closes that connection.
        router.setReceiveTimeOut(500);
        assertNull(limit.receive(router, "shell", log));
        router.setReceiveTimeOut(10_000);
        ZMQ.Socket other = client();
        send(other, new byte[LIMIT - 100]);
        List<byte[]> frames = limit.receive(router, "shell", log);
        assertEquals(LIMIT - 100, frames.get(1).length);
    }

    @Test
    void aMessageAtTheLimitArrivesWhole() {
        ZMQ.Socket client = client();
        send(client, new byte[LIMIT / 2], new byte[LIMIT / 2 - 5]);
        List<byte[]> frames = limit.receive(router, "shell", log);
        assertEquals(3, frames.size());
        assertEquals("", logBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theLimitIsReadFromTheSystemPropertyWithSuffixes() {
        assertEquals(128L << 20, MessageLimit.DEFAULT);
        assertEquals(512L << 20, MessageLimit.parse("512m"));
        assertEquals(2L << 30, MessageLimit.parse("2G"));
        assertEquals(1000, MessageLimit.parse(" 1000 "));
        assertEquals(64L << 10, MessageLimit.parse("64k"));
        for (String bad : List.of("", "m", "-5", "0", "lots", "99999999999g")) {
            assertThrows(IllegalArgumentException.class, () -> MessageLimit.parse(bad), bad);
        }
        String old = System.getProperty(MessageLimit.PROPERTY);
        try {
            System.setProperty(MessageLimit.PROPERTY, "lots");
            assertEquals(MessageLimit.DEFAULT, MessageLimit.fromSystemProperty(log).bytes());
            String logged = logBytes.toString(StandardCharsets.UTF_8);
            assertTrue(logged.contains("ignoring -Djotter.maxMessageBytes=lots: 'lots' is not a size; using 128m"), logged);
            System.setProperty(MessageLimit.PROPERTY, "1g");
            assertEquals(1L << 30, MessageLimit.fromSystemProperty(log).bytes());
            System.clearProperty(MessageLimit.PROPERTY);
            assertEquals(MessageLimit.DEFAULT, MessageLimit.fromSystemProperty(log).bytes());
        } finally {
            if (old == null) {
                System.clearProperty(MessageLimit.PROPERTY);
            } else {
                System.setProperty(MessageLimit.PROPERTY, old);
            }
        }
    }
}
