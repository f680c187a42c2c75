package dev.jotter.api.example;

/**
 * A user type that {@link PointRenderer} shows as HTML.
 *
 * @param x across
 * @param y down
 */
public record Point(int x, int y) {}
