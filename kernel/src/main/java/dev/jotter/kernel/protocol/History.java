package dev.jotter.kernel.protocol;

import com.google.gson.JsonArray;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inputs (and text outputs) of this kernel session, for history_request: tail, range and
 * glob search, as IPython answers them. Kept in memory: a kernel session is one notebook's life.
 */
final class History {
    /** This kernel's session number in replies; requests may also say 0 for "the current session". */
    static final int SESSION = 1;

    private record Entry(int line, String input, String output) {}

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(int line, String input, String output) {
        entries.add(new Entry(line, input, output));
    }

    synchronized JsonArray tail(int n, boolean output) {
        int from = Math.max(0, entries.size() - Math.max(0, n));
        return toJson(entries.subList(from, entries.size()), output);
    }

    synchronized JsonArray range(int session, int start, int stop, boolean output) {
        if (session != 0 && session != SESSION) {
            return new JsonArray();
        }
        List<Entry> picked = new ArrayList<>();
        for (Entry e : entries) {
            if (e.line() >= start && (stop <= 0 || e.line() < stop)) {
                picked.add(e);
            }
        }
        return toJson(picked, output);
    }

    synchronized JsonArray search(String glob, int n, boolean unique, boolean output) {
        Pattern p = globToRegex(glob);
        List<Entry> hits = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        // Newest first so 'unique' keeps the latest run of each input and 'n' the latest n, as IPython does.
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (p.matcher(e.input()).matches() && (!unique || seen.add(e.input()))) {
                hits.addFirst(e);
                if (n > 0 && hits.size() >= n) {
                    break;
                }
            }
        }
        return toJson(hits, output);
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static JsonArray toJson(List<Entry> list, boolean output) {
        JsonArray a = new JsonArray();
        for (Entry e : list) {
            JsonArray row = new JsonArray();
            row.add(SESSION);
            row.add(e.line());
            if (output) {
                JsonArray io = new JsonArray();
                io.add(e.input());
                io.add(e.output());
                row.add(io);
            } else {
                row.add(e.input());
            }
            a.add(row);
        }
        return a;
    }
}
