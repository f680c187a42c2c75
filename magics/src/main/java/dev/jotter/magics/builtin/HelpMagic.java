package dev.jotter.magics.builtin;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.Magic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import dev.jotter.magics.Magics;
import java.util.List;

/** {@code %help name}: prints a magic's usage text. */
public final class HelpMagic extends AbstractMagic implements LineMagic {

    /** Creates the magic; found by ServiceLoader. */
    public HelpMagic() {
        super("help", "Show a magic's usage", """
                %help [NAME]

                Prints the usage of the magic NAME (written with or without % or %%), or the list
                of magics when NAME is left out.

                Example:
                  %help maven
                """);
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        List<String> words = MagicArgs.split(args);
        if (words.size() > 1) {
            throw MagicArgs.usageError(this, "%help takes one magic name, got: " + args);
        }
        if (words.isEmpty()) {
            context.out().print(LsmagicMagic.listing(context.magics()));
        } else {
            Magics registry = Magics.of(context.magics());
            String name = words.getFirst();
            Magic magic = registry.find(name).orElseThrow(() ->
                    registry.unknown(name.replaceFirst("^%+", ""), name.startsWith("%%")));
            context.out().println(magic.usage());
        }
        context.out().flush();
        return null;
    }
}
