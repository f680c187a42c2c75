package dev.jotter.magics.builtin;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import java.util.List;
import java.util.Set;

/** {@code %who [TYPE ...]}: lists the names of the user's variables. */
public final class WhoMagic extends AbstractMagic implements LineMagic {

    /** Creates the magic; found by ServiceLoader. */
    public WhoMagic() {
        super("who", "List your variables' names", """
                %who [TYPE ...]

                Prints the names of the variables declared in this session, in declaration order.
                With TYPE arguments, only variables whose declared type is one of them (e.g. int
                String) are listed. %whos shows types and values too.
                """);
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        Set<String> types = Set.copyOf(MagicArgs.split(args));
        List<MagicContext.Variable> vars = WhosMagic.filter(context.variables(), types);
        context.out().println(vars.isEmpty() ? WhosMagic.empty(types)
                : String.join("  ", vars.stream().map(MagicContext.Variable::name).toList()));
        context.out().flush();
        return null;
    }
}
