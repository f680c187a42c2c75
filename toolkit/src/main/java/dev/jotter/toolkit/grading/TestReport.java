package dev.jotter.toolkit.grading;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.jotter.api.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@code %%test} cell gave: a row per test with its outcome, the failure's sentence and
 * points, shown as an HTML table with a text/plain twin, and as JSON under {@link #MIME} for
 * {@code jotter grade}.
 *
 * @param rows the tests, in the order they ran
 * @param maxPoints the cell's points: what all rows together are worth
 * @param problem why no test ran (the tests did not compile), or null
 */
public record TestReport(List<Row> rows, double maxPoints, String problem) {
    /** Writes the JSON strings; HTML-safe escaping is the HTML table's job, not the JSON's. */
    private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();

    /** The MIME type of the machine-readable results that {@code jotter grade} reads from a test cell's outputs. */
    public static final String MIME = "application/vnd.jotter.tests+json";

    /**
     * One test.
     *
     * @param name the test's display name (with its class when the cell has several)
     * @param passed whether it passed
     * @param message the failure's sentence, empty when it passed
     * @param points the points it earned
     * @param maxPoints the points it is worth
     */
    public record Row(String name, boolean passed, String message, double points, double maxPoints) {}

    /** Copies the rows, so that a report never changes once made. */
    public TestReport {
        rows = List.copyOf(rows);
    }

    /** @return the points the passed tests earned */
    public double points() {
        return problem != null ? 0 : rows.stream().mapToDouble(Row::points).sum();
    }

    /** @return how many tests passed */
    public long passed() {
        return rows.stream().filter(Row::passed).count();
    }

    /** @return the one-line summary under the table */
    public String summary() {
        if (problem != null) {
            return "0 of " + fmt(maxPoints) + " points: the tests did not run.";
        }
        return passed() + " of " + rows.size() + " tests passed, " + fmt(points()) + " of " + fmt(maxPoints) + " points.";
    }

    /** @return the report as a MIME bundle: text/html, text/plain and {@link #MIME} */
    public Map<String, Object> bundle() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("text/plain", text());
        b.put("text/html", html());
        b.put(MIME, json());
        return b;
    }

    /** @return the plain-text table */
    public String text() {
        StringBuilder sb = new StringBuilder();
        if (problem != null) {
            sb.append("FAILED  the tests did not compile or load: ").append(problem).append('\n');
        }
        for (Row r : rows) {
            sb.append(r.passed() ? "passed  " : "FAILED  ").append(r.name())
                    .append("  [").append(fmt(r.points())).append('/').append(fmt(r.maxPoints())).append(']');
            if (!r.message().isEmpty()) {
                sb.append("\n        ").append(r.message().replace("\n", "\n        "));
            }
            sb.append('\n');
        }
        return sb.append(summary()).toString();
    }

    /** @return the HTML table */
    public String html() {
        StringBuilder sb = new StringBuilder("<table class=\"jotter-tests\">\n<thead><tr><th style=\"text-align:left\">test</th>"
                + "<th>result</th><th style=\"text-align:left\">message</th><th>points</th></tr></thead>\n<tbody>\n");
        if (problem != null) {
            sb.append("<tr><td>(the test cell)</td><td style=\"color:#b00\">failed</td><td style=\"text-align:left\"><pre>")
                    .append(Html.escape(problem)).append("</pre></td><td>0/").append(fmt(maxPoints)).append("</td></tr>\n");
        }
        for (Row r : rows) {
            sb.append("<tr><td style=\"text-align:left\">").append(Html.escape(r.name())).append("</td><td style=\"color:")
                    .append(r.passed() ? "#070\">passed" : "#b00\">failed").append("</td><td style=\"text-align:left\">")
                    .append(r.message().isEmpty() ? "" : "<pre style=\"white-space:pre-wrap;margin:0\">" + Html.escape(r.message()) + "</pre>")
                    .append("</td><td>").append(fmt(r.points())).append('/').append(fmt(r.maxPoints())).append("</td></tr>\n");
        }
        return sb.append("</tbody>\n</table>\n<p>").append(Html.escape(summary())).append("</p>").toString();
    }

    /** @return the JSON that {@code jotter grade} reads */
    public String json() {
        StringBuilder sb = new StringBuilder("{\"points\":").append(num(points())).append(",\"max_points\":").append(num(maxPoints))
                .append(",\"problem\":").append(problem == null ? "null" : quote(problem)).append(",\"tests\":[");
        List<String> tests = new ArrayList<>();
        for (Row r : rows) {
            tests.add("{\"name\":" + quote(r.name()) + ",\"passed\":" + r.passed() + ",\"message\":" + quote(r.message())
                    + ",\"points\":" + num(r.points()) + ",\"max_points\":" + num(r.maxPoints()) + "}");
        }
        return sb.append(String.join(",", tests)).append("]}").toString();
    }

    /** Points as people write them: 2, 0.5, 1.33. */
    static String fmt(double d) {
        double r = Math.round(d * 100) / 100.0;
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%s", r);
    }

    private static String num(double d) {
        return Double.isFinite(d) ? fmt(d) : "0";
    }

    /** @return s as a JSON string, quotes included */
    private static String quote(String s) {
        return JSON.toJson(s);
    }
}
