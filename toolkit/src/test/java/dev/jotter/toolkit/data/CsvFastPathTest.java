package dev.jotter.toolkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Data.csv's fast path must give exactly the table Tablesaw's reader gives, or step aside. */
class CsvFastPathTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** What Data.csv returned before the fast path: Tablesaw's reader with Data's options. */
    private static Table tablesaw(Path p) {
        String f = p.getFileName().toString();
        return Table.read().usingOptions(CsvReadOptions.builder(p.toFile()).tableName(f.substring(0, f.lastIndexOf('.')))
                .missingValueIndicator("", "NA", "NaN").commentPrefix('\0').maxCharsPerColumn(1 << 20));
    }

    private static void assertSameTable(Table expected, Table actual, String what) {
        assertEquals(expected.name(), actual.name(), what);
        assertEquals(expected.columnNames(), actual.columnNames(), what);
        assertEquals(expected.rowCount(), actual.rowCount(), what);
        for (int c = 0; c < expected.columnCount(); c++) {
            Column<?> e = expected.column(c);
            Column<?> a = actual.column(c);
            assertEquals(e.type(), a.type(), what + " column " + e.name());
            for (int i = 0; i < e.size(); i++) {
                // Double.equals compares bits: -0.0 and 0.0 differ, NaN equals NaN
                assertEquals(e.get(i), a.get(i), what + " column " + e.name() + " row " + i);
                assertEquals(e.isMissing(i), a.isMissing(i), what + " column " + e.name() + " row " + i);
            }
        }
    }

    private static boolean fast(Path p) throws IOException {
        String f = p.getFileName().toString();
        return CsvFastReader.read(Files.readString(p), f.substring(0, f.lastIndexOf('.')), CsvOptions.defaults(), p.toString()) != null;
    }

    @Test
    void everyShippedCsvReadsAsTablesawReadsIt() throws IOException {
        int compared = 0;
        int fastOnes = 0;
        for (String name : Datasets.names()) {
            Properties props = new Properties();
            try (InputStream in = resource("dev/jotter/datasets/" + name + "/dataset.properties")) {
                props.load(in);
            }
            String file = props.getProperty("file");
            if (props.getProperty("types") == null || file == null) {
                continue; // fashion-mnist: IDX images, no CSV
            }
            Path p = dir.resolve(name + ".csv");
            try (InputStream raw = resource("dev/jotter/datasets/" + name + "/" + file);
                 InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
                Files.write(p, in.readAllBytes());
            }
            assertSameTable(tablesaw(p), Data.csv(p), name);
            compared++;
            fastOnes += fast(p) ? 1 : 0;
        }
        assertEquals(10, compared);
        // co2 has dates, penguins and others are plain numbers and words
        assertTrue(fastOnes >= 7, "fast path taken for only " + fastOnes + " of 10");
    }

    private static InputStream resource(String name) {
        InputStream in = CsvFastPathTest.class.getClassLoader().getResourceAsStream(name);
        assertNotNull(in, name);
        return in;
    }

    @Test
    void quotingMissingValuesAndTypesMatchTablesaw() throws IOException {
        String[] files = {
            // quoted commas, newlines, doubled quotes; CRLF line ends; missing markers in every type
            "id,name,score,n\r\n1,\"Smith, J\",2.5,7\r\n2,\"say \"\"hi\"\"\",NA,\r\n3,\"two\nlines\",NaN,9\r\n4,,1e3,-12\r\n",
            "a,b,c\n1,2.0,x\n2,3.5,\n,,\n-0,-0.0,NA\n",
            "i,d\n007,.5\n-2147483647,5.\n2147483647,1.7976931348623157E308\n0,4.9e-324\n",
            "x\n0.1\n0.2\n0.30000000000000004\n123456789012345678901234567890\n1.00000000000000011102230246251565\n",
            "empty,num\n,1\n,2\n", // an all-missing column is STRING
            "w\n\"quoted\"\n\"\"\nplain\n", // quoted empty is missing
            // columns the fast path must hand to Tablesaw: dates, times, booleans, longs, 3.0, percentages
            "d,v\n2024-01-01,1\n2024-02-01,2\n",
            "t,v\n12:30,1\n13:45,2\n",
            "b,v\ntrue,1\nfalse,2\n",
            "l,v\n12345678901,1\n2,2\n",
            "z,v\n1.0,1\n2.0,2\n",
            "p,v\n50%,1\n25%,2\n",
            "s,v\n 1 ,\" x \"\n2,y\n",
            "ymd,v\n20240101,1\n20240202,2\n",
        };
        int i = 0;
        for (String text : files) {
            Path p = write("f" + i++ + ".csv", text);
            assertSameTable(tablesaw(p), Data.csv(p), text);
        }
        assertTrue(fast(dir.resolve("f0.csv")), "quoted fields stay on the fast path");
        assertNull(CsvFastReader.read("d,v\n2024-01-01,1\n", "d", CsvOptions.defaults(), "d.csv"), "dates go to Tablesaw");
        assertNull(CsvFastReader.read("a,A\n1,2\n", "a", CsvOptions.defaults(), "a.csv"), "Tablesaw rejects duplicate names");
        assertNull(CsvFastReader.read("z\n1.0\n2.0\n", "z", CsvOptions.defaults(), "z.csv"), "Tablesaw reads 1.0 as an integer");
    }

    @Test
    void doublesParseExactlyAsJavaDoes() throws IOException {
        Random r = new Random(7);
        StringBuilder sb = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 20000; i++) {
            double g = r.nextGaussian() * Math.pow(10, r.nextInt(30) - 15);
            sb.append(String.format(Locale.ROOT, "%.4f", g)).append(',').append(g).append(',')
                    .append(String.format(Locale.ROOT, "%." + r.nextInt(20) + "e", g)).append('\n');
        }
        Path p = write("d.csv", sb.toString());
        assertTrue(fast(p));
        Table t = Data.csv(p);
        assertSameTable(tablesaw(p), t, "random doubles");
        String[] lines = sb.toString().split("\n");
        for (int i = 1; i < lines.length; i++) {
            assertEquals(Double.parseDouble(lines[i].split(",")[1]), t.doubleColumn("b").get(i - 1), lines[i]);
        }
    }

    @Test
    void aWordInANumericColumnNamesFileLineColumnAndValue() throws IOException {
        StringBuilder sb = new StringBuilder("n,name\n");
        for (int i = 0; i < 200001; i++) {
            sb.append(i == 200000 ? "seven" : Integer.toString(i)).append(",x").append(i % 7).append('\n');
        }
        Path p = write("ages.csv", sb.toString());
        var e = assertThrows(IllegalArgumentException.class, () -> Data.csv(p));
        assertEquals(p + ":200002, column 'n': 'seven' is not a number, but 200000 of the 200001 values in this column are."
                + " Read as it is, the whole column would become text. Fix the file, read the value as missing with"
                + " Data.csv(path, CsvOptions.defaults().missing(\"seven\")), or keep the column as text with"
                + " Data.csv(path, CsvOptions.defaults().text(\"n\"))", e.getMessage());

        Table t = Data.csv(p, CsvOptions.defaults().missing("seven"));
        assertEquals(ColumnType.INTEGER, t.column("n").type());
        assertEquals(1, t.column("n").countMissing());
        Table text = Data.csv(p, CsvOptions.defaults().text("n"));
        assertEquals(ColumnType.STRING, text.column("n").type());
        assertEquals("seven", text.stringColumn("n").get(200000));
        assertEquals("17", text.stringColumn("n").get(17));
    }

    @Test
    void aWordFirstOrInADoubleColumnIsReportedToo() throws IOException {
        StringBuilder sb = new StringBuilder("x\n?\n");
        for (int i = 0; i < 30; i++) {
            sb.append(i).append(".5\n");
        }
        sb.append("n/a\n");
        Path p = write("first.csv", sb.toString());
        var e = assertThrows(IllegalArgumentException.class, () -> Data.csv(p));
        assertTrue(e.getMessage().startsWith(p + ":2, column 'x': '?' is not a number, but 30 of the 32 values in this column are;"
                + " also not numbers: 'n/a' (line 33)."), e.getMessage());
        assertTrue(e.getMessage().contains("CsvOptions.defaults().missing(\"?\", \"n/a\")"), e.getMessage());
        assertEquals(2, Data.csv(p, CsvOptions.defaults().missing("?", "n/a")).doubleColumn("x").countMissing());
    }

    @Test
    void theTablesawPathReportsStrayWordsWithTheirLine() throws IOException {
        // unquoted padding sends the file to Tablesaw, which trims it; the check still runs
        StringBuilder sb = new StringBuilder("x,y\n 1 ,a\n");
        for (int i = 0; i < 20; i++) {
            sb.append(i).append(",\"b\nc\"\n");
        }
        sb.append("oops,d\n");
        Path p = write("slow.csv", sb.toString());
        assertNull(CsvFastReader.read(sb.toString(), "slow", CsvOptions.defaults(), "slow.csv"));
        var e = assertThrows(IllegalArgumentException.class, () -> Data.csv(p));
        assertTrue(e.getMessage().startsWith(p + ":43, column 'x': 'oops' is not a number, but 21 of the 22 values"), e.getMessage());
    }

    @Test
    void textColumnsAreNeverRefused() throws IOException {
        StringBuilder sb = new StringBuilder("code,v\n");
        for (int i = 0; i < 100; i++) {
            sb.append(i % 3 == 0 ? "A" + i : Integer.toString(i)).append(',').append(i).append('\n');
        }
        Table t = Data.csv(write("codes.csv", sb.toString()));
        assertEquals(ColumnType.STRING, t.column("code").type());
        // short columns with a word and few numbers are text too
        assertEquals(ColumnType.STRING, Data.csv(write("short.csv", "a\n1\n2\nthree\n")).column("a").type());
    }

    @Test
    void unknownTextColumnSuggestsTheClosest() throws IOException {
        Path p = write("c.csv", "code,value\n1,2\n");
        var e = assertThrows(IllegalArgumentException.class, () -> Data.csv(p, CsvOptions.defaults().text("vaule")));
        assertEquals("CsvOptions.text(\"vaule\"): no column 'vaule' in " + p + "; did you mean 'value'? Available: [code, value]",
                e.getMessage());
    }

    @Test
    void nonAsciiUtf8StaysOnTheFastPath() throws IOException {
        Path p = dir.resolve("u.csv");
        Files.writeString(p, "city,n\nZürich,1\n東京,2\n", StandardCharsets.UTF_8);
        assertSameTable(tablesaw(p), Data.csv(p), "utf-8");
        assertEquals("東京", Data.csv(p).stringColumn("city").get(1));
    }

    /** Over 4 MB, with quoted newlines and doubled quotes around the middle; {@code mixed} adds a column that is text in the first half only. */
    private static String bigFile(boolean mixed) {
        StringBuilder sb = new StringBuilder(mixed ? "id,note,x,mixed\n" : "id,note,x\n");
        for (int i = 0; i < 150000; i++) {
            sb.append(i).append(",\"line ").append(i % 5).append("\nsecond, \"\"q\"\"\",").append(i % 3 == 0 ? "" : i + ".25");
            if (mixed) {
                sb.append(',').append(i < 3000 ? "w" + (i % 4) : Integer.toString(i));
            }
            sb.append('\n');
        }
        String text = sb.toString();
        assertTrue(text.length() > 4 << 20);
        return text;
    }

    /** CsvFastReader.read with the two halves forced (whatever the CPU count); the routes taken. */
    private static Table readInHalves(String text, String name, CsvOptions options, List<CsvFastReader.Route> routes) {
        return CsvFastReader.read(text, name, options, name + ".csv", true, routes::add);
    }

    @Test
    void bigFilesAreReadInTwoHalvesAndMerged() throws IOException {
        String text = bigFile(false);
        int split = CsvFastReader.splitPoint(text);
        assertTrue(split > text.length() / 2 && text.charAt(split - 1) == '\n' && Character.isDigit(text.charAt(split)),
                text.substring(split - 20, split + 20));
        Path p = write("big.csv", text);
        List<CsvFastReader.Route> routes = new ArrayList<>();
        Table t = readInHalves(text, "big", CsvOptions.defaults(), routes);
        assertEquals(List.of(CsvFastReader.Route.MERGED), routes, "the halves agree, so their columns are concatenated");
        assertSameTable(tablesaw(p), t, "big, merged");
        assertSameTable(tablesaw(p), Data.csv(p), "big, through Data.csv");

        // a stray word in the second half is reported with its line in the whole file: the
        // second half's own line numbers plus the newlines before the split
        int row = 140000;
        String bad = text.replace("\n" + row + ",\"line", "\nabc,\"line");
        routes.clear();
        var e = assertThrows(IllegalArgumentException.class, () -> readInHalves(bad, "bad", CsvOptions.defaults(), routes));
        assertEquals(List.of(CsvFastReader.Route.MERGED), routes);
        assertTrue(e.getMessage().startsWith("bad.csv:" + (2 + 2 * row) + ", column 'id': 'abc' is not a number"), e.getMessage());
        // and one in each half: both lines right, in file order
        String two = bad.replace("\n" + 10 + ",\"line", "\nxyz,\"line");
        var e2 = assertThrows(IllegalArgumentException.class, () -> readInHalves(two, "two", CsvOptions.defaults(), new ArrayList<>()));
        assertTrue(e2.getMessage().startsWith("two.csv:" + (2 + 2 * 10) + ", column 'id': 'xyz' is not a number")
                && e2.getMessage().contains("'abc' (line " + (2 + 2 * row) + ")"), e2.getMessage());
    }

    @Test
    void halvesThatDisagreeAreReadAgainInOnePiece() throws IOException {
        String text = bigFile(true);
        Path p = write("mixed.csv", text);
        List<CsvFastReader.Route> routes = new ArrayList<>();
        Table t = readInHalves(text, "mixed", CsvOptions.defaults(), routes);
        assertEquals(List.of(CsvFastReader.Route.ONE_PIECE), routes, "'mixed' is text in one half only");
        assertSameTable(tablesaw(p), t, "mixed");
    }

    @Test
    void aBigFileWithAHeaderTablesawRewritesGoesToTablesaw() throws IOException {
        // the second half's handler gets the header preset; a header the fast path declines
        // (a BOM, pandas' unnamed index column, padded or duplicate names) must hand the file to
        // Tablesaw as for a small file, not fail
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < 5 << 20; i++) {
            body.append(i).append(',').append(i * 0.5).append(",w").append(i % 7).append('\n');
        }
        String[] headers = {"\uFEFFa,b,c\n", ",b,c\n", "a, b,c\n", "a,b,A\n"};
        int i = 0;
        for (String header : headers) {
            String text = header + body;
            List<CsvFastReader.Route> routes = new ArrayList<>();
            assertNull(readInHalves(text, "h", CsvOptions.defaults(), routes), header);
            assertEquals(List.of(CsvFastReader.Route.DECLINED), routes, header);
            if (i < 2) { // Tablesaw rejects the other two outright; these it reads
                Path p = dir.resolve("h" + i + ".csv");
                Files.writeString(p, text, StandardCharsets.UTF_8);
                assertSameTable(tablesaw(p), Data.csv(p), header);
            }
            i++;
        }
        // the user's own mistake still surfaces from the second half's header check
        String text = "a,b,c\n" + body;
        var e = assertThrows(IllegalArgumentException.class, () -> readInHalves(text, "t", CsvOptions.defaults().text("d"), new ArrayList<>()));
        assertTrue(e.getMessage().startsWith("CsvOptions.text(\"d\")"), e.getMessage());
    }

    @Test
    void wideFilesStartWithArraysSizedByRowsNotFileLength() throws IOException {
        // 300 columns: the first arrays must follow the row count, not the file length
        int cols = 300;
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cols; c++) {
            sb.append(c == 0 ? "" : ",").append("pixel").append(c);
        }
        sb.append('\n');
        int rows = 0;
        Random r = new Random(3);
        while (sb.length() < 5 << 20) {
            for (int c = 0; c < cols; c++) {
                sb.append(c == 0 ? "" : ",").append(r.nextInt(4) == 0 ? r.nextInt(256) : 0);
            }
            sb.append('\n');
            rows++;
        }
        String text = sb.toString();
        long est = CsvFastReader.estimateRows(text, 0, text.length());
        assertTrue(est > rows * 0.8 && est < rows * 1.25, est + " for " + rows);
        int cap = CsvFastReader.initialCapacity(est, text.length(), cols);
        assertTrue(cap >= rows && cap < rows * 1.5, cap + " for " + rows);
        // all columns' first arrays together: about one slot per file character at most, even
        // when the row guess is absurd (the old rule gave every column length/64 slots)
        assertTrue((long) CsvFastReader.initialCapacity(Long.MAX_VALUE / 2, text.length(), cols) * cols <= text.length() + cols);
        assertEquals(16, CsvFastReader.initialCapacity(0, 100, 3));
        // a 73 MB file of 785 columns of rows like these now starts at ~tens of MB, not ~3.6 GB
        long mnistRows = 73_000_000L / (text.length() / rows * 785 / cols);
        assertTrue((long) CsvFastReader.initialCapacity(mnistRows, 73_000_000, 785) * 785 * 8 < 1L << 30);

        Path p = write("wide.csv", text);
        List<CsvFastReader.Route> routes = new ArrayList<>();
        Table t = readInHalves(text, "wide", CsvOptions.defaults(), routes);
        assertEquals(List.of(CsvFastReader.Route.MERGED), routes);
        assertEquals(rows, t.rowCount());
        assertSameTable(tablesaw(p), t, "wide");
    }

    @Test
    void theSuggestedOptionsKeepTheUsersOwnAndEscapeJava() throws IOException {
        StringBuilder sb = new StringBuilder("x,code\n");
        for (int i = 0; i < 50; i++) {
            sb.append(i == 7 ? "\"C:\\tmp \"\"q\"\"\"" : Integer.toString(i)).append(",z").append(i).append('\n');
        }
        Path p = write("esc.csv", sb.toString());
        CsvOptions mine = CsvOptions.defaults().missing("?").text("code");
        var e = assertThrows(IllegalArgumentException.class, () -> Data.csv(p, mine));
        assertTrue(e.getMessage().startsWith(p + ":9, column 'x': 'C:\\tmp \"q\"' is not a number"), e.getMessage());
        assertTrue(e.getMessage().contains("as missing with Data.csv(path, CsvOptions.defaults().missing(\"?\", \"C:\\\\tmp \\\"q\\\"\")"
                + ".text(\"code\"))"), e.getMessage());
        assertTrue(e.getMessage().endsWith("keep the column as text with Data.csv(path, CsvOptions.defaults().missing(\"?\")"
                + ".text(\"code\", \"x\"))"), e.getMessage());
        assertEquals(1, Data.csv(p, mine.missing("C:\\tmp \"q\"")).column("x").countMissing());
    }

    @Test
    void anInterruptStopsBothHalvesAndSkipsTablesaw() throws InterruptedException {
        String text = bigFile(false);
        List<CsvFastReader.Route> routes = new ArrayList<>();
        Thread.currentThread().interrupt();
        try {
            var e = assertThrows(IllegalStateException.class, () -> readInHalves(text, "big", CsvOptions.defaults(), routes));
            assertTrue(e.getMessage().startsWith("Interrupted while reading"), e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status is kept");
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(), routes, "no result, not even a decline that would start Tablesaw");
        // the second half's thread was told to stop: it ends within a row, not after its half
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("jotter-csv")) {
                t.join(2000);
                assertTrue(!t.isAlive(), "the second half still runs");
            }
        }
        // one piece too
        Thread.currentThread().interrupt();
        try {
            assertThrows(IllegalStateException.class, () -> CsvFastReader.read(text, "big", CsvOptions.defaults(), "big.csv", false, routes::add));
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(), routes);
    }

    @Test
    void csvOptionsAreValues() {
        CsvOptions a = CsvOptions.defaults().missing("?", "-").text("z");
        CsvOptions b = CsvOptions.defaults().text("z").missing("-").missing("?", "NA");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(CsvOptions.defaults(), CsvOptions.defaults().missing("NA"));
        assertTrue(!a.equals(CsvOptions.defaults().missing("?")) && !a.equals(CsvOptions.defaults().missing("?", "-")));
        // missing() adds to the current markers, not to the defaults
        assertEquals(List.of("", "NA", "NaN", "?", "x"), CsvOptions.defaults().missing("?").missing("x").missingMarkers());
    }
}
