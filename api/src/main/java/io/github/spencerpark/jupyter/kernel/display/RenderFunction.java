package io.github.spencerpark.jupyter.kernel.display;

/**
 * Renders values of one type into a {@link RenderContext}'s output, as registered with
 * {@link Renderer#createRegistration}: {@code (figure, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> html(figure))}.
 *
 * @param <T> the type of value rendered
 */
@FunctionalInterface
public interface RenderFunction<T> {
    /**
     * @param data the value to render
     * @param context what is asked for and where the result goes
     */
    void render(T data, RenderContext context);
}
