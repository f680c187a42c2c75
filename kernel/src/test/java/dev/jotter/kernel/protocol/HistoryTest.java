package dev.jotter.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private History history() {
        History h = new History();
        h.add(1, "int x = 1;", null);
        h.add(2, "x + 1", "2");
        h.add(3, "x + 1", "2");
        h.add(4, "System.out.println(x);", null);
        return h;
    }

    @Test
    void tailReturnsTheLastN() {
        JsonArray a = history().tail(2, false);
        assertEquals(2, a.size());
        assertEquals(3, a.get(0).getAsJsonArray().get(1).getAsInt());
        assertEquals("System.out.println(x);", a.get(1).getAsJsonArray().get(2).getAsString());
    }

    @Test
    void outputPairsInputWithOutput() {
        JsonArray row = history().tail(1, true).get(0).getAsJsonArray();
        assertEquals(2, row.get(2).getAsJsonArray().size());
    }

    @Test
    void rangeIsHalfOpenAndAcceptsCurrentSessionZero() {
        assertEquals(2, history().range(History.SESSION, 2, 4, false).size());
        assertEquals(4, history().range(0, 1, 0, false).size());
        assertEquals(0, history().range(99, 1, 0, false).size());
    }

    @Test
    void searchGlobUniqueAndN() {
        assertEquals(2, history().search("x + *", 0, false, false).size());
        assertEquals(1, history().search("x + *", 0, true, false).size());
        assertEquals(1, history().search("*", 1, false, false).size());
        assertEquals(0, history().search("nothing*", 0, false, false).size());
    }
}
