package dev.jotter.kernel.cli.teaching;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jotter grade SUBMISSIONS_DIR --source SOURCE.ipynb}: grades every submission in its own
 * JVM with the source's test cells, and writes grades.csv and one feedback notebook per student.
 */
@Command(name = "grade", sortOptions = false,
        description = {"Grade every submission in SUBMISSIONS_DIR (a folder per student, or one notebook per student) against"
                + " the source's test cells, each in a JVM of its own with a time and memory limit, several at once."
                + " Writes grades.csv (student, exercise, points, max_points, status) and a feedback notebook per student."
                + " See docs/teaching.md."})
public final class GradeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBMISSIONS_DIR", description = "a folder per student holding their notebook, or one notebook per student")
    Path submissions;

    @Option(names = "--source", required = true, paramLabel = "SOURCE.ipynb", description = "the teacher's notebook, with solutions and hidden tests")
    Path source;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "graded",
            description = "where grades.csv and the feedback notebooks go (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "submissions graded at once (default: the cores, ${sys:jotter.cores})")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "600",
            description = "wall-clock limit of one submission's whole run (default: ${DEFAULT-VALUE})")
    long timeLimit;

    @Option(names = "--cell-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "limit of each cell; a cell past it is interrupted and the next one runs (default: ${DEFAULT-VALUE})")
    long cellTimeout;

    @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "1g", description = "heap limit of each submission's JVM, as -Xmx (default: ${DEFAULT-VALUE})")
    String memory;

    @Option(names = "--jvm-opt", paramLabel = "OPT", description = "another option for each submission's JVM (repeatable)")
    List<String> jvmOptions = new ArrayList<>();

    /** Created by picocli. */
    public GradeCommand() {
        System.setProperty("jotter.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(submissions)) {
            throw new ParameterException(spec.commandLine(), "SUBMISSIONS_DIR '" + submissions + "' is not a folder: pass the folder that holds the students' notebooks");
        }
        if (!Files.isRegularFile(source)) {
            throw new ParameterException(spec.commandLine(), "--source '" + source + "' is not a file: pass the teacher's notebook");
        }
        if (jobs < 1 || timeLimit < 1 || cellTimeout < 0) {
            throw new ParameterException(spec.commandLine(), "--jobs and --time-limit must be at least 1, --cell-timeout at least 0");
        }
        if (!memory.matches("\\d+[kKmMgG]?")) {
            throw new ParameterException(spec.commandLine(), "--memory expects a size as -Xmx takes it, e.g. 1g or 768m; got '" + memory + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        Grader grader;
        try {
            grader = new Grader(source, new Grader.Settings(output, jobs, timeLimit, cellTimeout, memory, jvmOptions), out);
        } catch (Exercises.MarkupException e) {
            throw new ParameterException(spec.commandLine(), source + ": " + e.getMessage());
        }
        List<Grader.Row> rows = grader.grade(submissions);
        out.printf("%d students graded -> %s%n", Grader.totals(rows).size(), output.resolve("grades.csv"));
        out.flush();
        return 0;
    }
}
