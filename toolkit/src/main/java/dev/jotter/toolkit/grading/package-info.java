/**
 * Graded exercises in notebooks: the {@code %%test} cell magic, which runs a cell's JUnit 5 test
 * classes with the JUnit Platform launcher against what the notebook defined so far and shows a
 * table of test, outcome, message and points (docs/teaching.md). JUnit lives here, in the toolkit
 * layer, so that the test classes a cell declares and the launcher that runs them see the same
 * JUnit classes; {@link dev.jotter.toolkit.grading.TestMagic} names no JUnit type, so a kernel
 * loads JUnit only when a cell first runs tests.
 */
package dev.jotter.toolkit.grading;
