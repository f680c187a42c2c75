package dev.jotter.kernel.cli.teaching;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jotter assign SOURCE.ipynb... -o release/}: writes the student version of each source
 * notebook: solutions replaced by a stub that compiles and throws, hidden tests removed, outputs
 * cleared, test and locked cells read-only.
 */
@Command(name = "assign", sortOptions = false,
        description = {"Write the student version of source notebooks: solutions replaced by a stub that compiles and throws"
                + " (// YOUR CODE HERE), hidden tests removed, outputs cleared, test and locked cells read-only. See docs/teaching.md."})
public final class AssignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SOURCE.ipynb", description = "source notebooks with solutions and nbgrader metadata")
    List<Path> sources;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "the release folder (created if missing)")
    Path output;

    /** Created by picocli. */
    public AssignCommand() {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(output);
        for (Path source : sources) {
            if (source.toAbsolutePath().normalize().getParent().equals(output.toAbsolutePath().normalize())) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "-o " + output + " is the folder of "
                        + source + ": the release would overwrite the source; pass another folder, e.g. -o release/");
            }
            JsonObject released;
            try {
                released = Exercises.release(Exercises.read(source));
            } catch (Exercises.MarkupException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), source + ": " + e.getMessage());
            }
            Path target = output.resolve(source.getFileName());
            Files.writeString(target, NOTEBOOK_JSON.toJson(released) + "\n");
            List<Exercises.Cell> graded = Exercises.graded(Exercises.read(source));
            double points = graded.stream().mapToDouble(Exercises.Cell::points).sum();
            long tests = graded.stream().filter(c -> c.kind() == Exercises.Kind.TESTS).count();
            out.printf("%s -> %s (%d test cells, %s points)%n", source, target, tests, Exercises.formatPoints(points));
        }
        out.flush();
        return 0;
    }

    /** As jotter run writes notebooks: pretty, nulls kept (nbformat needs execution_count), no HTML escapes. */
    static final com.google.gson.Gson NOTEBOOK_JSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().setPrettyPrinting().create();
}
