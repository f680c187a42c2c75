package dev.jotter.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.kernel.Display;
import dev.jotter.kernel.MimeBundle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Display} with no kernel (a plain program) and with a host installed (a kernel). */
class DisplayTest {

    /** A host that keeps what it was asked to do, as a kernel's output area would show it. */
    private static final class OutputArea implements DisplayHost {
        final List<String> shown = new ArrayList<>();
        int displays;

        @Override
        public String display(Object value, String... mimeTypes) {
            String id = "d" + ++displays;
            shown.add(id + "=" + value + Arrays.toString(mimeTypes));
            return id;
        }

        @Override
        public void updateDisplay(String displayId, Object value, String... mimeTypes) {
            shown.add(displayId + ":=" + value + Arrays.toString(mimeTypes));
        }

        @Override
        public MimeBundle render(Object value, String text, String... mimeTypes) {
            return MimeBundle.of("text/html", "<i>" + value + "</i>", "text/plain", text == null ? String.valueOf(value) : text);
        }

        @Override
        public void clearOutput(boolean wait) {
            shown.add(wait ? "clear after next output" : "clear");
        }
    }

    @AfterEach
    void noHostLeftBehind() {
        DisplayHost host = DisplayHost.installed();
        if (host != null) {
            DisplayHost.uninstall(host);
        }
    }

    @Test
    void outsideAKernelDisplayShowsNothingAndRenderGivesPlainText() {
        assertNull(DisplayHost.installed());
        assertNull(Display.display("training..."));
        Display.updateDisplay("d1", "done");
        Display.clearOutput();
        Display.clearOutput(true);

        MimeBundle b = Display.render(42, "text/html");
        assertEquals(Map.of("text/plain", "42"), b.data());
        assertEquals(Map.of(), b.metadata());
        assertEquals("42", b.toString());
    }

    @Test
    void updateDisplayWithoutAnIdSaysWhichIdItNeeds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Display.updateDisplay(null, "done"));
        assertTrue(e.getMessage().contains("display(...) returned"), e.getMessage());
    }

    @Test
    void withAHostInstalledEveryCallReachesIt() {
        OutputArea area = new OutputArea();
        DisplayHost.install(area);
        assertSame(area, DisplayHost.installed());

        String id = Display.display("training...");
        Display.updateDisplay(id, "done", "text/plain");
        Display.clearOutput();
        Display.clearOutput(true);
        MimeBundle b = Display.render("bold", "text/html");

        assertEquals("d1", id);
        assertEquals(List.of("d1=training...[]", "d1:=done[text/plain]", "clear", "clear after next output"), area.shown);
        assertEquals(Map.of("text/html", "<i>bold</i>", "text/plain", "bold"), b.data());
    }

    @Test
    void aClosingHostNeverUnplugsTheOneThatReplacedIt() {
        OutputArea first = new OutputArea();
        OutputArea second = new OutputArea();
        DisplayHost.install(first);
        DisplayHost.install(second);

        DisplayHost.uninstall(first);
        assertSame(second, DisplayHost.installed());
        Display.display("x");
        assertEquals(List.of(), first.shown);
        assertEquals(List.of("d1=x[]"), second.shown);

        DisplayHost.uninstall(second);
        assertNull(DisplayHost.installed());
        assertNull(Display.display("y"));
    }

    @Test
    void installingNullIsRefusedWithWhatToDoInstead() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> DisplayHost.install(null));
        assertTrue(e.getMessage().contains("uninstall"), e.getMessage());
    }

    @Test
    void aBundleIsFixedOnceMadeAndNeedsPairs() {
        MimeBundle b = MimeBundle.of("text/html", "<b>x</b>", "text/plain", "x");
        assertThrows(UnsupportedOperationException.class, () -> b.data().put("image/png", ""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MimeBundle.of("text/html"));
        assertTrue(e.getMessage().contains("found 1"), e.getMessage());
    }
}
