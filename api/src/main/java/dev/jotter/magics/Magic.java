package dev.jotter.magics;

import java.util.List;

/** What line and cell magics have in common: a name, aliases and a usage text for {@code %help}. */
public interface Magic {

    /** @return the name typed after {@code %} or {@code %%}, e.g. {@code "maven"} */
    String name();

    /** @return other names for the same magic, e.g. {@code %jars} for {@code %classpath} */
    default List<String> aliases() {
        return List.of();
    }

    /** @return a one-line summary shown by {@code %lsmagic} */
    String summary();

    /** @return the full usage text shown by {@code %help name} and on wrong arguments */
    String usage();
}
