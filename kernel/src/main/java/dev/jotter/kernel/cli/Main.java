package dev.jotter.kernel.cli;

import dev.jotter.kernel.protocol.ConnectionInfo;
import dev.jotter.kernel.protocol.Kernel;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/**
 * The {@code jotter} command line, one picocli parser for every subcommand: {@code kernel} (what
 * Jupyter runs), {@code install} and {@code uninstall} (the kernelspec), {@code run} (execute
 * notebooks headlessly), and the hidden {@code aot-training} that install runs.
 *
 * <p>Every subcommand gets {@code -h}/{@code --help}, both {@code --opt value} and
 * {@code --opt=value}, and the same error form, exit status 2:
 * {@code jotter install: unknown option '--foo'. Run 'jotter install --help'.}
 *
 * <p>A new subcommand is a class annotated {@code @Command(name = "...", description = "...")}
 * that implements {@code Callable<Integer>} (the exit status), listed in {@link Jotter}'s
 * {@code subcommands}: that one line is all the registration. It may take
 * {@code @ParentCommand Main.Jotter jotter} for the output streams ({@link Jotter#out()},
 * {@link Jotter#err()}), and it throws {@link UsageException} for a mistake in what was typed.
 */
public final class Main {
    private Main() {}

    /**
     * Entry point, called by {@link Launcher} once it has checked the Java version.
     *
     * @param args a subcommand and its arguments; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        String kernelFile = kernelLaunch(args);
        System.exit(kernelFile != null ? KernelCommand.start(kernelFile, System.err) : run(args, System.out, System.err));
    }

    /**
     * The one form kernel.json's argv runs, {@code kernel FILE}, read without picocli: building
     * picocli's model of every command (annotations read by reflection, about 200 classes) costs
     * about 0.35 s of CPU on a 2-core machine without a class cache ({@code jotter --help}: 0.46 s
     * against 0.11 s for the hand-written parser it replaced), which a kernel start should not pay.
     * This way the kernel loads no picocli class at all. Any other form of {@code jotter kernel} ({@code -f FILE},
     * {@code --help}, a mistake) goes through picocli like every other command.
     *
     * @param args the command line
     * @return the connection file when the command line is exactly {@code kernel FILE}, else null
     */
    static String kernelLaunch(String[] args) {
        return args.length == 2 && args[0].equals("kernel") && !args[1].startsWith("-") ? args[1] : null;
    }

    /**
     * Runs one command line without ending the JVM.
     *
     * @param args a subcommand and its arguments
     * @param out where results and help go
     * @param err where errors go
     * @return the exit status: 0 done, 1 failed, 2 a usage mistake
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return commandLine(out, err).execute(args);
    }

    /**
     * @param out where results and help go
     * @param err where errors go
     * @param more subcommands beyond {@link Jotter}'s list (for tests)
     * @return the whole command line, ready to {@linkplain CommandLine#execute execute}
     */
    static CommandLine commandLine(PrintStream out, PrintStream err, Object... more) {
        CommandLine cli = new CommandLine(new Jotter(out, err));
        for (Object command : more) {
            // Before the settings below: picocli hands them to the subcommands it has at the time.
            cli.addSubcommand(command);
        }
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        // As the hand-written parsers did: a flag or option given twice is not a mistake, the last one counts.
        cli.setOverwrittenOptionsAllowed(true);
        // An argument starting with @ stays itself: --jvm-opt @file is the JVM's own argument file, for the kernel's JVM to read.
        cli.setExpandAtFiles(false);
        cli.setParameterExceptionHandler((e, args) -> usageError(e.getCommandLine(), describe(e, args)));
        cli.setExecutionExceptionHandler((e, command, parsed) -> e instanceof UsageException
                ? usageError(command, e.getMessage())
                : failure(command.getCommandSpec().qualifiedName(), e, command.getErr()));
        return cli;
    }

    /** Prints a command's failure (not a usage mistake) in the one form they share, and gives its exit status. */
    static int failure(String command, Exception e, PrintWriter err) {
        String what = e instanceof java.nio.file.NoSuchFileException f ? "no such file: " + f.getFile()
                : e.getMessage() == null ? e.toString() : e.getMessage();
        err.println(command + ": " + what);
        return 1;
    }

    /** Prints a usage mistake in the one form all subcommands share, and gives its exit status. */
    private static int usageError(CommandLine command, String message) {
        String name = command.getCommandSpec().qualifiedName();
        String text = message.strip();
        if (!text.endsWith(".") && !text.endsWith("?")) {
            text += ".";
        }
        command.getErr().println(name + ": " + text + " Run '" + name + " --help'.");
        return 2;
    }

    /**
     * Says what picocli found wrong in the words of this command line: the offending argument
     * quoted, a close option name offered.
     *
     * @param e picocli's parse error
     * @param args the command line, to name an option as it was typed
     * @return the message, without the command's name
     */
    static String describe(CommandLine.ParameterException e, String[] args) {
        List<String> unmatched = e.getCommandLine().getUnmatchedArguments();
        if (!(e instanceof CommandLine.UnmatchedArgumentException) && !unmatched.isEmpty()) {
            // picocli reports a missing required argument before an unknown option; the unknown one,
            // a misspelling most often, is what to fix first.
            return describe(new CommandLine.UnmatchedArgumentException(e.getCommandLine(), unmatched), args);
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().getFirst();
            boolean hasSubcommands = !u.getCommandLine().getSubcommands().isEmpty();
            String what = arg.startsWith("-") ? "unknown option '" + arg + "'"
                    : hasSubcommands ? "unknown command '" + arg + "'" : "unexpected argument '" + arg + "'";
            List<String> close = u.getSuggestions().stream().filter(s -> !s.equals(arg)).limit(3).toList();
            return close.isEmpty() ? what : what + "; did you mean '" + String.join("' or '", close) + "'?";
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            ArgSpec missing = m.getMissing().getFirst();
            if (missing instanceof OptionSpec o) {
                String typed = null;
                for (String a : args) {
                    if (List.of(o.names()).contains(a)) {
                        typed = a;
                    }
                }
                if (typed == null) {
                    // Not on the line at all: a required option left out, not a value left out.
                    return "needs " + o.longestName() + " " + o.paramLabel() + " (required)";
                }
                String example = o.longestName().equals("--jvm-opt") ? "-Xmx2g" : o.paramLabel();
                return typed + " needs a value, e.g. " + typed + " " + example;
            }
            return "missing " + missing.paramLabel();
        }
        String text = e.getMessage();
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    /** A command-line mistake: the message says what was wrong and what to type instead. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message what was wrong, and what to do */
        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * The top command, {@code jotter}: it lists the subcommands and holds the output streams they
     * write to. Its help options are inherited by every subcommand.
     */
    @Command(name = "jotter", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = Version.class,
            sortOptions = false,
            description = {"Jotter, a Java kernel for Jupyter.", "Run 'jotter COMMAND --help' for a command's options."},
            subcommands = {
                KernelSpec.Install.class,
                KernelSpec.Uninstall.class,
                NotebookRunner.Run.class,
                KernelCommand.class,
                AotTraining.Command.class,
                dev.jotter.kernel.cli.teaching.AssignCommand.class,
                dev.jotter.kernel.cli.teaching.GradeCommand.class,
                VersionCommand.class,
                CommandLine.HelpCommand.class,
            })
    public static final class Jotter implements Runnable {
        private final PrintStream out;
        private final PrintStream err;

        Jotter(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        /** @return where a subcommand's results go */
        public PrintStream out() {
            return out;
        }

        /** @return where a subcommand's warnings and failures go */
        public PrintStream err() {
            return err;
        }

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** {@code jotter} alone: the list of commands. */
        @Override
        public void run() {
            spec.commandLine().usage(out);
        }
    }

    /** {@code jotter kernel CONNECTION_FILE}: what the {@code argv} of kernel.json runs. */
    @Command(name = "kernel", description = "Run as a kernel on a Jupyter connection file (Jupyter does this, from kernel.json).")
    static final class KernelCommand implements Callable<Integer> {
        @Option(names = {"-f", "--connection-file"}, paramLabel = "FILE", description = "the connection file, as ipykernel takes it")
        Path option;

        @Parameters(arity = "0..1", paramLabel = "CONNECTION_FILE", description = "the connection file Jupyter wrote")
        Path positional;

        @Override
        public Integer call() throws Exception {
            Path file = positional != null ? positional : option;
            if (file == null) {
                throw new UsageException("needs a connection file, e.g. jotter kernel kernel-1234.json (Jupyter passes {connection_file})");
            }
            return new Kernel(ConnectionInfo.read(file)).run();
        }

        /**
         * Starts the kernel as {@code jotter kernel FILE} does, without the parser ({@link #kernelLaunch}).
         *
         * @return the kernel's exit status, or 1 with the reason on {@code err} when it could not start
         */
        static int start(String file, PrintStream err) {
            try {
                return new Kernel(ConnectionInfo.read(Path.of(file))).run();
            } catch (Exception e) {
                return failure("jotter kernel", e, new PrintWriter(err, true));
            }
        }
    }

    /** {@code jotter version}, as {@code jotter --version}. */
    @Command(name = "version", hidden = true, description = "Print Jotter's version.")
    static final class VersionCommand implements Callable<Integer> {
        @ParentCommand
        Jotter jotter;

        @Override
        public Integer call() throws Exception {
            jotter.out().println(new Version().getVersion()[0]);
            return 0;
        }
    }

    /** The version line of {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jotter " + Kernel.version()};
        }
    }
}
