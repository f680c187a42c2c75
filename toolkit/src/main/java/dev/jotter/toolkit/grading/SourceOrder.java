package dev.jotter.toolkit.grading;

import java.util.Comparator;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

/**
 * Runs a {@code %%test} cell's test methods in the order the cell declares them, so that the
 * table reads like the cell; {@code @Order} still wins where a method has one. JUnit's default
 * order is deterministic but not the source's, and reflection does not know the source's.
 */
public final class SourceOrder implements MethodOrderer {
    /** Created by JUnit, named by {@link JUnitRun}'s configuration. */
    public SourceOrder() {}

    @Override
    public void orderMethods(MethodOrdererContext context) {
        JUnitRun run = JUnitRun.current();
        String source = run == null ? "" : run.source();
        context.getMethodDescriptors().sort(Comparator
                .comparingInt((MethodDescriptor m) -> m.findAnnotation(org.junit.jupiter.api.Order.class)
                        .map(org.junit.jupiter.api.Order::value).orElse(org.junit.jupiter.api.Order.DEFAULT))
                .thenComparingInt(m -> position(source, m.getMethod().getName())));
    }

    /** Where a method is declared in the cell: its name followed by an opening parenthesis; unknown ones last. */
    private static int position(String source, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(name) + "\\s*\\(").matcher(source);
        return m.find() ? m.start() : Integer.MAX_VALUE;
    }
}
