package dev.jotter.magics.builtin;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.MagicException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code %env [NAME[=value]]}: shows or sets environment variables for subprocesses. */
public final class EnvMagic extends AbstractMagic implements LineMagic {

    /** Creates the magic; found by ServiceLoader. */
    public EnvMagic() {
        super("env", "Show or set environment variables", """
                %env                 list all environment variables (the values of names that
                                     hold TOKEN, SECRET, PASSWORD, PASSWD, KEY or CREDENTIAL
                                     are shown as <hidden>: outputs get saved and shared)
                %env NAME            show one (the value is the cell's result)
                %env NAME=VALUE      set one
                %env NAME VALUE      set one

                Variables set here are seen by %%bash, %%sh and other subprocesses the kernel
                starts. The JVM's own System.getenv() cannot change, so Java code reads them with
                System.getenv() only in processes started afterwards.
                """);
    }

    /** Names whose values a listing hides, as IPython's %env does: JUPYTERHUB_API_TOKEN, AWS_SECRET_ACCESS_KEY, ... */
    private static final java.util.regex.Pattern SECRET =
            java.util.regex.Pattern.compile("TOKEN|SECRET|PASSWORD|PASSWD|KEY|CREDENTIAL", java.util.regex.Pattern.CASE_INSENSITIVE);

    static boolean secret(String name) {
        return SECRET.matcher(name).find();
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        List<String> words = MagicArgs.split(args);
        Map<String, String> env = context.environment();
        if (words.isEmpty()) {
            new TreeMap<>(env).forEach((k, v) -> context.out().println(k + "=" + (secret(k) ? "<hidden>" : v)));
            context.out().flush();
            return null;
        }
        String first = words.getFirst();
        int eq = first.indexOf('=');
        if (words.size() == 1 && eq < 0) {
            String value = env.get(first);
            if (value == null) {
                throw new MagicException("The environment variable " + first + " is not set. Set it with %env "
                        + first + "=VALUE.");
            }
            return value;
        }
        String name;
        String value;
        if (eq >= 0) {
            if (words.size() > 1) {
                throw MagicArgs.usageError(this, "Too many arguments after " + first
                        + ": quote a value with spaces, e.g. %env NAME=\"a b\".");
            }
            name = first.substring(0, eq);
            value = first.substring(eq + 1);
        } else if (words.size() == 2) {
            name = first;
            value = words.get(1);
        } else {
            throw MagicArgs.usageError(this, "Too many arguments: " + args
                    + ". Quote a value with spaces, e.g. %env NAME \"a b\".");
        }
        if (name.isEmpty() || !name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw MagicArgs.usageError(this, "Not a valid environment variable name: '" + name
                    + "'. Use letters, digits and underscores, starting with a letter.");
        }
        env.put(name, value);
        context.out().println("env: " + name + "=" + value);
        context.out().flush();
        return null;
    }
}
