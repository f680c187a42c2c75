package dev.jotter.magics.builtin;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.CellMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.MagicException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code %%bash} and {@code %%sh}: runs the cell as a shell script, streaming its output. */
public abstract class ShellMagic extends AbstractMagic implements CellMagic {
    private final String shell;

    /**
     * @param shell the program that reads the script on standard input, also the magic's name
     */
    protected ShellMagic(String shell) {
        super(shell, "Run the cell as a " + shell + " script", """
                %%%%%s [ARGS ...]
                SCRIPT

                Runs the rest of the cell with %s in the working directory (%%pwd) and the
                environment of %%env. Output appears as it is printed. ARGS become $1, $2, ...
                A non-zero exit status makes the cell fail.

                Example:
                  %%%%%s
                  ls -l | head -3
                """.formatted(shell, shell, shell));
        this.shell = shell;
    }

    @Override
    public Object run(String args, String body, MagicContext context) throws Exception {
        List<String> command = new ArrayList<>(List.of(shell, "-s", "--"));
        command.addAll(MagicArgs.split(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(context.workingDirectory().toFile());
        pb.environment().clear();
        pb.environment().putAll(context.environment());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new MagicException("Could not start " + shell + ": " + e.getMessage() + ". Is " + shell
                    + " installed and on the PATH of %env?", e);
        }
        Thread outPump = pump(p.getInputStream(), context.out());
        Thread errPump = pump(p.getErrorStream(), context.err());
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write((body.endsWith("\n") ? body : body + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The script exited before reading all of its input; its status tells the story.
        }
        int status;
        try {
            status = p.waitFor();
            outPump.join();
            errPump.join();
        } catch (InterruptedException e) {
            // Kernel interrupt: stop the script too, not just the wait.
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            Thread.currentThread().interrupt();
            throw new MagicException("%%" + shell + " was interrupted; the script was stopped.", e);
        }
        if (status != 0) {
            throw new MagicException("%%" + shell + ": the script exited with status " + status
                    + " (its output is above). Fix the failing command, or end it with '|| true' to ignore the failure.");
        }
        return null;
    }

    private static Thread pump(InputStream in, PrintStream target) {
        return Thread.ofVirtual().start(() -> {
            // Decoding before writing keeps a UTF-8 character split across two reads intact.
            char[] buf = new char[8192];
            int n;
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                while ((n = reader.read(buf)) > 0) {
                    target.print(new String(buf, 0, n));
                    target.flush();
                }
            } catch (IOException e) {
                // The process went away; nothing more to copy.
            }
        });
    }

    /** {@code %%bash}. */
    public static final class Bash extends ShellMagic {
        /** Creates the magic; found by ServiceLoader. */
        public Bash() {
            super("bash");
        }
    }

    /** {@code %%sh}. */
    public static final class Sh extends ShellMagic {
        /** Creates the magic; found by ServiceLoader. */
        public Sh() {
            super("sh");
        }
    }
}
