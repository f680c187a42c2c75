package dev.jotter.api.example;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import java.util.Locale;
import java.util.Set;

/**
 * A third-party line magic written against {@code jotter-api} alone, as docs/writing-a-magic.md
 * shows it: {@code %greet [--shout] NAME} prints a greeting and returns it as the line's value.
 */
public final class GreetMagic extends AbstractMagic implements LineMagic {

    /** Creates the magic; ServiceLoader calls this. */
    public GreetMagic() {
        super("greet", "Greet someone", """
                %greet [--shout] NAME

                Prints a greeting to NAME; --shout writes it in capitals.
                """, "hello");
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        MagicArgs a = MagicArgs.parse(args).allowOnly(this, Set.of("shout"));
        if (a.positional().size() != 1) {
            throw MagicArgs.usageError(this, "Expected one NAME, found " + a.positional().size() + ": " + a.positional());
        }
        String greeting = "Hello, " + a.positional().getFirst() + "!";
        if (a.has("shout")) {
            greeting = greeting.toUpperCase(Locale.ROOT);
        }
        context.out().println(greeting);
        return greeting;
    }
}
