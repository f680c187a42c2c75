/**
 * Graded exercises for a class: the exercise markup ({@link dev.jotter.kernel.cli.teaching.Exercises},
 * nbgrader's cell metadata and solution/hidden-test regions), {@code jotter assign} (the student
 * version) and {@code jotter grade} (every submission headless in its own JVM). See docs/teaching.md.
 */
package dev.jotter.kernel.cli.teaching;
