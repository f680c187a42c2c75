package dev.jotter.magics.deps;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import java.util.List;
import java.util.Set;

/** {@code %mavenRepo id url}: adds a repository for {@code %maven} and {@code %loadFromPOM}. */
public final class MavenRepoMagic extends AbstractMagic implements LineMagic {

    /** Creates the magic; found by ServiceLoader. */
    public MavenRepoMagic() {
        super("mavenRepo", "Add a Maven repository for %maven", """
                %mavenRepo [--insecure] ID URL

                Adds a Maven 2 layout repository for later %maven and %loadFromPOM cells. ID
                is matched by <mirror> and <server> entries of ~/.m2/settings.xml; a repository
                with the same ID is replaced. URL may also be a local directory. A plain-http
                URL off this machine is refused unless --insecure is given (then with a
                warning: anyone on the network path could replace the jars).

                Example:
                  %mavenRepo jitpack https://jitpack.io
                """, "addMavenRepo");
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        MagicArgs a = MagicArgs.parse(args).allowOnly(this, Set.of("insecure"));
        List<String> words = a.positional();
        if (words.size() != 2) {
            throw MagicArgs.usageError(this, "%mavenRepo needs an id and a URL, got: '" + args + "'.");
        }
        String url = MavenResolver.repositoryUrl(words.get(1), context.workingDirectory());
        MavenResolver resolver = MavenResolver.shared();
        resolver.takeWarnings();
        try {
            resolver.addRepository(words.get(0), url, a.has("insecure"));
        } finally {
            resolver.printWarnings(name(), context.err());
        }
        return null;
    }
}
