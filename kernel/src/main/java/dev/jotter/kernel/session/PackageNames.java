package dev.jotter.kernel.session;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;

/**
 * The package names code completion offers for the JDK and the kernel's own class path, in place
 * of JShell's class index, which {@link dev.jotter.kernel.jshell.UnindexedClassPath} keeps from being built for them: a
 * sorted list of package names instead of a set per simple class name for every class.
 */
public final class PackageNames {
    private final List<String> sorted;

    private PackageNames(TreeSet<String> names) {
        this.sorted = List.copyOf(names);
    }

    /**
     * The packages the JDK's modules export to everyone, plus the packages with classes in the
     * given jars.
     *
     * @param jars class-path entries; directories and missing files are skipped
     * @return the names
     */
    public static PackageNames of(Collection<Path> jars) {
        TreeSet<String> names = new TreeSet<>();
        for (ModuleReference ref : ModuleFinder.ofSystem().findAll()) {
            for (ModuleDescriptor.Exports e : ref.descriptor().exports()) {
                if (!e.isQualified()) {
                    names.add(e.source());
                }
            }
        }
        for (Path jar : jars) {
            File file = jar.toFile();
            if (!file.isFile()) {
                continue;
            }
            try (JarFile jf = new JarFile(file)) {
                jf.stream().forEach(entry -> {
                    String name = entry.getName();
                    int slash = name.lastIndexOf('/');
                    if (name.endsWith(".class") && slash > 0 && !name.startsWith("META-INF/")) {
                        names.add(name.substring(0, slash).replace('/', '.'));
                    }
                });
            } catch (IOException e) {
                // An unreadable jar has no packages to offer; the compiler reports it if it matters.
            }
        }
        return new PackageNames(names);
    }

    /** @return whether {@code name} is a package, or the start of one ({@code java} for {@code java.util}) */
    boolean isPackageOrPrefix(String name) {
        String dotted = name + ".";
        int i = Collections.binarySearch(sorted, name);
        if (i >= 0) {
            return true;
        }
        int next = -i - 1;
        return next < sorted.size() && sorted.get(next).startsWith(dotted);
    }

    /**
     * The next name segments after {@code parent} that start with {@code partial}: for parent
     * {@code java.util} and partial {@code con}, {@code concurrent}.
     *
     * @param parent a dotted package name, or "" for the top level
     * @param partial what has been typed of the next segment
     * @return matching segments, sorted
     */
    List<String> next(String parent, String partial) {
        String prefix = parent.isEmpty() ? partial : parent + "." + partial;
        Set<String> out = new LinkedHashSet<>();
        int i = Collections.binarySearch(sorted, prefix);
        for (int k = i >= 0 ? i : -i - 1; k < sorted.size() && sorted.get(k).startsWith(prefix); k++) {
            String rest = sorted.get(k).substring(parent.isEmpty() ? 0 : parent.length() + 1);
            int dot = rest.indexOf('.');
            out.add(dot < 0 ? rest : rest.substring(0, dot));
        }
        return new ArrayList<>(out);
    }
}
