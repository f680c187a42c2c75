package dev.jotter.toolkit.plot;

/**
 * A snapshot of a progress display, such as {@link TrainingProgress}'s bar: the same content as
 * plain text (terminals, logs, {@code text/plain}) and as HTML (notebooks, {@code text/html},
 * no JavaScript). A notebook kernel renders it; {@link #toString()} is the text.
 *
 * @param text one or more lines of plain text
 * @param html a self-contained HTML fragment
 */
public record ProgressView(String text, String html) {

    /** @return {@link #text()}, so that printing a view shows its text */
    @Override
    public String toString() {
        return text;
    }
}
