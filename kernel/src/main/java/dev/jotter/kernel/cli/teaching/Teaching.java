package dev.jotter.kernel.cli.teaching;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/**
 * The hook from today's {@code jotter} dispatch into the picocli commands {@code assign} and
 * {@code grade}; a picocli {@code jotter} command registers {@link AssignCommand} and
 * {@link GradeCommand} as subcommands instead.
 */
public final class Teaching {
    private Teaching() {}

    /** The teaching commands, for a picocli top-level command: {@code addSubcommand} each. */
    public static final List<Class<?>> COMMANDS = List.of(AssignCommand.class, GradeCommand.class);

    /**
     * Runs {@code assign} or {@code grade}.
     *
     * @param command "assign" or "grade"
     * @param args its arguments
     * @param out where output and help go
     * @param err where errors go
     * @return the exit status: 0, 1 for a failure, 2 for a usage mistake
     */
    public static int run(String command, List<String> args, PrintStream out, PrintStream err) {
        Object cmd = switch (command) {
            case "assign" -> new AssignCommand();
            case "grade" -> new GradeCommand();
            default -> throw new IllegalArgumentException("not a teaching command: " + command + "; expected assign or grade");
        };
        CommandLine cl = new CommandLine(cmd)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    line.getErr().println("error: " + e.getMessage());
                    return 1;
                });
        cl.setCommandName("jotter " + command);
        return cl.execute(args.toArray(String[]::new));
    }
}
