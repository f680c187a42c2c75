package dev.jotter.magics;

import java.util.List;

/** Holds a magic's name, aliases, summary and usage so implementations only write {@code run}. */
public abstract class AbstractMagic implements Magic {
    private final String name;
    private final String summary;
    private final String usage;
    private final List<String> aliases;

    /**
     * @param name the name typed after {@code %} or {@code %%}
     * @param summary one line for {@code %lsmagic}
     * @param usage the full text for {@code %help} and argument errors
     * @param aliases other names
     */
    protected AbstractMagic(String name, String summary, String usage, String... aliases) {
        this.name = name;
        this.summary = summary;
        this.usage = usage.strip();
        this.aliases = List.of(aliases);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String usage() {
        return usage;
    }

    @Override
    public String toString() {
        return "%" + name;
    }
}
