package dev.jotter.kernel.jshell;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * Keeps JShell's compiler from slowing down with every cell, by dropping what it keeps of snippets
 * that can no longer be used.
 *
 * <p>Why: JShell compiles each cell twice (javac tasks that share one reused compiler context).
 * After each task it forgets its package {@code REPL}; the next task lists that package again and
 * makes a class symbol for the class file of every snippet ever compiled, which JShell keeps in
 * memory even once the snippet is overwritten or dropped; then JShell walks every class name the
 * context has ever seen to forget the package again, and each name it forgets leaves an empty
 * entry behind. Both walks grow with every cell, until they are a large part of a simple
 * expression's time. Every few cells this drops the class files of snippets that are no longer
 * active (a new snippet can only refer to active ones) and the empty entries, so the cost stays
 * where it was at the start (bench/RESULTS.md, "Why the JShell machinery exists"). And it gives
 * javac's class table an index of JShell's package ({@link IndexedClassTable}), so that JShell's
 * walk after each task covers that package, not the thousands of classes the imports bring in.
 *
 * <p>It reaches non-public members of the JDK's {@code jdk.jshell} and {@code jdk.compiler} modules
 * (JShell's task factory, file manager and javac task pool, javac's symbol table), whose packages
 * the kernel jar's manifest opens ({@code Add-Opens}, from {@link TunedJShell#OPENS}). Where they are missing or
 * closed (another JDK, the kernel embedded without the jar's manifest), cells run exactly as JShell
 * runs them, and one warning says so; {@code CompilerHousekeepingTest} fails on a JDK where they
 * have moved.
 */
final class CompilerHousekeeping {
    /** JShell's prefix of its snippet classes' names (jdk.jshell.Util.REPL_CLASS_PREFIX). */
    private static final String CLASS_PREFIX = UnindexedClassPath.REPL_PACKAGE + ".$JShell$";

    private final Object taskFactory;
    private final Map<String, ?> classFiles;
    private final Object taskPool;
    private final Map<?, ? extends Collection<?>> pooledContexts;
    private final Method symtabInstance;
    private final Field symtabClasses;
    private final Method classFullName;

    @SuppressWarnings("unchecked") // the JDK fields' declared types
    private CompilerHousekeeping(JShell shell) throws ReflectiveOperationException {
        taskFactory = field(JShell.class, "taskFactory").get(shell);
        Object fileManager = field(taskFactory.getClass(), "fileManager").get(taskFactory);
        classFiles = (Map<String, ?>) field(fileManager.getClass(), "classObjects").get(fileManager);
        taskPool = field(taskFactory.getClass(), "javacTaskPool").get(taskFactory);
        pooledContexts = (Map<?, ? extends Collection<?>>) field(taskPool.getClass(), "options2Contexts").get(taskPool);
        Class<?> symtab = Class.forName("com.sun.tools.javac.code.Symtab", false, JShell.class.getClassLoader());
        Class<?> context = Class.forName("com.sun.tools.javac.util.Context", false, JShell.class.getClassLoader());
        symtabInstance = method(symtab, "instance", context);
        symtabClasses = field(symtab, "classes");
        classFullName = method(Snippet.class, "classFullName");
    }

    /**
     * @param shell a JShell whose compiler to keep tidy
     * @param log the kernel's log, for the one warning when the JDK's internals are out of reach
     * @return the housekeeping, or null when this JDK's JShell cannot be reached
     */
    static CompilerHousekeeping attach(JShell shell, java.io.PrintStream log) {
        try {
            CompilerHousekeeping h = new CompilerHousekeeping(shell);
            h.tidy(shell);
            return h;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // RuntimeException: InaccessibleObjectException when the packages are not opened.
            log.println("WARNING: JShell's compiler state is out of reach (" + e + "); each cell will compile a little slower"
                    + " than the one before, as in plain JShell. " + TunedJShell.howToOpen());
            return null;
        }
    }

    /**
     * How many cells may pass between two tidy-ups. Each leaves a class file or two and a few
     * empty entries behind, so a few dozen cost the compiler little; a tidy-up after every cell
     * cost a measurable part of each cell, most of it the walk over javac's whole class table.
     */
    static final int CELLS_PER_TIDY = 16;

    private int cells;

    /**
     * Called after each cell: tidies up after every {@link #CELLS_PER_TIDY}th.
     *
     * @param shell the JShell given to {@link #attach}
     * @throws ReflectiveOperationException see {@link #tidy}
     */
    void afterCell(JShell shell) throws ReflectiveOperationException {
        if (++cells % CELLS_PER_TIDY == 0) {
            tidy(shell);
        }
    }

    /**
     * Drops the class files of inactive snippets and the empty class entries of each pooled
     * compiler context, and gives a context javac made since the last tidy-up an
     * {@link IndexedClassTable}. Runs between cells; holds JShell's compiler lock meanwhile.
     *
     * @param shell the JShell given to {@link #attach}
     * @throws ReflectiveOperationException when a snippet's class name could not be read; nothing
     *     was dropped then
     */
    @SuppressWarnings("unchecked") // Symtab.classes: Map<Name, Map<ModuleSymbol, ClassSymbol>>
    void tidy(JShell shell) throws ReflectiveOperationException {
        Set<String> live = new HashSet<>();
        for (Snippet s : shell.snippets().filter(s -> shell.status(s).isActive()).toList()) {
            // A class file kept for a snippet whose name could not be read would be dropped
            // while a later cell still needs it: then nothing is dropped at all.
            live.add((String) classFullName.invoke(s));
        }
        // JShell's tasks run synchronized on its task factory, completion requests included.
        synchronized (taskFactory) {
            classFiles.keySet().removeIf(name -> !live.contains(outerClass(name)));
            synchronized (taskPool) {
                for (Collection<?> contexts : pooledContexts.values()) {
                    for (Object context : contexts) {
                        Object symtab = symtabInstance.invoke(null, context);
                        Map<?, ? extends Map<?, ?>> classes = (Map<?, ? extends Map<?, ?>>) symtabClasses.get(symtab);
                        classes.entrySet().removeIf(e -> e.getValue().isEmpty());
                        if (!(classes instanceof IndexedClassTable)) {
                            symtabClasses.set(symtab, new IndexedClassTable(classes));
                        }
                    }
                }
            }
        }
    }

    /** @return whether every pooled compiler context's class table is indexed (for tests) */
    boolean classTablesIndexed() throws ReflectiveOperationException {
        synchronized (taskFactory) {
            synchronized (taskPool) {
                for (Collection<?> contexts : pooledContexts.values()) {
                    for (Object context : contexts) {
                        if (!(symtabClasses.get(symtabInstance.invoke(null, context)) instanceof IndexedClassTable)) {
                            return false;
                        }
                    }
                }
                return !pooledContexts.isEmpty();
            }
        }
    }

    /** @return the class file names of the snippet classes kept for compiling later cells (for tests) */
    Set<String> classFileNames() {
        synchronized (taskFactory) {
            return Set.copyOf(classFiles.keySet());
        }
    }

    /** The top-level snippet class a class file belongs to: REPL.$JShell$12B for REPL.$JShell$12B$Point. */
    static String outerClass(String className) {
        if (!className.startsWith(CLASS_PREFIX)) {
            return className;
        }
        int nested = className.indexOf('$', CLASS_PREFIX.length());
        return nested < 0 ? className : className.substring(0, nested);
    }

    /**
     * Javac's class table ({@code Symtab.classes}: flat name to module to class symbol) with an
     * index of the names in JShell's package, whose {@link #values()} are the tables of those names
     * alone.
     *
     * <p>Why: after every javac task JShell forgets its package by walking every class javac knows
     * ({@code Symtab.getAllClasses()}, the only reader of {@code values()}) to pick out the few in
     * {@code REPL}; the default star imports alone make that thousands of classes, so the walk was
     * a noticeable part of an expression cell. Only JShell's walk and annotation processing (which JShell turns
     * off) call {@code getAllClasses()}; the walk still checks each class's package, so a name
     * indexed here but outside the package is only looked at, never dropped. Javac enters names
     * with {@code computeIfAbsent} only, and every other access goes through {@code HashMap}
     * itself.
     */
    static final class IndexedClassTable extends HashMap<Object, Map<Object, Object>> {
        private static final long serialVersionUID = 1L;
        private static final String PREFIX = UnindexedClassPath.REPL_PACKAGE + ".";
        private final transient Set<Object> replNames = new HashSet<>();

        @SuppressWarnings("unchecked") // javac's own table, copied as it is
        IndexedClassTable(Map<?, ? extends Map<?, ?>> classes) {
            super((Map<Object, Map<Object, Object>>) classes);
            keySet().forEach(this::index);
        }

        @Override
        public Map<Object, Object> computeIfAbsent(Object name, Function<? super Object, ? extends Map<Object, Object>> f) {
            index(name);
            return super.computeIfAbsent(name, f);
        }

        private void index(Object name) {
            if (name.toString().startsWith(PREFIX)) {
                replNames.add(name);
            }
        }

        /** @return a snapshot of the tables of the names in JShell's package */
        @Override
        public Collection<Map<Object, Object>> values() {
            List<Map<Object, Object>> tables = new ArrayList<>(replNames.size());
            for (Iterator<Object> it = replNames.iterator(); it.hasNext(); ) {
                Map<Object, Object> table = get(it.next());
                if (table == null) {
                    it.remove();
                } else {
                    tables.add(table);
                }
            }
            return tables;
        }
    }

    /** @return a field of a JDK-internal class, made accessible (its package must be opened to us) */
    static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** @return a method of a JDK-internal class, made accessible (its package must be opened to us) */
    static Method method(Class<?> type, String name, Class<?>... parameters) throws NoSuchMethodException {
        Method m = type.getDeclaredMethod(name, parameters);
        m.setAccessible(true);
        return m;
    }
}
