package dev.jotter.magics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A magic's arguments, split like a POSIX shell splits words and sorted into flags, options and
 * positional arguments.
 *
 * <p>Splitting: whitespace separates words; {@code '...'} keeps everything literally;
 * {@code "..."} keeps whitespace and honours {@code \"} and {@code \\}; outside quotes a
 * backslash makes the next character literal. Flags: {@code -a} and {@code -abc} (three
 * flags), {@code --name}, {@code --name=value}, and {@code -n 5} or {@code --name value} for
 * the options a magic declares as taking a value. {@code --} ends the flags; so does a lone
 * {@code -}, which is positional.
 */
public final class MagicArgs {
    private final List<String> words;
    private final Map<String, String> options;
    private final List<String> positional;

    private MagicArgs(List<String> words, Map<String, String> options, List<String> positional) {
        this.words = words;
        this.options = options;
        this.positional = positional;
    }

    /**
     * Splits arguments into words without interpreting flags.
     *
     * @param raw the text after the magic's name
     * @return the words, quotes removed and escapes resolved
     * @throws MagicException if a quote is not closed or the text ends with a lone backslash
     */
    public static List<String> split(String raw) throws MagicException {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        // Tracks "a word has started" separately from the buffer so that '' yields an empty word.
        boolean inWord = false;
        int i = 0;
        int n = raw.length();
        while (i < n) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = raw.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new MagicException("Unclosed single quote in arguments: " + raw.substring(i)
                            + "\nClose it with ' or escape it as \\'.");
                }
                word.append(raw, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char d = raw.charAt(j);
                    if (d == '"') {
                        closed = true;
                        break;
                    }
                    // Inside double quotes only \" and \\ are escapes, as in sh; other backslashes stay.
                    if (d == '\\' && j + 1 < n && (raw.charAt(j + 1) == '"' || raw.charAt(j + 1) == '\\')) {
                        word.append(raw.charAt(j + 1));
                        j += 2;
                    } else {
                        word.append(d);
                        j++;
                    }
                }
                if (!closed) {
                    throw new MagicException("Unclosed double quote in arguments: " + raw.substring(i)
                            + "\nClose it with \" or escape it as \\\".");
                }
                inWord = true;
                i = j + 1;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    throw new MagicException("The arguments end with a lone backslash: " + raw
                            + "\nRemove it or write \\\\ for a literal backslash.");
                }
                word.append(raw.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }

    /**
     * Parses arguments where no option takes a value.
     *
     * @param raw the text after the magic's name
     * @return the parsed arguments
     * @throws MagicException on unbalanced quotes
     */
    public static MagicArgs parse(String raw) throws MagicException {
        return parse(raw, Set.of());
    }

    /**
     * Parses arguments.
     *
     * @param raw the text after the magic's name
     * @param valued names of options that take the next word as their value when not written
     *               {@code --name=value}, without dashes, e.g. {@code Set.of("n", "r")}
     * @return the parsed arguments
     * @throws MagicException on unbalanced quotes or a valued option with no value
     */
    public static MagicArgs parse(String raw, Set<String> valued) throws MagicException {
        List<String> words = split(raw == null ? "" : raw);
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        boolean flagsDone = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (flagsDone || w.equals("-") || !w.startsWith("-") || looksNumeric(w)) {
                positional.add(w);
            } else if (w.equals("--")) {
                flagsDone = true;
            } else if (w.startsWith("--")) {
                int eq = w.indexOf('=');
                String name = eq < 0 ? w.substring(2) : w.substring(2, eq);
                String value = eq < 0 ? null : w.substring(eq + 1);
                if (value == null && valued.contains(name)) {
                    value = valueAfter(words, i++, w);
                }
                options.put(name, value == null ? "" : value);
            } else {
                String letters = w.substring(1);
                String first = letters.substring(0, 1);
                if (valued.contains(first)) {
                    // -n5 and -n 5 both mean n=5, as getopt allows.
                    options.put(first, letters.length() > 1 ? letters.substring(1) : valueAfter(words, i++, w));
                } else {
                    for (int k = 0; k < letters.length(); k++) {
                        options.put(String.valueOf(letters.charAt(k)), "");
                    }
                }
            }
        }
        return new MagicArgs(List.copyOf(words), Collections.unmodifiableMap(options), List.copyOf(positional));
    }

    private static boolean looksNumeric(String w) {
        return w.length() > 1 && (Character.isDigit(w.charAt(1)) || w.charAt(1) == '.');
    }

    private static String valueAfter(List<String> words, int i, String flag) throws MagicException {
        if (i + 1 >= words.size()) {
            throw new MagicException("The option " + flag + " needs a value, e.g. " + flag + " 5.");
        }
        return words.get(i + 1);
    }

    /** @return every word, quotes removed, flags included */
    public List<String> words() {
        return words;
    }

    /** @return the words that are not flags or option values, in order */
    public List<String> positional() {
        return positional;
    }

    /**
     * @param name a flag name without dashes, e.g. {@code "a"} or {@code "append"}
     * @return whether the flag was given
     */
    public boolean has(String name) {
        return options.containsKey(name);
    }

    /**
     * @param name an option name without dashes
     * @return its value; empty when absent, {@code ""} for a flag given without value
     */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** @return every flag and option given, name to value ({@code ""} for bare flags), in order */
    public Map<String, String> options() {
        return options;
    }

    /**
     * Rejects flags the magic does not know, so that a typo is reported instead of ignored.
     *
     * @param magic the magic whose usage to show
     * @param known the flag and option names it accepts
     * @return this, for chaining
     * @throws MagicException naming the first unknown flag, followed by the usage
     */
    public MagicArgs allowOnly(Magic magic, Set<String> known) throws MagicException {
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                String shown = name.length() == 1 ? "-" + name : "--" + name;
                throw usageError(magic, "Unknown option " + shown + " for %" + magic.name() + ".");
            }
        }
        return this;
    }

    /**
     * Makes the error for wrong arguments: the problem, then the magic's usage.
     *
     * @param magic the magic
     * @param problem what is wrong, naming the offending value
     * @return an exception to throw
     */
    public static MagicException usageError(Magic magic, String problem) {
        return new MagicException(problem + "\n\n" + magic.usage());
    }
}
