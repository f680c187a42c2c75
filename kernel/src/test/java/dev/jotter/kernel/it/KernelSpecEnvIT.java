package dev.jotter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * DJL's telemetry opt-out and offline switch live in the kernelspec itself (issue 21): the
 * kernel.json that {@code jotter install} writes sets them, and a kernel Jupyter starts from it has
 * them before any cell runs, so even a first cell that touches DJL directly does not call home.
 */
class KernelSpecEnvIT {

    private static final String RUN = """
            import sys
            from jupyter_client.manager import start_new_kernel
            km, kc = start_new_kernel(kernel_name="jotter", startup_timeout=120)
            try:
                # DJL's own check, in the first cell, before the toolkit has set anything.
                msg_id = kc.execute('System.getenv("OPT_OUT_TRACKING") + " " + System.getenv("DJL_OFFLINE") + " " + ai.djl.util.Utils.isOfflineMode()')
                while True:
                    m = kc.get_iopub_msg(timeout=120)
                    if m["parent_header"].get("msg_id") != msg_id:
                        continue
                    if m["msg_type"] in ("execute_result", "error"):
                        print(m["content"].get("data", {}).get("text/plain") or m["content"])
                    if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                        break
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
            """;

    @Test
    void kernelJsonSetsDjlOfflineAndTheTrackingOptOutAndTheKernelSeesThem() throws Exception {
        JupyterHarness.requireJupyter("jupyter_client");
        Path prefix = Files.createTempDirectory("jotter-env-prefix");
        Process install = new ProcessBuilder(JupyterHarness.javaBin(), "-jar", JupyterHarness.jar().toString(), "install",
                "--prefix", prefix.toString(), "--no-copy", "--no-aot").redirectErrorStream(true).start();
        String installLog = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, install.waitFor(), installLog);
        Path spec = prefix.resolve("share/jupyter/kernels/jotter/kernel.json");
        JsonObject env = JsonParser.parseString(Files.readString(spec)).getAsJsonObject().getAsJsonObject("env");
        assertEquals("true", env.get("OPT_OUT_TRACKING").getAsString(), env.toString());
        assertEquals("true", env.get("DJL_OFFLINE").getAsString(), env.toString());

        Path script = Files.writeString(Files.createTempFile("jotter-env", ".py"), RUN);
        ProcessBuilder pb = new ProcessBuilder(JupyterHarness.python(), script.toString()).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        pb.environment().put("JUPYTER_DATA_DIR", Files.createTempDirectory("jotter-empty-data").toString());
        // Whatever the machine running the tests sets must not be what the kernel reports.
        pb.environment().remove("OPT_OUT_TRACKING");
        pb.environment().remove("DJL_OFFLINE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("true true true"), out);
    }
}
