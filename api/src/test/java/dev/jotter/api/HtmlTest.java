package dev.jotter.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesWhatHtmlContentAndAttributesNeed() {
        assertEquals("&lt;b&gt;&quot;Smith &amp; Sons&#39;&quot;&lt;/b&gt;", Html.escape("<b>\"Smith & Sons'\"</b>"));
        assertEquals("plain é 中", Html.escape("plain é 中"));
        assertEquals("", Html.escape(""));
    }
}
