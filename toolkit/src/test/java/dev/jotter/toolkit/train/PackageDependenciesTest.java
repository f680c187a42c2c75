package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The training package never depends on the plot package (plot depends on train: the progress
 * bar is a training listener). Read from the compiled classes, so that a fully qualified name
 * without an import counts too.
 */
class PackageDependenciesTest {

    private static final String PLOT = "dev/jotter/toolkit/plot/";

    @Test
    void noTrainClassNamesAPlotClass() throws Exception {
        Path train = classes().resolve("dev/jotter/toolkit/train");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(train)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertTrue(files.size() > 40, "found the compiled train classes in " + train + ": " + files.size());
        List<String> offenders = files.stream().filter(p -> names(p, PLOT)).map(p -> train.relativize(p).toString()).toList();
        assertEquals(List.of(), offenders, "train classes that name a class of dev.jotter.toolkit.plot");
    }

    @Test
    void theScanSeesAReferenceWhereThereIsOne() throws Exception {
        // The plot package's progress bar implements TrainingListener: the scan must find that name.
        assertTrue(names(classes().resolve("dev/jotter/toolkit/plot/TrainingProgress.class"), "dev/jotter/toolkit/train/"));
    }

    private static Path classes() throws URISyntaxException {
        return Path.of(DefaultListeners.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Class names sit in the constant pool as (modified) UTF-8, which for ASCII names is the name's bytes. */
    private static boolean names(Path classFile, String packagePath) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(packagePath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
