package dev.jotter.toolkit.data;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.AbstractColumnParser;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The fast path of {@link Data#csv}: FastCSV tokenises, and each cell goes straight into a
 * primitive array ({@code int[]}, {@code double[]}) or a deduplicated {@code String[]}, in one
 * pass over the file, with the column type decided on all values instead of a sample.
 *
 * <p>It gives exactly the table Tablesaw's reader gives (names, types, values) or declines: it
 * returns {@code null} for anything whose Tablesaw reading it does not reproduce (dates, times,
 * booleans, longs, "3.0"-only columns that Tablesaw reads as integers, percentages, thousands
 * separators, unquoted whitespace, ragged rows, duplicate headers, ...), and {@link Data} then
 * reads the file with Tablesaw.
 */
final class CsvFastReader {

    /** Thrown inside the callbacks to abandon the fast path; no stack trace, it is not an error. */
    static final class Decline extends RuntimeException {
        Decline(String why) {
            super(why, null, false, false);
        }
    }

    /** The user's own mistake found while reading, such as CsvOptions naming a column the file lacks. */
    static final class OptionError extends IllegalArgumentException {
        OptionError(String message) {
            super(message);
        }
    }

    private static final int MAX_CHARS = 1 << 20; // as Data's Tablesaw options
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private CsvFastReader() {}

    /**
     * Reads CSV text.
     *
     * @param text the whole file
     * @param name the table name
     * @param options missing markers and text columns
     * @param where the file, for messages
     * @return the table, or {@code null} when Tablesaw must read it
     * @throws IllegalArgumentException for a numeric column with a few stray words
     */
    static Table read(String text, String name, CsvOptions options, String where) {
        boolean halves = text.length() >= PARALLEL_MIN && Runtime.getRuntime().availableProcessors() > 1;
        return read(text, name, options, where, halves, route -> { });
    }

    /** How {@link #read} went; reported to tests, which cannot tell the paths apart from the table. */
    enum Route {
        /** Read in one piece (small file, one CPU, no split point, or the halves disagreed). */
        ONE_PIECE,
        /** Read in two halves whose columns were concatenated. */
        MERGED,
        /** Declined (by either half, or in one piece): Tablesaw must read the file. */
        DECLINED
    }

    /**
     * {@link #read(String, String, CsvOptions, String)} with the two-halves decision made by the
     * caller, so tests reach the parallel path on a one-CPU machine, and told which route it took.
     */
    static Table read(String text, String name, CsvOptions options, String where, boolean halves, Consumer<Route> route) {
        int split = halves ? splitPoint(text) : -1;
        if (split > 0) {
            Merged m = readInTwo(text, split, options, where);
            if (m != null) {
                route.accept(m.cols == null ? Route.DECLINED : Route.MERGED);
                return m.cols == null ? null : build(m.cols, name, options, where);
            }
        }
        Handler h = new Handler(options, estimateRows(text, 0, text.length()), text.length(), where, null, new AtomicBoolean());
        if (!parse(h, text, 0, text.length()) || h.cols == null || h.rows == 0) {
            checkInterrupt(where); // a parse cut short by an interrupt is no reason to start Tablesaw
            route.accept(Route.DECLINED);
            return null;
        }
        route.accept(Route.ONE_PIECE);
        return build(h.cols, name, options, where);
    }

    /**
     * Rows expected in text[from, to), from the mean length of up to 100 lines after the first:
     * the first is skipped because it may be the header, which on a wide file is much longer
     * than a row of short numbers. A guess either way is safe: columns grow by doubling, and
     * {@link #initialCapacity} caps it by the file's own bound.
     */
    static long estimateRows(String text, int from, int to) {
        int start = text.indexOf('\n', from);
        if (start < 0 || start >= to - 1) {
            return 1;
        }
        start++;
        int pos = start;
        int lines = 0;
        while (lines < 100) {
            int nl = text.indexOf('\n', pos);
            if (nl < 0 || nl >= to) {
                break;
            }
            pos = nl + 1;
            lines++;
        }
        if (lines == 0) {
            return 2;
        }
        double mean = (double) (pos - start) / lines;
        return (long) Math.ceil((to - from) / mean);
    }

    /**
     * The first array length of each column: the estimated rows plus an eighth, but never more
     * than the rows a range of this length can hold. Each row has at least one character per
     * column (its commas and line end), so {@code length / columns + 1} rows is a hard bound, and
     * with it the initial arrays of all columns together hold at most about one slot per
     * character. Before this, every column got length/64 slots whatever its width, and a 73 MB
     * file of 785 columns asked for some 3.6 GB.
     *
     * @param estimatedRows from {@link #estimateRows}
     * @param length the characters in the range read
     * @param columns the header's width
     * @return the initial length of every column array, at least 16
     */
    static int initialCapacity(long estimatedRows, int length, int columns) {
        long bound = length / Math.max(1, columns) + 1;
        long guess = estimatedRows + estimatedRows / 8 + 16;
        return (int) Math.max(16, Math.min(Math.min(guess, bound), Integer.MAX_VALUE - 16));
    }

    /** Throws when the calling thread was interrupted (its status kept), so the read ends there. */
    private static void checkInterrupt(String where) {
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("Interrupted while reading " + where);
        }
    }

    /** Files from this size on are read by two threads, one per half. */
    private static final int PARALLEL_MIN = 4 << 20;

    /** Columns of both halves; {@code cols == null} to decline, a null Merged to read in one piece. */
    private record Merged(Col[] cols, int rows) {}

    /**
     * Reads the two halves at once (the second on a new thread) and concatenates the columns.
     * Returns null when the halves disagree in a way only one reader can settle (a column that
     * is text in one half and numbers in the other).
     */
    private static Merged readInTwo(String text, int split, CsvOptions options, String where) {
        List<String> header;
        try (CsvReader<de.siegmar.fastcsv.reader.CsvRecord> r = CsvReader.builder().ofCsvRecord(new RangeReader(text, 0, split))) {
            header = r.iterator().next().getFields();
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        // Set by whichever half gives up (decline, error, interrupt) so the other stops within a
        // row instead of parsing on for nothing: a decline of either half declines the file.
        AtomicBoolean stop = new AtomicBoolean();
        Handler a = new Handler(options, estimateRows(text, 0, split), split, where, null, stop);
        Handler b;
        try {
            // The preset header is checked here, outside parse(): a header Tablesaw rewrites or
            // rejects (BOM, empty or duplicate names, padding) must decline as it does for a small
            // file, not escape as an internal error. OptionError is the user's and goes through.
            b = new Handler(options, estimateRows(text, split, text.length()), text.length() - split, where, header, stop);
        } catch (Decline d) {
            return new Merged(null, 0);
        }
        FutureTask<Boolean> second = new FutureTask<>(() -> {
            boolean ok = false;
            try {
                ok = parse(b, text, split, text.length());
                return ok;
            } finally {
                if (!ok) {
                    stop.set(true);
                }
            }
        });
        Thread.ofPlatform().daemon().name("jotter-csv").start(second);
        boolean okA = false;
        boolean okB;
        boolean finished = false;
        try {
            okA = parse(a, text, 0, split);
            if (!okA) {
                stop.set(true);
                checkInterrupt(where); // the finally block stops the second half
            }
            okB = second.get();
            finished = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + where, e);
        } catch (ExecutionException e) {
            finished = true;
            if (e.getCause() instanceof OptionError o) {
                throw o;
            }
            okB = false;
        } finally {
            if (!finished) { // interrupted, or the first half threw: the second must not run on
                stop.set(true);
                second.cancel(true);
            }
        }
        if (!okA || !okB || a.cols == null) {
            return new Merged(null, 0);
        }
        long lineOffset = -1;
        Col[] out = new Col[a.cols.length];
        for (int i = 0; i < out.length; i++) {
            Col x = a.cols[i];
            Col y = b.cols[i];
            if (!y.wordLines.isEmpty() && lineOffset < 0) {
                lineOffset = text.chars().limit(split).filter(c -> c == '\n').count();
            }
            out[i] = concat(x, y, lineOffset);
            if (out[i] == null) {
                return null;
            }
        }
        return new Merged(out, a.rows + b.rows);
    }

    /** One column from two halves, or null when one half is text and the other numbers. */
    private static Col concat(Col x, Col y, long lineOffset) {
        Col c = new Col(x.name, x.forceText);
        int n = x.size + y.size;
        int mode = x.mode == UNKNOWN ? y.mode : y.mode == UNKNOWN ? x.mode
                : x.mode == y.mode ? x.mode
                : x.mode != TEXT && y.mode != TEXT ? DOUBLE : -1;
        if (mode < 0) {
            return null;
        }
        c.mode = mode;
        c.size = n;
        switch (mode) {
            case INT -> {
                c.ints = new int[n];
                fillInts(x, c.ints, 0);
                fillInts(y, c.ints, x.size);
            }
            case DOUBLE -> {
                c.doubles = new double[n];
                fillDoubles(x, c.doubles, 0);
                fillDoubles(y, c.doubles, x.size);
            }
            case TEXT -> {
                c.strings = new String[n];
                fillStrings(x, c.strings, 0);
                fillStrings(y, c.strings, x.size);
            }
            default -> { } // all missing
        }
        c.realDecimal = x.realDecimal || y.realDecimal;
        c.numbers = x.numbers + y.numbers;
        c.words = x.words + y.words;
        c.nonMissing = x.nonMissing + y.nonMissing;
        c.wordValues.addAll(x.wordValues);
        c.wordLines.addAll(x.wordLines);
        for (int i = 0; i < y.wordValues.size() && c.wordValues.size() < 3; i++) {
            c.wordValues.add(y.wordValues.get(i));
            c.wordLines.add(y.wordLines.get(i) + lineOffset);
        }
        return c;
    }

    private static void fillInts(Col from, int[] to, int at) {
        if (from.mode == INT) {
            System.arraycopy(from.ints, 0, to, at, from.size);
        } else {
            Arrays.fill(to, at, at + from.size, Integer.MIN_VALUE);
        }
    }

    private static void fillDoubles(Col from, double[] to, int at) {
        if (from.mode == DOUBLE) {
            System.arraycopy(from.doubles, 0, to, at, from.size);
        } else if (from.mode == INT) {
            for (int i = 0; i < from.size; i++) {
                int v = from.ints[i];
                to[at + i] = v == Integer.MIN_VALUE ? Double.NaN : v;
            }
        } else {
            Arrays.fill(to, at, at + from.size, Double.NaN);
        }
    }

    private static void fillStrings(Col from, String[] to, int at) {
        if (from.mode == TEXT) {
            System.arraycopy(from.strings, 0, to, at, from.size);
        } else {
            Arrays.fill(to, at, at + from.size, "");
        }
    }

    /**
     * Where the second half starts: the first line start after the middle that is outside
     * quotes (an even number of quote characters before it); -1 when there is none.
     *
     * <p>Counting quote characters assumes every {@code "} opens or closes a quoted field (a
     * doubled {@code ""} inside one counts twice and keeps the parity). A literal {@code "} in an
     * unquoted field ({@code 5" screen}, which RFC 4180 forbids but some writers emit) breaks
     * that: the parity flips and the split may land inside a quoted field, or a quoted newline
     * may be taken for a line end. That is not silently wrong in practice, because the second
     * half then starts mid-record: its rows come out with the wrong number of fields (declined as
     * ragged), or FastCSV reads an unterminated quote to the end (declined too), and the file
     * goes to Tablesaw. Only a misparse whose every row still has exactly the header's width
     * would slip through, which needs quoted fields holding whole rows' worth of commas and
     * newlines; the first half, read from the file start, is never affected.
     */
    static int splitPoint(String text) {
        int mid = text.length() / 2;
        int quotes = 0;
        int q = text.indexOf('"');
        while (q >= 0 && q < mid) {
            quotes++;
            q = text.indexOf('"', q + 1);
        }
        int pos = mid;
        if (quotes % 2 == 1) { // mid is inside a quoted field; q closes it
            if (q < 0) {
                return -1;
            }
            pos = q + 1;
        }
        while (true) {
            int nl = text.indexOf('\n', pos);
            if (nl < 0) {
                return -1;
            }
            int open = text.indexOf('"', pos);
            if (open < 0 || open > nl) {
                return nl + 1 < text.length() ? nl + 1 : -1;
            }
            int close = text.indexOf('"', open + 1);
            if (close < 0) {
                return -1;
            }
            pos = close + 1;
        }
    }

    /** Runs FastCSV over text[from, to) into the handler; false when the fast path declines. */
    private static boolean parse(Handler h, String text, int from, int to) {
        try (CsvReader<Object> r = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .build(h, new RangeReader(text, from, to))) {
            for (Object ignored : r) {
                // the handler fills the columns
            }
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof OptionError user) {
                    throw user; // the user's mistake (CsvOptions naming no column), not a decline
                }
            }
            return false; // Decline, or anything FastCSV itself rejects: Tablesaw reads it and words the error
        }
    }

    /** A Reader over part of a String, without copying it. */
    private static final class RangeReader extends java.io.Reader {
        private final String text;
        private int pos;
        private final int end;

        RangeReader(String text, int from, int to) {
            this.text = text;
            this.pos = from;
            this.end = to;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pos >= end) {
                return -1;
            }
            int n = Math.min(len, end - pos);
            text.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    /** The table from finished columns; null when Tablesaw must read the file; throws for stray words. */
    private static Table build(Col[] cols, String name, CsvOptions options, String where) {
        Table t = Table.create(name);
        for (Col c : cols) {
            if (c.mode == INT || c.mode == DOUBLE) {
                if (c.words > 0) {
                    if (Data.nearlyAllNumbers(c.nonMissing - c.words, c.words)) {
                        throw Data.strayWords(where, options, c.name, c.wordValues, c.wordLines, c.words, c.nonMissing - c.words);
                    }
                    return null; // a text column in Tablesaw's eyes; let it build the strings
                }
                if (c.mode == DOUBLE && !c.realDecimal) {
                    return null; // only "3.0"-like values: Tablesaw reads INTEGER
                }
            }
            if (c.mode == TEXT && !c.forceText && Data.nearlyAllNumbers(c.numbers, c.words)) {
                throw Data.strayWords(where, options, c.name, c.wordValues, c.wordLines, c.words, c.numbers);
            }
            t.addColumns(switch (c.mode) {
                case INT -> IntColumn.create(c.name, c.ints.length == c.size ? c.ints : Arrays.copyOf(c.ints, c.size));
                case DOUBLE -> DoubleColumn.create(c.name, c.doubles.length == c.size ? c.doubles : Arrays.copyOf(c.doubles, c.size));
                case TEXT -> StringColumn.create(c.name, c.strings.length == c.size ? c.strings : Arrays.copyOf(c.strings, c.size));
                default -> StringColumn.create(c.name, Handler.emptyStrings(c.size)); // all missing: Tablesaw says STRING
            });
        }
        return t;
    }

    /** Parsers of the types Tablesaw tries before INTEGER and before STRING, with Data's options. */
    private static final class Parsers {
        final List<AbstractColumnParser<?>> beforeNumbers = new ArrayList<>();
        final List<AbstractColumnParser<?>> beforeString = new ArrayList<>();
        final AbstractColumnParser<?> lenientDouble;

        Parsers(CsvOptions o) {
            CsvReadOptions ro = CsvReadOptions.builder(new StringReader(""))
                    .missingValueIndicator(o.missingMarkers().toArray(String[]::new)).build();
            for (ColumnType t : ro.columnTypesToDetect()) {
                if (t == ColumnType.STRING) {
                    break;
                }
                AbstractColumnParser<?> p = t.customParser(ro);
                beforeString.add(p);
                if (t != ColumnType.INTEGER && t != ColumnType.LONG && t != ColumnType.DOUBLE) {
                    beforeNumbers.add(p);
                }
            }
            lenientDouble = ColumnType.DOUBLE.customParser(ro);
        }

        static boolean any(List<AbstractColumnParser<?>> ps, String s) {
            for (AbstractColumnParser<?> p : ps) {
                if (p.canParse(s)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final int UNKNOWN = 0;
    private static final int INT = 1;
    private static final int DOUBLE = 2;
    private static final int TEXT = 3;

    /** One column being built. */
    private static final class Col {
        final String name;
        final boolean forceText;
        int mode = UNKNOWN;
        int size;
        int[] ints;
        double[] doubles;
        String[] strings;
        Interner interner;
        boolean realDecimal; // a value with a non-zero fraction or an exponent (else Tablesaw says INTEGER)
        int numbers; // numbers in a TEXT column
        int words; // non-numbers (stray words) in a numeric column, or in a TEXT column
        final List<String> wordValues = new ArrayList<>(3);
        final List<Long> wordLines = new ArrayList<>(3);
        int nonMissing;

        Col(String name, boolean forceText) {
            this.name = name;
            this.forceText = forceText;
        }
    }

    /** FastCSV callbacks: the header first, then cells straight into the columns. */
    private static final class Handler extends AbstractBaseCsvCallbackHandler<Object> {
        private static final Object RECORD = new Object();
        private final CsvOptions options;
        private final String where;
        private final char[][] markers;
        private final Parsers parsers;
        private final long estimatedRows;
        private final int length;
        private final AtomicBoolean stop;
        private int capacity;
        private Col[] cols;
        private final List<String> header = new ArrayList<>();
        private int fields;
        private long line;
        private int rows;

        /**
         * @param estimatedRows rows expected, from {@link #estimateRows}
         * @param length characters in the range this handler reads, to bound the capacity
         * @param presetHeader the header for a second half, which has no header line; else null
         * @param stop set when the other half gave up; checked once a row
         */
        Handler(CsvOptions options, long estimatedRows, int length, String where, List<String> presetHeader, AtomicBoolean stop) {
            this.options = options;
            this.where = where;
            this.markers = options.missingMarkers().stream().map(String::toCharArray).toArray(char[][]::new);
            this.parsers = new Parsers(options);
            this.estimatedRows = estimatedRows;
            this.length = length;
            this.stop = stop;
            if (presetHeader != null) { // the second half of a file: no header line, same columns
                header.addAll(presetHeader);
                startColumns();
            }
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            line = startingLineNumber;
            fields = 0;
        }

        @Override
        protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
            if (len > MAX_CHARS) {
                throw new Decline("field too long");
            }
            if (len > 0 && !quoted && (buf[offset] <= ' ' || buf[offset + len - 1] <= ' ')) {
                throw new Decline("unquoted whitespace, which Tablesaw trims");
            }
            if (quoted) {
                for (int i = offset; i < offset + len; i++) {
                    if (buf[i] == '\r') {
                        throw new Decline("quoted CR, which Tablesaw normalises");
                    }
                }
            }
            fields++;
            if (cols == null) {
                header.add(new String(buf, offset, len));
                return;
            }
            if (fieldIdx >= cols.length) {
                throw new Decline("extra field");
            }
            add(cols[fieldIdx], buf, offset, len);
        }

        @Override
        protected void handleEmpty() {
            // an empty line: skipped, as Tablesaw skips it
        }

        @Override
        protected void handleComment(char[] buf, int offset, int len) {
            throw new Decline("comment");
        }

        @Override
        protected Object buildRecord() {
            // once a row: a volatile read and the thread's interrupt field, nothing per cell
            if (stop.get() || Thread.currentThread().isInterrupted()) {
                throw new Decline("the other half gave up, or the reader was interrupted");
            }
            if (getRecordType() == RecordType.EMPTY) {
                return RECORD;
            }
            if (cols == null) {
                startColumns();
                return RECORD;
            }
            if (fields != cols.length) {
                throw new Decline("ragged row");
            }
            rows++;
            return RECORD;
        }

        private void startColumns() {
            Set<String> seen = new HashSet<>();
            for (String h : header) {
                if (h.isEmpty() || h.charAt(0) <= ' ' || h.charAt(h.length() - 1) <= ' ' || h.charAt(0) == '\uFEFF'
                        || !seen.add(h.toLowerCase(Locale.ROOT))) {
                    throw new Decline("header Tablesaw rewrites or rejects");
                }
            }
            for (String t : options.textColumns()) {
                if (!header.contains(t)) {
                    throw new OptionError(Data.unknownTextColumn(where, t, header));
                }
            }
            capacity = initialCapacity(estimatedRows, length, header.size());
            cols = new Col[header.size()];
            for (int i = 0; i < cols.length; i++) {
                cols[i] = new Col(header.get(i), options.textColumns().contains(header.get(i)));
            }
        }

        private boolean missing(char[] buf, int off, int len) {
            for (char[] m : markers) {
                if (m.length == len && Arrays.equals(m, 0, len, buf, off, off + len)) {
                    return true;
                }
            }
            return false;
        }

        private void add(Col c, char[] buf, int off, int len) {
            int row = c.size;
            if (missing(buf, off, len)) {
                switch (c.mode) {
                    case INT -> ints(c, row)[row] = Integer.MIN_VALUE;
                    case DOUBLE -> doubles(c, row)[row] = Double.NaN;
                    case TEXT -> strings(c, row)[row] = "";
                    default -> { } // filled in when the mode is known
                }
                c.size++;
                return;
            }
            c.nonMissing++;
            switch (c.mode) {
                case INT -> {
                    long v = parseInt(buf, off, len);
                    if (v != NOT_INT) {
                        ints(c, row)[row] = (int) v;
                    } else {
                        double d = parseDouble(c, buf, off, len);
                        if (Double.isNaN(d)) {
                            stray(c, buf, off, len);
                            ints(c, row)[row] = Integer.MIN_VALUE;
                        } else {
                            toDoubles(c);
                            doubles(c, row)[row] = d;
                        }
                    }
                }
                case DOUBLE -> {
                    double d = parseDouble(c, buf, off, len);
                    if (Double.isNaN(d)) {
                        stray(c, buf, off, len);
                    }
                    doubles(c, row)[row] = d;
                }
                case TEXT -> {
                    strings(c, row)[row] = c.interner.get(buf, off, len);
                    if (isNumber(buf, off, len)) {
                        c.numbers++;
                    } else {
                        word(c, buf, off, len);
                    }
                }
                default -> {
                    first(c, buf, off, len);
                    c.nonMissing--;
                    add(c, buf, off, len);
                    return;
                }
            }
            c.size++;
        }

        /** Decides a column's mode from its first non-missing value, as Tablesaw's detector would. */
        private void first(Col c, char[] buf, int off, int len) {
            String s = new String(buf, off, len);
            int n = c.size;
            if (c.forceText || !isNumber(buf, off, len)) {
                if (!c.forceText && Parsers.any(parsers.beforeString, s)) {
                    throw new Decline("a date, time, boolean or lenient number");
                }
                c.mode = TEXT;
                c.interner = new Interner();
                c.strings = new String[Math.max(capacity, n + 1)];
                Arrays.fill(c.strings, 0, n, "");
            } else {
                if (Parsers.any(parsers.beforeNumbers, s)) {
                    throw new Decline("a number Tablesaw reads as a date or time");
                }
                c.mode = INT;
                c.ints = new int[Math.max(capacity, n + 1)];
                Arrays.fill(c.ints, 0, n, Integer.MIN_VALUE);
            }
        }

        private void stray(Col c, char[] buf, int off, int len) {
            if (parsers.lenientDouble.canParse(new String(buf, off, len))) {
                throw new Decline("a number only Tablesaw's lenient parser reads");
            }
            word(c, buf, off, len);
        }

        private void word(Col c, char[] buf, int off, int len) {
            c.words++;
            if (c.wordValues.size() < 3) {
                c.wordValues.add(new String(buf, off, len));
                c.wordLines.add(line);
            }
        }

        private static int[] ints(Col c, int row) {
            if (row == c.ints.length) {
                c.ints = Arrays.copyOf(c.ints, row * 2);
            }
            return c.ints;
        }

        private static double[] doubles(Col c, int row) {
            if (row == c.doubles.length) {
                c.doubles = Arrays.copyOf(c.doubles, row * 2);
            }
            return c.doubles;
        }

        private static String[] strings(Col c, int row) {
            if (row == c.strings.length) {
                c.strings = Arrays.copyOf(c.strings, row * 2);
            }
            return c.strings;
        }

        private static void toDoubles(Col c) {
            double[] d = new double[c.ints.length]; // the ints' length: sized by initialCapacity, not the file
            for (int i = 0; i < c.size; i++) {
                int v = c.ints[i];
                d[i] = v == Integer.MIN_VALUE ? Double.NaN : v;
            }
            c.doubles = d;
            c.ints = null;
            c.mode = DOUBLE;
        }

        static String[] emptyStrings(int n) {
            String[] s = new String[n];
            Arrays.fill(s, "");
            return s;
        }

        private static final long NOT_INT = Long.MIN_VALUE;

        /** {@code -?[0-9]{1,10}} within int range (MIN_VALUE excluded: Tablesaw's missing marker). */
        private static long parseInt(char[] b, int off, int len) {
            int i = off;
            int end = off + len;
            boolean neg = b[i] == '-';
            if (neg) {
                i++;
            }
            int digits = end - i;
            if (digits == 0 || digits > 10) {
                if (digits > 10 && allDigits(b, i, end)) {
                    throw new Decline("a long");
                }
                return NOT_INT;
            }
            long v = 0;
            for (; i < end; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return NOT_INT;
                }
                v = v * 10 + d;
            }
            if (neg) {
                v = -v;
            }
            if (v <= Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new Decline("a long");
            }
            return v;
        }

        private static boolean allDigits(char[] b, int from, int end) {
            for (int i = from; i < end; i++) {
                if (b[i] < '0' || b[i] > '9') {
                    return false;
                }
            }
            return true;
        }

        /**
         * {@code -?[0-9]*(\.[0-9]*)?([eE][+-]?[0-9]+)?} with at least one mantissa digit, exactly
         * as {@link Double#parseDouble} would read it; NaN when the text is not of that form.
         */
        private static double parseDouble(Col c, char[] b, int off, int len) {
            int i = off;
            int end = off + len;
            boolean neg = b[i] == '-';
            if (neg) {
                i++;
            }
            long m = 0;
            int sig = 0; // significant digits accumulated in m
            int digits = 0;
            int scale = 0; // decimal exponent adjustment
            boolean nonZeroFraction = false;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                if (sig < 18) {
                    m = m * 10 + (b[i] - '0');
                    if (m != 0) {
                        sig++;
                    }
                } else {
                    scale++;
                }
                digits++;
                i++;
            }
            if (i < end && b[i] == '.') {
                i++;
                while (i < end && b[i] >= '0' && b[i] <= '9') {
                    if (b[i] != '0') {
                        nonZeroFraction = true;
                    }
                    if (sig < 18) {
                        m = m * 10 + (b[i] - '0');
                        if (m != 0) {
                            sig++;
                        }
                        scale--;
                    }
                    digits++;
                    i++;
                }
            }
            if (digits == 0) {
                return Double.NaN;
            }
            boolean exponent = false;
            if (i < end && (b[i] == 'e' || b[i] == 'E')) {
                exponent = true;
                i++;
                boolean eneg = false;
                if (i < end && (b[i] == '+' || b[i] == '-')) {
                    eneg = b[i] == '-';
                    i++;
                }
                int e = 0;
                int ed = 0;
                while (i < end && b[i] >= '0' && b[i] <= '9') {
                    if (e < 100000) {
                        e = e * 10 + (b[i] - '0');
                    }
                    ed++;
                    i++;
                }
                if (ed == 0) {
                    return Double.NaN;
                }
                scale += eneg ? -e : e;
            }
            if (i != end) {
                return Double.NaN;
            }
            if (nonZeroFraction || exponent) {
                c.realDecimal = true;
            }
            if (sig <= 15 && m < (1L << 53) && scale >= -22 && scale <= 22) {
                // both m and 10^|scale| are exact doubles, so one IEEE operation rounds correctly
                double v = scale >= 0 ? m * POW10[scale] : m / POW10[-scale];
                return neg ? -v : v;
            }
            return Double.parseDouble(new String(b, off, len)); // sign included
        }

        /** Whether the text is a plain decimal number (the strict syntax of the two parsers above). */
        private static boolean isNumber(char[] b, int off, int len) {
            int i = off;
            int end = off + len;
            if (i < end && b[i] == '-') {
                i++;
            }
            int digits = 0;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                digits++;
                i++;
            }
            if (i < end && b[i] == '.') {
                i++;
                while (i < end && b[i] >= '0' && b[i] <= '9') {
                    digits++;
                    i++;
                }
            }
            if (digits == 0) {
                return false;
            }
            if (i < end && (b[i] == 'e' || b[i] == 'E')) {
                i++;
                if (i < end && (b[i] == '+' || b[i] == '-')) {
                    i++;
                }
                int ed = 0;
                while (i < end && b[i] >= '0' && b[i] <= '9') {
                    ed++;
                    i++;
                }
                if (ed == 0) {
                    return false;
                }
            }
            return i == end;
        }
    }

    /**
     * Shares one String per distinct cell text in a column, so a categorical column of a million
     * rows allocates a handful of strings; stops sharing past 4096 distinct values.
     */
    private static final class Interner {
        private String[] table = new String[256];
        private int count;
        private boolean full;

        String get(char[] b, int off, int len) {
            if (full) {
                return new String(b, off, len);
            }
            int h = 0;
            for (int i = off; i < off + len; i++) {
                h = 31 * h + b[i];
            }
            int mask = table.length - 1;
            int slot = (h ^ (h >>> 16)) & mask;
            while (true) {
                String s = table[slot];
                if (s == null) {
                    s = new String(b, off, len);
                    table[slot] = s;
                    if (++count * 2 > table.length) {
                        if (table.length >= 8192) {
                            full = true;
                        } else {
                            grow();
                        }
                    }
                    return s;
                }
                if (s.length() == len && same(s, b, off, len)) {
                    return s;
                }
                slot = (slot + 1) & mask;
            }
        }

        private static boolean same(String s, char[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                if (s.charAt(i) != b[off + i]) {
                    return false;
                }
            }
            return true;
        }

        private void grow() {
            String[] old = table;
            table = new String[old.length * 2];
            int mask = table.length - 1;
            for (String s : old) {
                if (s != null) {
                    int h = s.hashCode();
                    int slot = (h ^ (h >>> 16)) & mask;
                    while (table[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    table[slot] = s;
                }
            }
        }
    }
}
