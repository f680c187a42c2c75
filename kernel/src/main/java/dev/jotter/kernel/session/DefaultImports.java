package dev.jotter.kernel.session;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.Diag;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;

/**
 * Makes a notebook's own imports win over the on-demand imports Jotter adds to JShell's
 * ({@link Session#DEFAULT_IMPORTS}: {@code java.time.*}, {@code tech.tablesaw.api.*}, the
 * toolkit's packages, {@code static Display.*}).
 *
 * <p>Why: two on-demand imports that bring the same simple name make it ambiguous, so a notebook
 * written for IJava (which imports nothing beyond JShell's defaults) that imports
 * {@code ai.djl.training.listener.*} could not say {@code TrainingListener} any more: the toolkit
 * has one too. A single-type import shadows every on-demand import, so when javac rejects a
 * snippet because a name is ambiguous between one of Jotter's default packages and a package the
 * notebook imported itself, the notebook's type gets a single-type import (its method or field a
 * single static import) and the snippet is evaluated again; every other name of Jotter's packages
 * keeps working. Nothing is done, and nothing costs, until javac finds an ambiguity, and it is
 * found with exactly what the compiler sees, jars added by {@code %maven} included.
 * An ambiguity between two of the notebook's own imports, or with JShell's own defaults
 * ({@code java.util.*}, ...), stays the compile error Java makes it.
 */
final class DefaultImports {
    /**
     * JShell's own default imports (the jshell tool's, and IJava's but for {@code java.time}):
     * they never give way, as in IJava. {@code java.lang} is imported by Java itself.
     */
    static final Set<String> JSHELL_DEFAULTS = Set.of("java.lang", "java.io", "java.math", "java.net", "java.nio.file",
            "java.util", "java.util.concurrent", "java.util.function", "java.util.prefs", "java.util.regex", "java.util.stream");

    /**
     * javac's message for an ambiguous name, in the root locale: the kind, symbol and place of
     * each candidate. A symbol never holds a space (methods show their parameter types unspaced).
     */
    private static final Pattern AMBIGUOUS = Pattern.compile(
            "reference to (\\S+) is ambiguous\\s+both (\\S+) (\\S+) in (\\S+) and (\\S+) (\\S+) in (\\S+) match");

    private final JShell shell;
    private final PrintStream log;
    private final Set<String> givenWay;
    /**
     * The imports added, by simple name: a name is never made to win twice (no endless retry),
     * and the import gives way in turn to a type the notebook declares with that name.
     */
    private final Map<String, ImportSnippet> added = new HashMap<>();

    /**
     * @param shell the session's JShell, with {@link Session#DEFAULT_IMPORTS} evaluated
     * @param log the kernel's log, told each import added
     */
    DefaultImports(JShell shell, PrintStream log) {
        this.shell = shell;
        this.log = log;
        Set<String> places = new HashSet<>();
        for (String imp : Session.DEFAULT_IMPORTS) {
            String place = imp.replaceFirst("^static\\s+", "").replaceFirst("\\.\\*$", "");
            if (imp.endsWith(".*") && !JSHELL_DEFAULTS.contains(place)) {
                places.add(place);
            }
        }
        this.givenWay = Set.copyOf(places);
    }

    /**
     * For a snippet javac rejected, adds the imports that make the notebook's names win where
     * they are ambiguous with one of Jotter's default imports.
     *
     * @param rejected the rejected snippet
     * @return whether an import was added, so that the snippet may compile now
     */
    boolean letNotebookWin(Snippet rejected) {
        boolean any = false;
        for (Diag d : shell.diagnostics(rejected).toList()) {
            if (!d.isError()) {
                continue;
            }
            Matcher m = AMBIGUOUS.matcher(d.getMessage(Locale.ROOT));
            if (!m.find()) {
                continue;
            }
            boolean firstGivesWay = givenWay.contains(m.group(4));
            boolean secondGivesWay = givenWay.contains(m.group(7));
            if (firstGivesWay == secondGivesWay) {
                continue;
            }
            int winner = firstGivesWay ? 5 : 2;
            String name = m.group(1);
            String imp = importOf(name, m.group(winner), m.group(winner + 1), m.group(winner + 2));
            if (imp != null && !added.containsKey(name) && accepted(name, imp)) {
                log.println("[jotter] " + imp + " added: the notebook's own import wins over Jotter's default import of "
                        + m.group(firstGivesWay ? 4 : 7) + ".*");
                any = true;
            }
        }
        return any;
    }

    /**
     * @param name the ambiguous simple name
     * @param kind javac's kind of the winning symbol: class, interface, method, variable, ...
     * @param symbol the winning symbol: a type's qualified name, or a member's signature
     * @param place the package or class it is a member of
     * @return the import that makes it win, or null for a symbol that cannot be imported
     */
    private static String importOf(String name, String kind, String symbol, String place) {
        return switch (kind) {
            case "method", "variable" -> "import static " + place + "." + name + ";";
            case "class", "interface", "enum", "record", "@interface" -> "import " + symbol.replaceFirst("<.*$", "") + ";";
            default -> null;
        };
    }

    private boolean accepted(String name, String imp) {
        List<SnippetEvent> events = shell.eval(imp);
        if (events.isEmpty() || !(events.getFirst().snippet() instanceof ImportSnippet is)) {
            return false;
        }
        if (events.getFirst().status() != Snippet.Status.VALID) {
            shell.drop(is);
            return false;
        }
        added.put(name, is);
        return true;
    }

    /**
     * Drops an import added for a name the notebook has now declared a type of, as JShell keeps
     * both and then rejects every later snippet ("a type with the same simple name is already
     * defined by the single-type-import"). The notebook's type wins, as a type declared in a
     * compilation unit does over its imports.
     *
     * @param declared a type the notebook declared
     */
    void declared(TypeDeclSnippet declared) {
        ImportSnippet imp = added.remove(declared.name());
        if (imp != null && shell.status(imp).isActive()) {
            shell.drop(imp);
        }
    }
}
