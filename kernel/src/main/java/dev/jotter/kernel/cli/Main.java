package dev.jotter.kernel.cli;

import dev.jotter.kernel.cli.teaching.Teaching;
import dev.jotter.kernel.protocol.ConnectionInfo;
import dev.jotter.kernel.protocol.Kernel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code jotter} command line: {@code kernel} (what Jupyter runs), {@code install} and
 * {@code uninstall} (the kernelspec), {@code run} (execute notebooks headlessly).
 */
public final class Main {
    private Main() {}

    /**
     * Entry point.
     *
     * @param args a command and its arguments; {@code help} lists them
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        if (wantsHelp(rest) && !TEACHING.contains(command)) {
            // "jotter install --help" is the usage, not an unknown option.
            command = "help";
        }
        int code;
        try {
            code = switch (command) {
                case "kernel" -> kernel(rest);
                case "install" -> KernelSpec.install(rest, System.out);
                case "uninstall" -> KernelSpec.uninstall(rest, System.out);
                case "run" -> NotebookRunner.main(rest, System.out, System.err);
                // picocli commands (their own --help): a picocli jotter command adds Teaching.COMMANDS as subcommands instead.
                case "assign", "grade" -> Teaching.run(command, rest, System.out, System.err);
                case "aot-training" -> AotTraining.run();
                case "--version", "version" -> {
                    System.out.println("jotter " + Kernel.version());
                    yield 0;
                }
                case "help", "--help", "-h" -> {
                    usage(System.out);
                    yield 0;
                }
                default -> {
                    System.err.println("Unknown command '" + command + "'.");
                    usage(System.err);
                    yield 2;
                }
            };
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.err.println("error: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    /** The commands that parse their own arguments with picocli, --help included. */
    private static final List<String> TEACHING = List.of("assign", "grade");

    /**
     * @param args a command's arguments
     * @return whether they ask for the usage ({@code --help} or {@code -h})
     */
    static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /** A command-line mistake: the message says what was wrong and what to type instead. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message what was wrong, and what to do */
        public UsageException(String message) {
            super(message);
        }
    }

    private static int kernel(List<String> args) throws Exception {
        String file = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-f") || a.equals("--connection-file")) && i + 1 < args.size()) {
                file = args.get(++i);
            } else if (!a.startsWith("-")) {
                file = a;
            }
        }
        if (file == null) {
            throw new UsageException("jotter kernel needs a connection file: jotter kernel {connection_file}");
        }
        return new Kernel(ConnectionInfo.read(Path.of(file))).run();
    }

    private static void usage(PrintStream out) {
        out.println("""
                jotter %s - a Java kernel for Jupyter

                usage:
                  jotter install [--user | --sys-prefix | --prefix DIR] [--name NAME] [--display-name TEXT] [--jvm-opt OPT]... [--no-copy] [--no-aot] [--ijava]
                                 [--torch-library DIR]
                                                 write the kernelspec so Jupyter can start this kernel;
                                                 --ijava also installs it as "java", the name IJava notebooks ask for;
                                                 --torch-library: a CUDA libtorch's lib folder for the GPU
                  jotter uninstall [--user | --sys-prefix | --prefix DIR] [--name NAME]   (removes the --ijava spec too)
                  jotter run NOTEBOOK.ipynb|DIR [-o OUT.ipynb|DIR] [--param k=v]... [--timeout SECONDS] [--log-output] [--allow-errors]
                                                 execute notebooks headlessly, no Jupyter needed
                  jotter assign SOURCE.ipynb... -o RELEASE_DIR
                                                 the student version: solutions stubbed, hidden tests removed (docs/teaching.md)
                  jotter grade SUBMISSIONS_DIR --source SOURCE.ipynb [-o DIR] [--jobs N] [--time-limit S] [--memory 1g]
                                                 grade every submission in its own JVM: grades.csv and feedback notebooks
                  jotter kernel CONNECTION_FILE  run as a kernel (Jupyter does this)
                  jotter --version""".formatted(Kernel.version()));
    }
}
