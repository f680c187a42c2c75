package dev.jotter.magics.builtin;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.CellMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import java.util.Map;

/** Cell magics that display their body as one MIME type, e.g. {@code %%html}. */
public abstract class MimeCellMagic extends AbstractMagic implements CellMagic {
    private final String mimeType;

    /**
     * @param name the magic's name
     * @param mimeType the MIME type the body is sent as
     * @param what a human name of the content, e.g. "HTML"
     * @param example a short example body
     * @param aliases other names
     */
    protected MimeCellMagic(String name, String mimeType, String what, String example, String... aliases) {
        super(name, "Display the cell as " + what, """
                %%%%%s
                CONTENT

                Displays the rest of the cell as %s (sent as %s; the frontend renders it).

                Example:
                  %%%%%s
                  %s
                """.formatted(name, what, mimeType, name, example), aliases);
        this.mimeType = mimeType;
    }

    @Override
    public Object run(String args, String body, MagicContext context) throws Exception {
        if (!args.isBlank()) {
            throw MagicArgs.usageError(this, "%%" + name() + " takes no arguments, got: " + args
                    + ". Put the content on the following lines.");
        }
        context.displayBundle(Map.of(mimeType, body));
        return null;
    }

    /** {@code %%html}. */
    public static final class Html extends MimeCellMagic {
        /** Creates the magic; found by ServiceLoader. */
        public Html() {
            super("html", "text/html", "HTML", "<b>bold</b> text");
        }
    }

    /** {@code %%markdown}. */
    public static final class Markdown extends MimeCellMagic {
        /** Creates the magic; found by ServiceLoader. */
        public Markdown() {
            super("markdown", "text/markdown", "Markdown", "# Title", "md");
        }
    }

    /** {@code %%latex}. */
    public static final class Latex extends MimeCellMagic {
        /** Creates the magic; found by ServiceLoader. */
        public Latex() {
            super("latex", "text/latex", "LaTeX", "$$\\int_0^1 x^2\\,dx = \\frac{1}{3}$$");
        }
    }

    /** {@code %%javascript}. */
    public static final class Javascript extends MimeCellMagic {
        /** Creates the magic; found by ServiceLoader. */
        public Javascript() {
            super("javascript", "application/javascript", "JavaScript (run by the frontend)", "console.log('hi')", "js");
        }
    }

    /** {@code %%svg}. */
    public static final class Svg extends MimeCellMagic {
        /** Creates the magic; found by ServiceLoader. */
        public Svg() {
            super("svg", "image/svg+xml", "SVG", "<svg xmlns='http://www.w3.org/2000/svg' width='20' height='20'><circle cx='10' cy='10' r='8'/></svg>");
        }
    }
}
