package dev.jotter.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavaSourceTest {

    @Test
    void escapesWhatJavaNeedsAndKeepsTheRest() {
        assertEquals("\"C:\\\\data\\t\\\"5\\\"\"", JavaSource.stringLiteral("C:\\data\t\"5\""));
        assertEquals("\"\\u0000\\u007f\\r\\n\"", JavaSource.stringLiteral("\0\u007f\r\n"));
        assertEquals("\"café, 東京\"", JavaSource.stringLiteral("café, 東京"));
        assertEquals("\"\"", JavaSource.stringLiteral(""));
        assertEquals("\"a\\tb\\n\\\\\\u0001\"", JavaSource.stringLiteral("a\tb\n\\\u0001"));
    }
}
