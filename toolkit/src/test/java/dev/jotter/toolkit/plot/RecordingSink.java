package dev.jotter.toolkit.plot;

import java.util.ArrayList;
import java.util.List;

/** A DisplaySink for tests: records every display and update in order, as a notebook or a console. */
final class RecordingSink implements DisplaySink {

    /** One call: {@code update} false for display, true for update. */
    record Event(boolean update, String id, Object value) {}

    private final boolean notebook;
    final List<Event> events = new ArrayList<>();
    private int ids;

    RecordingSink(boolean notebook) {
        this.notebook = notebook;
    }

    @Override
    public boolean isNotebook() {
        return notebook;
    }

    @Override
    public String display(Object value) {
        String id = "display-" + (++ids);
        events.add(new Event(false, id, value));
        return id;
    }

    @Override
    public void update(String displayId, Object value) {
        events.add(new Event(true, displayId, value));
    }

    List<Event> of(Class<?> type) {
        return events.stream().filter(e -> type.isInstance(e.value())).toList();
    }

    List<String> texts() {
        return events.stream().map(e -> String.valueOf(e.value())).toList();
    }
}
