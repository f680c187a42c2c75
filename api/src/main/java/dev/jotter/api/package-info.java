/**
 * The seam between user-facing code and the kernel: {@link dev.jotter.api.DisplayHost}, which a
 * kernel implements so that {@link dev.jotter.kernel.Display} reaches it. The rest of the
 * user-facing API keeps the package names cells and magics already import:
 * {@code dev.jotter.kernel.Display} and {@code MimeBundle}, and the magic and renderer SPI in
 * {@code dev.jotter.magics}. Everything in this module depends on the JDK only.
 */
package dev.jotter.api;
