package dev.jotter.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A port from the connection file that another process took before the kernel started: on a host
 * where many kernels start at once, Jupyter's port choice races other servers' (bench/class's one
 * failure at 20 and at 30 students was this, printed as a bare "Errno 48"). The kernel must name
 * the port and the channel, say what happened and what to do, and leave no other port held.
 */
class KernelPortInUseTest {

    @Test
    void aTakenPortIsNamedWithItsChannelAndTheOtherPortsAreFreedAgain(@TempDir Path dir) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        int[] ports = new int[5];
        for (int i = 0; i < ports.length; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, loopback)) {
                ports[i] = s.getLocalPort();
            }
        }
        // The heartbeat socket is bound last, so the four before it are bound when its bind fails.
        int hb = ports[4];
        Path file = dir.resolve("kernel-taken.json");
        Files.writeString(file, """
                {"transport": "tcp", "ip": "127.0.0.1", "shell_port": %d, "control_port": %d, "stdin_port": %d,
                 "iopub_port": %d, "hb_port": %d, "key": "k", "signature_scheme": "hmac-sha256", "kernel_name": "jotter"}
                """.formatted(ports[0], ports[1], ports[2], ports[3], hb));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(loopback, hb));
            status = Main.KernelCommand.start(file.toString(), new PrintStream(err, true, StandardCharsets.UTF_8));
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, message);
        assertTrue(message.startsWith("jotter kernel: cannot listen on tcp://127.0.0.1:" + hb + " for the heartbeat channel: another process holds that port"),
                message);
        assertTrue(message.contains("start a new one, which gets new ports"), message);
        for (int i = 0; i < 4; i++) {
            assertTrue(bindable(loopback, ports[i]), "port " + ports[i] + " is still held after the kernel gave up");
        }
    }

    /** Whether the port can be bound again within a few seconds (JeroMQ closes sockets on its own thread). */
    private static boolean bindable(InetAddress address, int port) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(address, port));
                return true;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        return false;
    }
}
