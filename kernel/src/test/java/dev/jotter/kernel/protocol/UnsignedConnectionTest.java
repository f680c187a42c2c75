package dev.jotter.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An empty key turns signing off: the kernel says so in its log, naming the ports (issue 21). */
class UnsignedConnectionTest {

    @TempDir
    Path dir;

    private ConnectionInfo connection(String key) throws Exception {
        Path file = dir.resolve("kernel-" + key.length() + ".json");
        Files.writeString(file, """
                {"transport": "tcp", "ip": "127.0.0.1", "shell_port": 5001, "control_port": 5002, "stdin_port": 5003,
                 "iopub_port": 5004, "hb_port": 5005, "key": "KEY", "signature_scheme": "hmac-sha256"}
                """.replace("KEY", key));
        return ConnectionInfo.read(file);
    }

    @Test
    void anEmptyKeyIsWarnedAbout() throws Exception {
        String warning = Kernel.unsignedWarning(connection(""));
        assertTrue(warning.contains("not signed") && warning.contains("127.0.0.1 (ports 5001, 5002, 5003, 5004, 5005)"), warning);
    }

    @Test
    void aKeyGivesNoWarning() throws Exception {
        assertNull(Kernel.unsignedWarning(connection("0123abcd")));
    }
}
