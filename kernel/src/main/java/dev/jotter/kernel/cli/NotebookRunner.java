package dev.jotter.kernel.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.jotter.kernel.session.Session;
import dev.jotter.kernel.display.OutputRouter;
import dev.jotter.kernel.display.Renderers;
import dev.jotter.kernel.protocol.Json;
import dev.jotter.kernel.protocol.Kernel;
import dev.jotter.kernel.session.CellOutput;
import dev.jotter.kernel.session.CellResult;
import dev.jotter.api.JavaSource;
import dev.jotter.magics.NotebookFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jotter run}: executes notebooks with the embedded kernel (no Jupyter, no Python) and
 * writes a valid nbformat 4 notebook with every output: text, HTML tables, PNG charts.
 *
 * <p>Parameters work as in papermill: {@code --param epochs=2} adds a cell that declares
 * {@code var epochs = 2;} right after the cell tagged {@code parameters} (or first, if none).
 * The output file is written atomically, also when a cell fails, so a failed run leaves the
 * notebook with its error to read and never a half-written file. As in nbclient, a cell tagged
 * {@code raises-exception} may throw: its error is kept in its outputs and the run goes on.
 *
 * <p>As under Jupyter, a notebook runs with its own folder as the working folder: one outside the
 * folder {@code jotter run} started in runs, with the other notebooks of its folder, in a JVM started
 * in that folder (one more JVM start per folder, see docs/ijava-compatibility.md), so that Java's
 * relative paths resolve there.
 */
public final class NotebookRunner {
    /** The standard cell tag (nbclient, papermill) of a cell that is allowed to throw. */
    static final String RAISES_EXCEPTION = "raises-exception";

    private final PrintStream log;
    private final Map<String, String> params;
    private final long timeoutSeconds;
    private boolean logOutput;
    private boolean allowErrors;

    /**
     * @param log where progress goes
     * @param params papermill-style parameters
     * @param timeoutSeconds per-cell time limit, 0 for none
     */
    public NotebookRunner(PrintStream log, Map<String, String> params, long timeoutSeconds) {
        this.log = log;
        this.params = Map.copyOf(params);
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Also prints each cell's text output (stdout, stderr) to the progress log after the cell,
     * as papermill's {@code --log-output} does: useful in CI logs and build scripts.
     *
     * @param on whether to print cell output
     * @return this runner
     */
    public NotebookRunner logOutput(boolean on) {
        this.logOutput = on;
        return this;
    }

    /**
     * Runs every cell whatever the cells before it did, as nbconvert's {@code --allow-errors}: a
     * cell that throws or times out keeps its error in its outputs and the next cell runs. The
     * outcome is still a failure when a cell failed. {@code jotter grade} runs submissions so.
     *
     * @param on whether to go on after a failing cell
     * @return this runner
     */
    public NotebookRunner allowErrors(boolean on) {
        this.allowErrors = on;
        return this;
    }

    /** What running one notebook gave. */
    public record Outcome(Path output, int cells, boolean ok, String failure) {}

    /** {@code jotter run}. */
    @Command(name = "run", description = "Execute notebooks headlessly, no Jupyter needed, and save them with their outputs.")
    static final class Run implements Callable<Integer> {
        @ParentCommand
        Main.Jotter jotter;

        @Parameters(paramLabel = "NOTEBOOK|DIR", arity = "0..*", description = "notebooks (.ipynb) or folders; a folder runs every notebook in it")
        List<Path> inputs = new ArrayList<>();

        @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "where the executed notebook goes (a folder for several; default: NAME.out.ipynb beside each)")
        Path output;

        @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "a papermill-style parameter, injected after the cell tagged 'parameters'; repeat for more")
        List<String> params = new ArrayList<>();

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "stop a cell that runs longer (default: no limit)")
        String timeout;

        @Option(names = "--log-output", description = "also print each cell's text output to the progress log")
        boolean logOutput;

        @Option(names = "--allow-errors", description = "run every cell even after one fails (as nbclient's allow_errors; jotter grade uses it)")
        boolean allowErrors;

        @Override
        public Integer call() throws Exception {
            Map<String, String> named = new LinkedHashMap<>();
            for (String kv : params) {
                int eq = kv.indexOf('=');
                if (eq <= 0 || !kv.substring(0, eq).matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
                    throw new Main.UsageException("--param expects NAME=VALUE with a Java identifier as NAME, found '" + kv + "'");
                }
                named.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            long seconds = 0;
            if (timeout != null) {
                try {
                    seconds = Long.parseLong(timeout);
                } catch (NumberFormatException e) {
                    throw new Main.UsageException("--timeout expects whole seconds, found '" + timeout + "'");
                }
            }
            if (inputs.isEmpty()) {
                throw new Main.UsageException("needs a notebook or a folder, e.g. jotter run notebooks/02-linear-regression.ipynb");
            }
            return execute(inputs, output, named, seconds, logOutput, allowErrors, jotter.out(), jotter.err());
        }
    }

    /**
     * Runs notebooks and folders of them, as {@code jotter run} was asked.
     *
     * @return the exit status: 0 when every notebook ran to the end, 1 otherwise
     */
    static int execute(List<Path> inputs, Path output, Map<String, String> params, long timeout, boolean logOutput,
            boolean allowErrors, PrintStream out, PrintStream err) throws Exception {
        List<Path> notebooks = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.list(in)) {
                    s.filter(p -> p.toString().endsWith(".ipynb") && !p.toString().endsWith(".out.ipynb") && Files.isRegularFile(p))
                            .sorted().forEach(notebooks::add);
                }
            } else if (Files.isRegularFile(in)) {
                notebooks.add(in);
            } else {
                throw new Main.UsageException("no such notebook or folder: '" + in + "'");
            }
        }
        if (notebooks.isEmpty()) {
            throw new Main.UsageException("no notebooks (*.ipynb) in " + inputs + "; pass a notebook file or a folder that holds some");
        }
        if (output != null && (notebooks.size() > 1 || inputs.stream().anyMatch(Files::isDirectory)) && !Files.isDirectory(output)) {
            if (Files.exists(output)) {
                throw new Main.UsageException("-o '" + output + "' is a file, but several notebooks need a folder; pass a folder for -o");
            }
            Files.createDirectories(output);
        }
        if (System.getenv(CHILD_ENV) != null) {
            // Started by runInFolder: a jotter run that is killed (a CI timeout) must not leave this one running.
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
        }
        NotebookRunner runner = new NotebookRunner(out, params, timeout).logOutput(logOutput).allowErrors(allowErrors);
        int failures = 0;
        for (int i = 0; i < notebooks.size(); i++) {
            Path nb = notebooks.get(i);
            Path target = output == null ? defaultOutput(nb)
                    : Files.isDirectory(output) ? output.resolve(nb.getFileName()) : output;
            if (!inFolder(nb)) {
                // Java's own relative paths (new File("x"), Paths.get("x"), FileInputStream) resolve
                // against the folder the JVM started in, which no JVM can change: as Jupyter starts
                // the kernel in the notebook's folder, the notebooks of a folder run in a JVM started there.
                Path folder = nb.toAbsolutePath().getParent();
                List<Path> group = new ArrayList<>();
                while (i < notebooks.size() && notebooks.get(i).toAbsolutePath().getParent().equals(folder)) {
                    group.add(notebooks.get(i++));
                }
                i--;
                failures += runInFolder(folder, group, output, params, timeout, logOutput, allowErrors, out, err);
                continue;
            }
            Outcome o;
            try {
                o = runner.run(nb, target);
            } catch (IOException e) {
                // One unreadable notebook must not hide the results of the others in a folder run.
                o = new Outcome(target, 0, false, "error: " + e.getMessage());
            }
            if (!o.ok()) {
                failures++;
                err.println(o.failure());
            }
        }
        String report = System.getenv(REPORT_ENV);
        if (report != null) {
            // Started by runInFolder: the JVM that started this one counts and sums up.
            Files.writeString(Path.of(report), Integer.toString(failures));
        } else if (notebooks.size() > 1) {
            out.println((notebooks.size() - failures) + " passed, " + failures + " failed");
        }
        return failures == 0 ? 0 : 1;
    }

    /** Set in the JVM {@link #runInFolder} starts, so that it never starts another. */
    static final String CHILD_ENV = "JOTTER_RUN_IN_FOLDER";
    /** Where the JVM {@link #runInFolder} starts writes how many of its notebooks failed. */
    static final String REPORT_ENV = "JOTTER_RUN_REPORT";

    /** Whether this JVM's working folder is the notebook's own folder (or this JVM was started for it). */
    private static boolean inFolder(Path nb) {
        if (System.getenv(CHILD_ENV) != null) {
            return true;
        }
        return realPath(nb.toAbsolutePath().getParent()).equals(realPath(Path.of("").toAbsolutePath()));
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.normalize();
        }
    }

    /**
     * Runs the notebooks of one folder with {@code jotter run} in a JVM started in that folder,
     * with this JVM's options and class path, its output copied to ours. One JVM per folder: a
     * JVM's start and cold class loading cost more than the next notebook in a warm one.
     *
     * @return how many of the notebooks failed
     */
    static int runInFolder(Path folder, List<Path> notebooks, Path output, Map<String, String> params, long timeout,
            boolean logOutput, boolean allowErrors, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        List<String> cmd = jotterCommand(List.of());
        cmd.add("run");
        notebooks.forEach(nb -> cmd.add(nb.toAbsolutePath().toString()));
        if (output != null) {
            cmd.add("-o");
            cmd.add(output.toAbsolutePath().toString());
        }
        params.forEach((k, v) -> {
            cmd.add("--param");
            cmd.add(k + "=" + v);
        });
        if (timeout > 0) {
            cmd.add("--timeout");
            cmd.add(Long.toString(timeout));
        }
        if (logOutput) {
            cmd.add("--log-output");
        }
        if (allowErrors) {
            cmd.add("--allow-errors");
        }
        Path report = Files.createTempFile("jotter-run", ".failures");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(folder.toFile());
            pb.environment().put(CHILD_ENV, "1");
            pb.environment().put(REPORT_ENV, report.toString());
            Process p = pb.start();
            p.getOutputStream().close();
            Thread copyOut = Thread.ofPlatform().daemon().start(() -> copy(p.getInputStream(), out));
            Thread copyErr = Thread.ofPlatform().daemon().start(() -> copy(p.getErrorStream(), err));
            int rc;
            try {
                rc = p.waitFor();
                copyOut.join();
                copyErr.join();
            } catch (InterruptedException e) {
                p.destroy();
                throw e;
            }
            String failed = Files.readString(report).strip();
            if (failed.isEmpty()) {
                // The JVM ended before it could count (a usage error, a crash): all of them failed.
                err.println("error: the JVM running the notebooks of " + folder + " ended with status " + rc + " before finishing");
                return notebooks.size();
            }
            return Integer.parseInt(failed);
        } finally {
            Files.deleteIfExists(report);
        }
    }

    /**
     * The command that starts another {@code jotter} JVM as this one was started: its java, its
     * JVM options (without a debugger agent, whose port this JVM holds, and without the options
     * {@code replaced} names by prefix, say {@code -Xmx}), and {@code -jar jotter.jar} or its class path and main class.
     *
     * @param replaced prefixes of this JVM's options to leave out, for the caller to add its own
     * @return the command, to which the caller adds the jotter command and its arguments
     */
    public static List<String> jotterCommand(List<String> replaced) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String opt : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // A debugger agent would find its port taken by this JVM.
            if (!opt.startsWith("-agentlib:jdwp") && !opt.startsWith("-Xrunjdwp") && replaced.stream().noneMatch(opt::startsWith)) {
                cmd.add(opt);
            }
        }
        String command = System.getProperty("sun.java.command", "");
        String launched = command.split(" ", 2)[0];
        if (launched.endsWith(".jar")) {
            // As started: java -jar jotter.jar, whose manifest opens the JDK packages the kernel uses.
            cmd.add("-jar");
            cmd.add(Path.of(launched).toAbsolutePath().toString());
        } else {
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(Main.class.getName());
        }
        return cmd;
    }

    private static void copy(java.io.InputStream in, PrintStream to) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                to.write(buf, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            to.println("[jotter] lost the output of the notebook's JVM: " + e.getMessage());
        }
    }

    static Path defaultOutput(Path nb) {
        String name = nb.getFileName().toString().replaceFirst("\\.ipynb$", "");
        return nb.resolveSibling(name + ".out.ipynb");
    }

    /**
     * Runs one notebook: every code cell in order, in a fresh JShell, stopping at the first
     * failing cell that is not tagged {@code raises-exception}. Cells after a failure keep no
     * outputs and a null execution count, as in Jupyter after "Run All" stops at an error.
     *
     * @param input the notebook
     * @param output where the executed notebook goes; written atomically, also when a cell fails
     * @return what happened
     * @throws IOException when the notebook cannot be read or written
     */
    public Outcome run(Path input, Path output) throws IOException {
        JsonObject nb = NotebookFile.read(input);
        boolean cellIds = Json.integer(nb, "nbformat_minor", 0) >= 5;
        nb.add("cells", withParameters(nb.getAsJsonArray("cells"), cellIds));
        List<JsonObject> code = NotebookFile.codeCells(nb);
        log.println("Running " + input + " (" + code.size() + " code cells)");
        long started = System.nanoTime();
        OutputRouter router = SharedRouter.get();
        String failure = null;
        int failedCell = 0;
        int ran = 0;
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().unstarted(r));
        try (Session session = new Session(router, new Renderers())) {
            session.workspace().setWorkingDirectory(input.toAbsolutePath().getParent());
            session.start();
            int n = 0;
            for (JsonObject cell : code) {
                n++;
                String source = NotebookFile.source(cell);
                NbOutput out = new NbOutput();
                long t0 = System.nanoTime();
                AtomicBoolean timedOut = new AtomicBoolean();
                ScheduledFuture<?> alarm = timeoutSeconds > 0 ? watchdog.schedule(() -> {
                    timedOut.set(true);
                    session.interrupt();
                }, timeoutSeconds, TimeUnit.SECONDS) : null;
                CellResult r = session.execute(source, n, out);
                if (alarm != null) {
                    alarm.cancel(false);
                }
                router.flush();
                cell.add("outputs", out.outputs());
                cell.addProperty("execution_count", n);
                double secs = (System.nanoTime() - t0) / 1e9;
                // nbclient's rule: a cell tagged raises-exception may throw (its error stays in its
                // outputs and the run goes on), but a timeout still stops the run.
                boolean allowed = !r.ok() && (allowErrors || !timedOut.get() && NotebookFile.hasTag(cell, RAISES_EXCEPTION));
                log.printf("  [%d/%d] %-6s %6.1fs  %s%n", n, code.size(),
                        r.ok() ? "ok" : timedOut.get() ? "TIMEOUT" : allowed ? "raised" : "FAILED", secs, firstLine(source));
                if (logOutput) {
                    for (JsonElement o : cell.getAsJsonArray("outputs")) {
                        if ("stream".equals(Json.str(o.getAsJsonObject(), "output_type", ""))) {
                            log.print(indent(Json.str(o.getAsJsonObject(), "text", "").stripTrailing()) + "\n");
                        }
                    }
                }
                ran = n;
                if (!r.ok() && allowErrors && failure == null) {
                    failedCell = n;
                    failure = input + ": cell " + n + " of " + code.size() + (timedOut.get() ? " timed out" : " failed") + " (the run went on: --allow-errors)";
                }
                if (!r.ok() && !allowed) {
                    failedCell = n;
                    failure = input + ": cell " + n + " of " + code.size()
                            + (timedOut.get() ? " timed out after " + timeoutSeconds + " s (raise --timeout, or make the cell faster)" : " failed")
                            + "\n" + indent(source) + "\n" + stripAnsi(String.join("\n", r.traceback()));
                    break;
                }
            }
        } finally {
            watchdog.shutdownNow();
        }
        // Cells after a failure did not run: whatever the input notebook held for them (outputs and
        // counts of an earlier run) would read as this run's, so they are cleared, as nbclient does.
        for (int i = ran; i < code.size(); i++) {
            code.get(i).add("outputs", new JsonArray());
            code.get(i).add("execution_count", JsonNull.INSTANCE);
        }
        double total = (System.nanoTime() - started) / 1e9;
        JsonObject metadata = nb.has("metadata") && nb.get("metadata").isJsonObject() ? nb.getAsJsonObject("metadata") : new JsonObject();
        metadata.add("jotter", Json.obj("parameters", params, "status", failure == null ? "ok" : "failed",
                "failed_cell", failedCell == 0 ? null : failedCell, "duration_s", Math.round(total * 10) / 10.0,
                "jotter_version", Kernel.version()));
        nb.add("metadata", metadata);
        writeAtomically(output, NOTEBOOK_JSON.toJson(nb) + "\n");
        log.printf("%s %s in %.1fs -> %s%n", failure == null ? "Finished" : "Failed", input, total, output);
        return new Outcome(output, code.size(), failure == null, failure);
    }

    /** Pretty like Jupyter's own files (one-space indent is not available in Gson; two is fine), nulls kept: nbformat needs execution_count. */
    private static final com.google.gson.Gson NOTEBOOK_JSON = new com.google.gson.GsonBuilder()
            .disableHtmlEscaping().serializeNulls().setPrettyPrinting().create();

    private static String firstLine(String source) {
        String line = source.strip().lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }

    /**
     * Inserts the {@code --param} cell after the cell tagged {@code parameters} (or first), as
     * papermill does, replacing a cell injected by an earlier run so that running an executed
     * notebook again does not stack parameter cells.
     */
    JsonArray withParameters(JsonArray cells, boolean cellIds) {
        if (params.isEmpty()) {
            return cells;
        }
        JsonArray kept = new JsonArray();
        for (JsonElement c : cells) {
            if (!NotebookFile.hasTag(c, "injected-parameters")) {
                kept.add(c);
            }
        }
        StringBuilder src = new StringBuilder("// Parameters injected by jotter run\n");
        params.forEach((k, v) -> src.append("var ").append(k).append(" = ").append(literal(v)).append(";\n"));
        JsonObject injected = new JsonObject();
        injected.addProperty("cell_type", "code");
        if (cellIds) {
            injected.addProperty("id", "injected-parameters");
        }
        injected.add("execution_count", JsonNull.INSTANCE);
        injected.add("metadata", Json.obj("tags", List.of("injected-parameters")));
        injected.add("outputs", new JsonArray());
        injected.addProperty("source", src.toString());
        int at = 0;
        for (int i = 0; i < kept.size(); i++) {
            if (NotebookFile.hasTag(kept.get(i), "parameters")) {
                at = i + 1;
                break;
            }
        }
        JsonArray out = new JsonArray();
        for (int i = 0; i < kept.size(); i++) {
            if (i == at) {
                out.add(injected);
            }
            out.add(kept.get(i));
        }
        if (at >= kept.size()) {
            out.add(injected);
        }
        return out;
    }

    /** Numbers and booleans stay typed, so {@code --param epochs=2} gives an int, anything else a String. */
    static String literal(String v) {
        if (v.matches("-?\\d{1,9}") || v.matches("-?\\d+\\.\\d*([eE]-?\\d+)?") || v.equals("true") || v.equals("false")) {
            return v;
        }
        if (v.matches("-?\\d+")) {
            return v + "L";
        }
        return JavaSource.stringLiteral(v);
    }

    private static String indent(String s) {
        return "    " + s.replace("\n", "\n    ");
    }

    /**
     * @param s text with ANSI colour codes, as tracebacks carry them
     * @return the text without them
     */
    public static String stripAnsi(String s) {
        return s.replaceAll("\u001b\\[[0-9;]*m", "");
    }

    /**
     * Writes the file so that a reader, or a crash at any moment (SIGKILL, power loss), finds
     * either the old file or the complete new one, never a truncated one: a temporary file in the
     * same folder, forced to disk before the atomic rename, and the folder forced after it so the
     * rename itself is durable.
     */
    static void writeAtomically(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its files are 0600, and the rename would leave a notebook only its
        // owner can read. A plain new file gets the permissions the user's umask gives any file; an
        // existing output keeps its own.
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(new java.security.SecureRandom().nextLong()) + ".tmp");
        try {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                ch.force(true);
            }
            if (Files.exists(target) && Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (java.nio.channels.FileChannel folder = java.nio.channels.FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
                folder.force(true);
            } catch (IOException e) {
                // Some file systems cannot open a folder for syncing; the rename was atomic all the same.
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Collects one cell's outputs in nbformat 4 form, applying display updates and clears as a front end would. */
    static final class NbOutput implements CellOutput {
        private final List<JsonObject> outputs = new ArrayList<>();
        private final Map<String, List<JsonObject>> byDisplayId = new LinkedHashMap<>();
        /** The text of stream outputs, built up here: appending to a JSON string copies it every time (a 10 MB print took minutes). */
        private final Map<JsonObject, StringBuilder> streamText = new java.util.IdentityHashMap<>();
        private boolean clearPending;

        synchronized JsonArray outputs() {
            streamText.forEach((o, text) -> o.addProperty("text", text.toString()));
            JsonArray a = new JsonArray();
            outputs.forEach(a::add);
            return a;
        }

        private void add(JsonObject o) {
            if (clearPending) {
                outputs.clear();
                streamText.clear();
                clearPending = false;
            }
            outputs.add(o);
        }

        @Override
        public synchronized void stream(String name, String text) {
            if (!clearPending && !outputs.isEmpty()) {
                JsonObject last = outputs.getLast();
                if ("stream".equals(Json.str(last, "output_type", "")) && name.equals(Json.str(last, "name", ""))) {
                    streamText.get(last).append(text);
                    return;
                }
            }
            JsonObject o = Json.obj("output_type", "stream", "name", name, "text", "");
            streamText.put(o, new StringBuilder(text));
            add(o);
        }

        @Override
        public synchronized void display(Map<String, Object> bundle, Map<String, Object> metadata, String displayId, boolean update) {
            if (update) {
                for (JsonObject o : byDisplayId.getOrDefault(displayId, List.of())) {
                    o.add("data", Json.toJson(bundle));
                    o.add("metadata", Json.toJson(metadata));
                }
                return;
            }
            JsonObject o = Json.obj("output_type", "display_data", "data", bundle, "metadata", metadata);
            if (displayId != null) {
                byDisplayId.computeIfAbsent(displayId, k -> new ArrayList<>()).add(o);
            }
            add(o);
        }

        @Override
        public synchronized void result(int executionCount, Map<String, Object> bundle, Map<String, Object> metadata) {
            add(Json.obj("output_type", "execute_result", "execution_count", executionCount, "data", bundle, "metadata", metadata));
        }

        @Override
        public synchronized void error(String ename, String evalue, List<String> traceback) {
            add(Json.obj("output_type", "error", "ename", ename, "evalue", evalue, "traceback", traceback));
        }

        @Override
        public synchronized void clear(boolean wait) {
            if (wait) {
                clearPending = true;
            } else {
                outputs.clear();
                streamText.clear();
            }
        }
    }

    /** One output router per process: System.out can only be replaced once sensibly. */
    private static final class SharedRouter {
        private static OutputRouter router;

        static synchronized OutputRouter get() {
            if (router == null) {
                router = new OutputRouter();
                router.install();
            }
            return router;
        }
    }
}
