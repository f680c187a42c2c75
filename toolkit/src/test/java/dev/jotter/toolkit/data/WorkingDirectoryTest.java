package dev.jotter.toolkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.toolkit.train.ClassicRegression;
import dev.jotter.toolkit.train.LinearModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relative paths given to the toolkit's readers and writers resolve in the folder the kernel
 * sets (the notebook's), not in the JVM's working directory, which a JVM cannot change.
 */
class WorkingDirectoryTest {
    @TempDir
    Path dir;

    @AfterEach
    void backToTheJvmsFolder() {
        System.clearProperty(WorkingDirectory.PROPERTY);
    }

    @Test
    void withoutASettingItIsTheJvmsWorkingDirectory() {
        System.clearProperty(WorkingDirectory.PROPERTY);
        assertEquals(Path.of("").toAbsolutePath(), WorkingDirectory.get());
        assertEquals(Path.of("").toAbsolutePath().resolve("a.csv"), WorkingDirectory.resolve("a.csv"));
    }

    @Test
    void relativePathsResolveInTheSetFolderAndAbsoluteOnesStayAsTheyAre() throws Exception {
        Files.createDirectories(dir.resolve("nb/sub"));
        WorkingDirectory.set(dir.resolve("nb"));
        assertEquals(dir.resolve("nb/homes.csv"), WorkingDirectory.resolve("homes.csv"));
        assertEquals(dir.resolve("x.csv"), WorkingDirectory.resolve(dir.resolve("x.csv")));
        // A relative folder moves from the current one, as cd does.
        WorkingDirectory.set(Path.of("sub"));
        assertEquals(dir.resolve("nb/sub"), WorkingDirectory.get());
        WorkingDirectory.set(Path.of(".."));
        assertEquals(dir.resolve("nb"), WorkingDirectory.get());
    }

    @Test
    void dataReadersAndModelSaveAndLoadUseTheSetFolder() throws Exception {
        Files.writeString(dir.resolve("homes.csv"), "rooms,price\n3,250\n4,310\n5,380\n");
        Files.writeString(dir.resolve("homes.json"), "[{\"rooms\": 3}, {\"rooms\": 4}]");
        assertTrue(Files.notExists(Path.of("homes.csv")), "the JVM's folder must not hold the file");
        WorkingDirectory.set(dir);

        assertEquals(3, Data.csv("homes.csv").rowCount());
        assertEquals(3, Data.csv(Path.of("homes.csv")).rowCount());
        assertEquals(2, Data.json("homes.json").rowCount());

        LinearModel m = ClassicRegression.ols().build().fit(new double[][] {{3}, {4}, {5}, {6}}, new double[] {250, 310, 380, 430});
        m.save(Path.of("model"));
        assertTrue(Files.isRegularFile(dir.resolve("model/model.properties")));
        assertArrayEquals(m.coefficients(), LinearModel.load(Path.of("model")).coefficients(), 0);
    }

    @Test
    void aMissingFileNamesTheFolderItWasLookedFor() {
        WorkingDirectory.set(dir);
        var e = assertThrows(IllegalArgumentException.class, () -> Data.csv("nope.csv"));
        assertTrue(e.getMessage().startsWith("No file " + dir.resolve("nope.csv")), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }
}
