package dev.jotter.toolkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class DataTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsCsvWithTypesAndMissingValues() throws IOException {
        Path p = write("m.csv", "id,name,score\n1,\"Smith, J\",2.5\n2,#2 Lee,NA\n");
        Table t = Data.csv(p);
        assertEquals("m", t.name());
        assertEquals(2, t.rowCount());
        assertEquals(ColumnType.DOUBLE, t.column("score").type());
        assertEquals("Smith, J", t.stringColumn("name").get(0));
        assertEquals("#2 Lee", t.stringColumn("name").get(1));
        assertEquals(1, t.column("score").countMissing());
    }

    @Test
    void aBadValueAfterAQuotedCommaNamesItsOwnColumn() throws IOException {
        // Splitting lines on "," read "Smith, J" as two values and named the column after "score".
        Path p = write("quoted.csv", "name,score,grade\n\"Lee, A\",1.5,A\n\"Smith, J\",abc,B\n");
        var e = Data.locate(p, new NumberFormatException("For input string: \"abc\""));
        assertEquals(p + ":3, column 'score': cannot read 'abc' as the type detected from the rows above it; fix the value, "
                + "or read with Table.read().usingOptions(...columnTypes(...)) to choose the type", e.getMessage());
        // A value that spans lines: the line is the record's first.
        Path q = write("multiline.csv", "note,score\n\"two\nlines\",1\nplain,xyz\n");
        assertTrue(Data.locate(q, new NumberFormatException("For input string: \"xyz\"")).getMessage()
                .startsWith(q + ":4, column 'score'"));
    }

    @Test
    void malformedRowNamesFileLineAndColumn() throws IOException {
        Path p = write("bad.csv", "a,b,c\n1,2,3\n4,5,6,7\n");
        var e = assertThrows(IllegalArgumentException.class, () -> Data.csv(p));
        assertEquals(p + ":3, column 4: expected 3 fields like the header, found 4 (extra field '7' after column 'c')."
                + " Quote values that contain commas, e.g. \"Smith, J\"", e.getMessage());
        Path q = write("short.csv", "a,b,c\n1,2\n");
        e = assertThrows(IllegalArgumentException.class, () -> Data.csv(q));
        assertTrue(e.getMessage().startsWith(q + ":2, column 3: expected 3 fields like the header, found 2 (no value for column 'c')"),
                e.getMessage());
    }

    @Test
    void missingFileSaysWhereItLooked() {
        var e = assertThrows(IllegalArgumentException.class, () -> Data.csv("nope.csv"));
        assertTrue(e.getMessage().startsWith("No file "), e.getMessage());
    }

    @Test
    void readsJsonAndLocatesSyntaxErrors() throws IOException {
        Path p = write("r.json", "[{\"a\": 1, \"b\": \"x\"}, {\"a\": 2, \"b\": \"y\"}]");
        Table t = Data.json(p);
        assertEquals(2, t.rowCount());
        assertEquals("r", t.name());
        Path bad = write("bad.json", "[{\"a\": 1},\n {\"a\": 2,,}]");
        var e = assertThrows(IllegalArgumentException.class, () -> Data.json(bad));
        assertEquals(bad + ":2, column 10: invalid JSON: unexpected ','", e.getMessage());
    }

    @Test
    void readsEveryJsonShapeWithTypesNestingAndMissingValues() throws IOException {
        Path objects = write("o.json", """
                [{"id": 1, "name": "Ann", "score": 2.5, "address": {"city": "Oslo"}, "tags": ["a", "b"], "ok": true},
                 {"id": 2, "name": "Bo", "score": null, "address": {"city": "Rome"}, "ok": false, "extra": "x"}]
                """);
        Table t = Data.json(objects);
        assertEquals(List.of("id", "name", "score", "address.city", "tags[0]", "tags[1]", "ok", "extra"), t.columnNames());
        assertEquals(ColumnType.INTEGER, t.column("id").type());
        assertEquals(ColumnType.DOUBLE, t.column("score").type());
        assertEquals(ColumnType.BOOLEAN, t.column("ok").type());
        assertEquals(1, t.column("score").countMissing());
        assertEquals(1, t.column("extra").countMissing());
        assertEquals("Rome", t.stringColumn("address.city").get(1));
        Table arrays = Data.json(write("a.json", "[[\"x\", \"y\"], [1, \"p\"], [2, \"q\"]]"));
        assertEquals(List.of("x", "y"), arrays.columnNames());
        assertEquals(2, arrays.rowCount());
        Table columns = Data.json(write("c.json", "{\"x\": [1, 2, 3], \"y\": [\"p\", \"q\", \"r\"]}"));
        assertEquals(List.of("x", "y"), columns.columnNames());
        assertEquals(3, columns.rowCount());
        assertEquals(ColumnType.INTEGER, columns.column("x").type());
        for (String shape : List.of("42", "[]", "{}", "[1, 2]", "{\"x\": 1}", "{\"x\": [1], \"y\": [1, 2]}")) {
            Path p = write("shape.json", shape);
            var e = assertThrows(IllegalArgumentException.class, () -> Data.json(p), shape);
            assertTrue(e.getMessage().startsWith("Expected in " + p + " an array of objects"), e.getMessage());
        }
        Path trailing = write("trailing.json", "[{\"a\": 1}] [");
        var e = assertThrows(IllegalArgumentException.class, () -> Data.json(trailing));
        assertEquals(trailing + ":1, column 12: invalid JSON: expected the end of the file after the first JSON value; put the rows in one array",
                e.getMessage());
        Path unquoted = write("unquoted.json", "[{a: 1}]");
        e = assertThrows(IllegalArgumentException.class, () -> Data.json(unquoted));
        assertEquals(unquoted + ":1, column 3: invalid JSON: unexpected 'a'", e.getMessage());
        Path empty = write("empty.json", "");
        e = assertThrows(IllegalArgumentException.class, () -> Data.json(empty));
        assertTrue(e.getMessage().contains("invalid JSON"), e.getMessage());
    }
}
