package dev.jotter.api;

import java.util.List;
import java.util.Objects;

/**
 * The running kernel's code and magics, as IJava's API reaches them ({@code Kernel.eval("1+2")},
 * {@code lineMagic("maven", List.of(...))}). A kernel implements this and {@linkplain #install
 * installs} itself when its session starts, beside its {@link DisplayHost}. Without one installed
 * (a plain Java program, a unit test) those calls fail with a message saying no kernel runs.
 */
public interface KernelHost {

    /**
     * Evaluates code as a cell would, magics included, from inside a running cell.
     *
     * @param code Java snippets and magic lines
     * @return the last snippet's value, or null
     * @throws Exception a compile error or what the code threw
     */
    Object eval(String code) throws Exception;

    /**
     * Runs a line magic.
     *
     * @param name its name, without {@code %}
     * @param args its arguments, one word each
     * @return what the magic returns, or null
     * @throws Exception an unknown magic, or what the magic threw
     */
    Object lineMagic(String name, List<String> args) throws Exception;

    /**
     * Runs a cell magic.
     *
     * @param name its name, without {@code %%}
     * @param args its arguments, one word each
     * @param body the rest of the cell
     * @return what the magic returns, or null
     * @throws Exception an unknown magic, or what the magic threw
     */
    Object cellMagic(String name, List<String> args, String body) throws Exception;

    /**
     * Adds a jar or class folder to the user code's class path.
     *
     * @param path the jar or folder
     */
    void addToClasspath(String path);

    /**
     * Makes a host the one IJava's API talks to, replacing any other.
     *
     * @param host the kernel session that starts running cells
     */
    static void install(KernelHost host) {
        InstalledHost.KERNEL.set(Objects.requireNonNull(host, "Expected a KernelHost to install, found null; call uninstall to remove one"));
    }

    /**
     * Removes a host if it is the installed one.
     *
     * @param host the host to remove
     */
    static void uninstall(KernelHost host) {
        InstalledHost.KERNEL.compareAndSet(host, null);
    }

    /** @return the installed host, or null outside a kernel */
    static KernelHost installed() {
        return InstalledHost.KERNEL.get();
    }

    /**
     * Writes magic arguments as one line that the kernel's argument splitting reads back as the
     * same words: every space, quote and backslash is escaped.
     *
     * @param args the words
     * @return the line
     */
    static String argumentLine(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            if (a.isEmpty()) {
                sb.append("''");
                continue;
            }
            for (int i = 0; i < a.length(); i++) {
                char c = a.charAt(i);
                if (Character.isWhitespace(c) || c == '\'' || c == '"' || c == '\\') {
                    sb.append('\\');
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
