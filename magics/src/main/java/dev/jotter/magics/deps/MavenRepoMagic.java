package dev.jotter.magics.deps;

import dev.jotter.magics.AbstractMagic;
import dev.jotter.magics.LineMagic;
import dev.jotter.magics.MagicArgs;
import dev.jotter.magics.MagicContext;
import java.util.List;

/** {@code %mavenRepo id url}: adds a repository for {@code %maven} and {@code %loadFromPOM}. */
public final class MavenRepoMagic extends AbstractMagic implements LineMagic {

    /** Creates the magic; found by ServiceLoader. */
    public MavenRepoMagic() {
        super("mavenRepo", "Add a Maven repository for %maven", """
                %mavenRepo ID URL

                Adds a Maven 2 layout repository for later %maven and %loadFromPOM cells. ID
                is matched by <mirror> and <server> entries of ~/.m2/settings.xml; a repository
                with the same ID is replaced. URL may also be a local directory.

                Example:
                  %mavenRepo jitpack https://jitpack.io
                """, "addMavenRepo");
    }

    @Override
    public Object run(String args, MagicContext context) throws Exception {
        List<String> words = MagicArgs.split(args);
        if (words.size() != 2) {
            throw MagicArgs.usageError(this, "%mavenRepo needs an id and a URL, got: '" + args + "'.");
        }
        String url = MavenResolver.repositoryUrl(words.get(1), context.workingDirectory());
        MavenResolver.shared().addRepository(words.get(0), url);
        return null;
    }
}
