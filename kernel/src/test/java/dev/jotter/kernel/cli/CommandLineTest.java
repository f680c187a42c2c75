package dev.jotter.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code jotter} command line as a user meets it: help for every subcommand, both option
 * spellings, and the one error form (status 2, the command's name, the offending argument, the
 * help to read). Every subcommand registered in {@link Main.Jotter}, hidden ones and any added
 * later included, is checked by the loops here without a line more.
 */
class CommandLineTest {
    @TempDir
    Path tmp;

    /** What one command line printed and returned. */
    record Result(int status, String out, String err) {}

    static Result jotter(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every subcommand's name, hidden ones too, as the command line registers them. */
    static List<String> subcommands() {
        List<String> names = new ArrayList<>(Main.commandLine(System.out, System.err).getSubcommands().keySet());
        names.remove("help");
        return names;
    }

    @Test
    void theSubcommandsAreTheOnesJotterHadAndEachHasADescription() {
        assertTrue(subcommands().containsAll(List.of("install", "uninstall", "run", "kernel", "aot-training", "version")), subcommands()::toString);
        for (Map.Entry<String, CommandLine> c : Main.commandLine(System.out, System.err).getSubcommands().entrySet()) {
            assertTrue(c.getValue().getCommandSpec().usageMessage().description().length > 0, c.getKey() + " has no description");
        }
    }

    @Test
    void everySubcommandAnswersHelpInBothSpellingsAndThroughHelp() {
        for (String name : subcommands()) {
            for (List<String> args : List.of(List.of(name, "--help"), List.of(name, "-h"), List.of("help", name))) {
                Result r = jotter(args.toArray(String[]::new));
                assertEquals(0, r.status(), args + ": " + r.err());
                assertTrue(r.out().startsWith("Usage: jotter " + name), args + ":\n" + r.out());
                assertEquals("", r.err(), args.toString());
            }
        }
    }

    @Test
    void helpAfterOtherArgumentsIsStillHelp() {
        Result r = jotter("install", "--user", "--name", "course", "--help");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("Usage: jotter install"), r.out());
        r = jotter("run", "no-such.ipynb", "-h");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("Usage: jotter run"), r.out());
    }

    @Test
    void jotterAloneListsTheCommandsButNotTheInternalOnes() {
        for (Result r : List.of(jotter(), jotter("--help"), jotter("help"))) {
            assertEquals(0, r.status(), r.err());
            for (String visible : List.of("install", "uninstall", "run", "kernel")) {
                assertTrue(r.out().contains("  " + visible + " "), visible + " missing from:\n" + r.out());
            }
            assertFalse(r.out().contains("aot-training"), r.out());
        }
    }

    @Test
    void versionInBothForms() {
        assertEquals(jotter("--version").out(), jotter("version").out());
        assertTrue(jotter("--version").out().startsWith("jotter "), jotter("--version").out());
    }

    @Test
    void anUnknownOptionIsOneLineWithTheCommandAndItsHelp() {
        for (String name : subcommands()) {
            Result r = jotter(name, "--frobnicate");
            assertEquals(2, r.status(), name);
            assertEquals("jotter " + name + ": unknown option '--frobnicate'. Run 'jotter " + name + " --help'.", r.err().strip());
            assertEquals("", r.out(), name);
        }
    }

    @Test
    void aMisspeltOptionOrCommandIsNamedWithTheCloseOne() {
        Result r = jotter("install", "--nam", "x");
        assertEquals(2, r.status());
        assertEquals("jotter install: unknown option '--nam'; did you mean '--name'? Run 'jotter install --help'.", r.err().strip());
        r = jotter("instal", "--user");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("jotter: unknown command 'instal'; did you mean 'install'"), r.err());
        assertTrue(r.err().strip().endsWith("Run 'jotter --help'."), r.err());
    }

    @Test
    void aMissingValueNamesTheOptionAndWhatGoesThere() {
        for (List<String> args : List.of(List.of("install", "--name"), List.of("install", "--jvm-opt"), List.of("uninstall", "--prefix"),
                List.of("run", "a.ipynb", "-o"), List.of("run", "a.ipynb", "--timeout"), List.of("kernel", "-f"))) {
            Result r = jotter(args.toArray(String[]::new));
            String command = "jotter " + args.getFirst();
            assertEquals(2, r.status(), args.toString());
            assertTrue(r.err().startsWith(command + ": " + args.getLast()) && r.err().contains(" needs a value, e.g. "), r.err());
            assertTrue(r.err().strip().endsWith("Run '" + command + " --help'."), r.err());
        }
        // An option's name where its value belongs is a missing value too, not the value.
        Result r = jotter("install", "--name", "--user");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("jotter install: --name needs a value"), r.err());
    }

    @Test
    void installOptionsTakeBothSpellings() throws Exception {
        KernelSpec.Options spaced = KernelSpec.parse(List.of("--prefix", tmp.toString(), "--name", "course", "--display-name", "Java for the course",
                "--jvm-opt", "-Xmx2g", "--jvm-opt", "-Djotter.jshell=plain", "--no-copy", "--no-aot", "--ijava"));
        KernelSpec.Options joined = KernelSpec.parse(List.of("--prefix=" + tmp, "--name=course", "--display-name=Java for the course",
                "--jvm-opt=-Xmx2g", "--jvm-opt=-Djotter.jshell=plain", "--no-copy", "--no-aot", "--ijava"));
        assertEquals(spaced, joined);
        assertEquals(tmp.resolve("share/jupyter/kernels"), joined.kernelsDir());
        assertEquals(List.of("-Xmx2g", "-Djotter.jshell=plain"), joined.jvmOpts());
        assertEquals("Java for the course", joined.displayName());
        assertFalse(joined.copyJar() || joined.aot());
        KernelSpec.Options defaults = KernelSpec.parse(List.of("--prefix", tmp.toString()));
        assertEquals("jotter", defaults.name());
        assertEquals("Java (Jotter)", defaults.displayName());
        assertTrue(defaults.copyJar() && defaults.aot() && !defaults.ijava());
    }

    @Test
    void anArgumentFileIsPassedOnNotRead() throws Exception {
        java.nio.file.Files.writeString(tmp.resolve("opts"), "--no-aot\n");
        Result r = jotter("install", "--prefix", tmp.toString(), "--jvm-opt", "@" + tmp.resolve("opts"), "--name", "a b");
        // Had picocli read the file, --jvm-opt would have taken "--no-aot"; it reaches the name check instead.
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("jotter install: kernel name 'a b'"), r.err());
        assertEquals(List.of("@opts"), KernelSpec.parse(List.of("--prefix", tmp.toString(), "--jvm-opt", "@opts")).jvmOpts());
    }

    @Test
    void runOptionsTakeBothSpellings() {
        NotebookRunner.Run spaced = parse(new NotebookRunner.Run(), "a.ipynb", "-o", "out", "--param", "epochs=2", "-p", "lr=0.1",
                "--timeout", "30", "--log-output", "b");
        NotebookRunner.Run joined = parse(new NotebookRunner.Run(), "a.ipynb", "--output=out", "--param=epochs=2", "-p=lr=0.1",
                "--timeout=30", "--log-output", "b");
        for (NotebookRunner.Run r : List.of(spaced, joined)) {
            assertEquals(List.of(Path.of("a.ipynb"), Path.of("b")), r.inputs);
            assertEquals(Path.of("out"), r.output);
            assertEquals(List.of("epochs=2", "lr=0.1"), r.params);
            assertEquals("30", r.timeout);
            assertTrue(r.logOutput);
        }
        assertEquals(Path.of("out"), parse(new NotebookRunner.Run(), "a.ipynb", "-oout").output);
    }

    @Test
    void kernelTakesTheFileAsJupyterAndIpykernelPassIt() {
        for (String[] args : List.of(new String[] {"k.json"}, new String[] {"-f", "k.json"}, new String[] {"--connection-file=k.json"},
                new String[] {"--connection-file", "k.json"})) {
            Main.KernelCommand k = parse(new Main.KernelCommand(), args);
            assertEquals(Path.of("k.json"), k.positional != null ? k.positional : k.option, String.join(" ", args));
        }
    }

    @Test
    void theKernelJsonFormSkipsTheParserAndMeansWhatTheParserWouldRead() {
        assertEquals("/run/user/1000/jupyter/kernel-1.json", Main.kernelLaunch(new String[] {"kernel", "/run/user/1000/jupyter/kernel-1.json"}));
        assertEquals(Path.of("/run/user/1000/jupyter/kernel-1.json"), parse(new Main.KernelCommand(), "/run/user/1000/jupyter/kernel-1.json").positional);
        for (String[] other : List.of(new String[] {"kernel", "--help"}, new String[] {"kernel", "-f", "k.json"}, new String[] {"kernel"},
                new String[] {"run", "k.json"}, new String[] {"kernel", "a", "b"})) {
            assertNull(Main.kernelLaunch(other), String.join(" ", other));
        }
    }

    @Test
    void aKernelThatCannotStartSaysSoTheSameWayOnBothPaths() {
        String missing = tmp.resolve("kernel-gone.json").toString();
        Result parsed = jotter("kernel", "-f", missing);
        assertEquals(1, parsed.status());
        assertEquals("jotter kernel: no such file: " + missing, parsed.err().strip());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, Main.KernelCommand.start(missing, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals(parsed.err(), err.toString(StandardCharsets.UTF_8));
        Result none = jotter("kernel");
        assertEquals(2, none.status());
        assertTrue(none.err().startsWith("jotter kernel: needs a connection file"), none.err());
    }

    @Test
    void installRefusesTwoPlacesAtOnce() {
        Result r = jotter("install", "--user", "--prefix", tmp.toString(), "--no-copy", "--no-aot");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("jotter install: --user, --sys-prefix and --prefix each say where the kernelspec goes; give one of them."), r.err());
    }

    @Test
    void anUnexpectedArgumentIsNamed() {
        Result r = jotter("uninstall", "jotter");
        assertEquals(2, r.status());
        assertEquals("jotter uninstall: unexpected argument 'jotter'. Run 'jotter uninstall --help'.", r.err().strip());
    }

    /** A subcommand as a later one (jotter assign, jotter grade) is written: its class, and one line to register it. */
    @CommandLine.Command(name = "grade-demo", description = "Grade a folder of notebooks (a stand-in for a later subcommand).")
    static final class GradeDemo implements java.util.concurrent.Callable<Integer> {
        @CommandLine.ParentCommand
        Main.Jotter jotter;

        @CommandLine.Parameters(arity = "1", paramLabel = "FOLDER", description = "the submissions")
        Path folder;

        @CommandLine.Option(names = "--points", paramLabel = "N", description = "the most points")
        int points = 10;

        @Override
        public Integer call() throws Exception {
            if (points <= 0) {
                throw new Main.UsageException("--points expects a positive number, found " + points);
            }
            jotter.out().println("graded " + folder + " out of " + points);
            return 0;
        }
    }

    @Test
    void aSubcommandAddedLaterGetsHelpBothSpellingsAndTheErrorFormWithoutMoreCode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // Added here as Main.Jotter's subcommands list adds it, where registering it is one line: GradeDemo.class.
        CommandLine cli = Main.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new GradeDemo());

        assertEquals(0, cli.execute("grade-demo", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: jotter grade-demo [-hV] [--points=N] FOLDER"), out::toString);
        out.reset();
        assertEquals(0, cli.execute("grade-demo", "subs", "--points", "7"));
        assertEquals(0, cli.execute("grade-demo", "--points=7", "subs"));
        assertEquals("graded subs out of 7\ngraded subs out of 7\n", out.toString(StandardCharsets.UTF_8));

        for (String[] args : List.of(new String[] {"grade-demo", "--frobnicate"}, new String[] {"grade-demo"},
                new String[] {"grade-demo", "subs", "--points"}, new String[] {"grade-demo", "subs", "--points", "many"},
                new String[] {"grade-demo", "subs", "--points=0"})) {
            err.reset();
            assertEquals(2, cli.execute(args), String.join(" ", args));
            String text = err.toString(StandardCharsets.UTF_8);
            assertTrue(text.startsWith("jotter grade-demo: ") && text.strip().endsWith("Run 'jotter grade-demo --help'."), text);
        }
        err.reset();
        cli.execute("grade-demo", "--frobnicate");
        assertEquals("jotter grade-demo: unknown option '--frobnicate'. Run 'jotter grade-demo --help'.", err.toString(StandardCharsets.UTF_8).strip());
    }

    private static <T> T parse(T command, String... args) {
        new CommandLine(command).setOverwrittenOptionsAllowed(true).parseArgs(args);
        return command;
    }
}
