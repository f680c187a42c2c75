package dev.jotter.magics.builtin;

import java.math.BigDecimal;
import java.math.MathContext;

/** Formats durations the way IPython's timing magics do: three significant digits and a unit. */
final class Durations {
    private Durations() {}

    static String format(double nanos) {
        if (nanos >= 60e9) {
            long s = Math.round(nanos / 1e9);
            return (s / 60) + "min " + (s % 60) + "s";
        }
        if (nanos >= 1e9) {
            return digits(nanos / 1e9) + " s";
        }
        if (nanos >= 1e6) {
            return digits(nanos / 1e6) + " ms";
        }
        if (nanos >= 1e3) {
            return digits(nanos / 1e3) + " µs";
        }
        return digits(nanos) + " ns";
    }

    private static String digits(double v) {
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
