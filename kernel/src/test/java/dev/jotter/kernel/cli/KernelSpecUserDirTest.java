package dev.jotter.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code install --user} writes where Jupyter looks on each platform (jupyter_core's jupyter_data_dir). */
class KernelSpecUserDirTest {

    static final Path HOME = Path.of("/home/student");

    static Path dir(String os, Map<String, String> env) {
        return KernelSpec.userDir(os, env::get, HOME);
    }

    @Test
    void linuxUsesXdgDataHome() {
        assertEquals(HOME.resolve(".local/share/jupyter/kernels"), dir("Linux", Map.of()));
        assertEquals(Path.of("/data/jupyter/kernels"), dir("Linux", Map.of("XDG_DATA_HOME", "/data")));
    }

    @Test
    void macOsUsesLibraryJupyter() {
        assertEquals(HOME.resolve("Library/Jupyter/kernels"), dir("Mac OS X", Map.of()));
    }

    @Test
    void windowsUsesAppData() {
        assertEquals(Path.of("/Users/student/AppData/Roaming/jupyter/kernels"),
                dir("Windows 11", Map.of("APPDATA", "/Users/student/AppData/Roaming")));
        assertEquals(HOME.resolve("AppData").resolve("Roaming").resolve("jupyter").resolve("kernels"), dir("Windows 10", Map.of()));
    }

    @Test
    void jupyterDataDirWinsEverywhere() {
        for (String os : new String[] {"Linux", "Mac OS X", "Windows 11"}) {
            assertEquals(Path.of("/srv/jupyter/kernels"), dir(os, Map.of("JUPYTER_DATA_DIR", "/srv/jupyter", "APPDATA", "/x")), os);
        }
    }
}
