package dev.jotter.kernel.jshell;

import dev.jotter.api.DisplayHost;
import dev.jotter.kernel.ExitGuard;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * What user code compiles and runs against, in layers (see docs/library-isolation.md): the JDK and
 * the user API, then the jars the notebook adds, then the toolkit layer. Owns the one
 * {@link SnippetClassLoader}; tells the notebook at once when a jar it adds replaces a toolkit
 * library at another version, and names that conflict when a cell then fails with a linkage error
 * from the toolkit.
 */
public final class Libraries implements AutoCloseable {
    /** The system property that lists the toolkit layer's jars and folders; {@code @file} reads a list from a file. */
    public static final String TOOLKIT_PROPERTY = "jotter.toolkit.path";

    private final Path api;
    private final SnippetClassLoader loader;
    private final List<Path> toolkitPaths;
    /** Notebook artifact key to the toolkit entries it replaced, in the order the conflicts were found. */
    private final Map<ClassPathEntry, List<ClassPathEntry>> conflicts = new LinkedHashMap<>();
    private volatile Consumer<String> notices = s -> { };

    /**
     * @param api the api jar or class folder (the user API, as a whole)
     * @param toolkit the toolkit layer's jars and folders, in search order
     */
    public Libraries(Path api, List<Path> toolkit) {
        this.api = api.toAbsolutePath().normalize();
        this.toolkitPaths = toolkit.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Set<String> exposed = new HashSet<>(resourcesOf(this.api));
        // ExitGuard lives in the kernel jar but is called by every snippet whose exits were rewritten.
        String guard = ExitGuard.class.getName().replace('.', '/');
        exposed.add(guard + ".class");
        for (Class<?> c : ExitGuard.class.getDeclaredClasses()) {
            exposed.add(c.getName().replace('.', '/') + ".class");
        }
        loader = new SnippetClassLoader(new SnippetClassLoader.ApiOnly(Libraries.class.getClassLoader(), exposed), toolkitPaths);
    }

    /**
     * The layers of this kernel: the api jar the kernel runs with, and the toolkit layer from
     * {@value #TOOLKIT_PROPERTY} if set, else the jars of {@code lib/toolkit} and {@code lib/smile} beside the kernel's jar.
     *
     * @return the libraries
     */
    public static Libraries forThisKernel() {
        synchronized (Libraries.class) {
            Libraries last = reusable;
            reusable = null;
            if (last != null) {
                return last;
            }
        }
        return new Libraries(locationOf(DisplayHost.class), toolkitLayer());
    }

    /** The libraries of the last session in this JVM, when its notebook added no jars: the next session's. */
    private static Libraries reusable;

    /**
     * Makes the next session of this JVM start from libraries of its own, with nothing loaded:
     * a notebook that replaces a toolkit library must come before any use of it, which an earlier
     * notebook of the same JVM may have made.
     *
     * @throws IOException when a jar cannot be closed
     */
    public static void startAfresh() throws IOException {
        Libraries last;
        synchronized (Libraries.class) {
            last = reusable;
            reusable = null;
        }
        if (last != null) {
            last.loader.close();
        }
    }

    /**
     * Ends a session's use of these libraries. When its notebook added no jars they stay open for
     * the next session in this JVM ({@code jotter run} over a folder runs notebook after notebook
     * in one JVM): the toolkit's classes stay loaded, and PyTorch's native library, which one
     * class loader in a JVM can hold, stays with them. Otherwise they are closed.
     *
     * @throws IOException when a jar cannot be closed
     */
    public void release() throws IOException {
        synchronized (this) {
            forgetEngine();
            notices = s -> { };
            pending.clear();
        }
        synchronized (Libraries.class) {
            if (loader.notebook().isEmpty() && reusable == null) {
                reusable = this;
                return;
            }
        }
        loader.close();
    }

    private void forgetEngine() {
        if (engineChosenHere) {
            // The choice belonged to that notebook; the next session makes its own.
            System.clearProperty(DJL_DEFAULT_ENGINE);
            engineChosenHere = false;
        }
    }

    /** @return the jar or folder a class was loaded from */
    static Path locationOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("Cannot locate the jar of " + c.getName() + "; run the kernel from its jar", e);
        }
    }

    /**
     * The layers beside the kernel's jar, searched in this order: {@code lib/toolkit} (Apache-2.0
     * and compatible licences), then {@code lib/smile} (Smile and the toolkit's Smile trainers,
     * GPL-3.0-or-later; docs/licensing.md). The Smile layer is always on the path when installed,
     * not added on demand: the compiler must see its classes for a cell that names them to
     * compile, and the class loader reads none of its classes until a cell uses one.
     */
    private static List<Path> toolkitLayer() {
        String listed = System.getProperty(TOOLKIT_PROPERTY);
        if (listed != null) {
            return parse(listed);
        }
        Path kernel = locationOf(Libraries.class);
        if (kernel.getParent() == null) {
            return List.of();
        }
        List<Path> all = new ArrayList<>();
        for (String layer : LAYERS) {
            all.addAll(jarsIn(kernel.getParent().resolve("lib").resolve(layer)));
        }
        return all;
    }

    /** The folders of lib/ that hold the notebook's libraries, in search order. */
    static final List<String> LAYERS = List.of("toolkit", "smile");

    private static List<Path> jarsIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            // File names in order: a layer holds one version of each artifact, so the order decides nothing else.
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the layer " + dir + "; reinstall the kernel (jotter install)", e);
        }
    }

    static List<Path> parse(String listed) {
        List<Path> paths = new ArrayList<>();
        for (String s : listed.split(File.pathSeparator)) {
            if (s.isBlank()) {
                continue;
            }
            if (s.startsWith("@")) {
                try {
                    paths.addAll(parse(Files.readString(Path.of(s.substring(1))).strip()));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the toolkit list " + s.substring(1) + " named by -D" + TOOLKIT_PROPERTY, e);
                }
            } else {
                paths.add(Path.of(s));
            }
        }
        return paths;
    }

    private static Set<String> resourcesOf(Path location) {
        Set<String> names = new HashSet<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> s = Files.walk(location)) {
                    s.filter(Files::isRegularFile).forEach(p -> names.add(location.relativize(p).toString().replace(File.separatorChar, '/')));
                }
            } else {
                try (ZipFile z = new ZipFile(location.toFile())) {
                    z.stream().filter(e -> !e.isDirectory() && !e.getName().startsWith("META-INF/")).forEach(e -> names.add(e.getName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the user API at " + location, e);
        }
        return names;
    }

    /** @return the class loader of user code */
    public SnippetClassLoader loader() {
        return loader;
    }

    /** @return the api jar or folder: on the compiler's class path ahead of everything else */
    public Path api() {
        return api;
    }

    /** @return the toolkit layer's entries, in search order */
    public List<Path> toolkit() {
        return toolkitPaths;
    }

    /** @return the layers the compiler reads from the kernel's side: the api, then the toolkit */
    List<Path> compiledLayers() {
        List<Path> all = new ArrayList<>();
        all.add(api);
        all.addAll(toolkitPaths);
        return all;
    }

    /**
     * Runs {@code action} once, with the class's name, when user code first takes a class from the
     * toolkit layer's libraries; see {@link SnippetClassLoader#onFirstToolkitUse}.
     *
     * @param action what to start; must return at once (it runs inside class loading)
     */
    public void onFirstToolkitUse(java.util.function.Consumer<String> action) {
        loader().onFirstToolkitUse(action);
    }

    /** @param notices where the sentences about replaced toolkit libraries go, as {@link #takeNotice()} makes them */
    public void onNotice(Consumer<String> notices) {
        this.notices = notices;
    }

    /**
     * Adds a jar or class folder from the notebook, ahead of the toolkit layer. When it is another
     * version of a toolkit-layer artifact, that artifact and its release train (the toolkit's
     * artifacts of the same or a nested groupId: DJL's engine leaves with DJL's API) leave the
     * toolkit layer, and {@link #takeNotice()} names both versions.
     *
     * @param path the jar or folder
     */
    synchronized void addNotebook(Path path) throws IOException {
        ClassPathEntry added = loader.addNotebook(path);
        replaceToolkitArtifact(added);
        makeDefaultEngine(added);
    }

    private void replaceToolkitArtifact(ClassPathEntry added) {
        ClassPathEntry.Artifact a = added.artifact;
        if (a == null) {
            return;
        }
        ClassPathEntry same = null;
        for (ClassPathEntry t : loader.toolkit()) {
            if (t.artifact != null && t.artifact.key().equals(a.key())) {
                same = t;
            }
        }
        if (same == null) {
            return;
        }
        if (same.artifact.version().equals(a.version())) {
            return;
        }
        List<ClassPathEntry> replaced = new ArrayList<>();
        boolean tooLate = false;
        for (ClassPathEntry t : loader.toolkit()) {
            if (t.artifact != null && t.replacedBy == null && t.artifact.sameFamily(a)) {
                tooLate |= t.used;
                t.replacedBy = added;
                replaced.add(t);
            }
        }
        conflicts.put(added, replaced);
        if (ANNOTATIONS_ONLY.contains(a.artifactId())) {
            // Compile-time annotations: no code of them runs, no version of them breaks the toolkit.
            return;
        }
        pending.add(a + " (toolkit: " + same.artifact.version() + ")");
        pendingTooLate |= tooLate;
    }

    /** DJL's system property and environment variable for the default engine; the user's choice always wins. */
    static final String DJL_DEFAULT_ENGINE = "ai.djl.default_engine";
    private static final String DJL_PROVIDERS = "META-INF/services/ai.djl.engine.EngineProvider";
    /** Whether the kernel, not the user, set {@link #DJL_DEFAULT_ENGINE}. */
    private boolean engineChosenHere;

    /**
     * Makes a DJL engine the notebook adds the default one, whatever the order of its cells: DJL
     * picks its default once, when it starts, from the engines it finds then; an engine added
     * after the toolkit has started DJL would otherwise never be found, and one added before
     * would win or lose by rank. So the engine is registered with DJL if DJL has started, and
     * named in {@value #DJL_DEFAULT_ENGINE}, which DJL reads at every {@code Engine.getInstance()}.
     */
    private void makeDefaultEngine(ClassPathEntry added) {
        if (!engineChosenHere && (System.getProperty(DJL_DEFAULT_ENGINE) != null || System.getenv("DJL_DEFAULT_ENGINE") != null)) {
            return;
        }
        byte[] services;
        try {
            services = added.read(DJL_PROVIDERS);
        } catch (IOException e) {
            return;
        }
        if (services == null) {
            return;
        }
        // DJL finds its engines with ServiceLoader through the context class loader, once, when its
        // Engine class starts; registering here may be what starts it, and then it must see the
        // notebook's jars, not the kernel's (else it finds none and never has a default engine).
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            registerEngines(added, services);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private void registerEngines(ClassPathEntry added, byte[] services) {
        for (String line : new String(services, java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
            String name = line.replaceAll("#.*", "").strip();
            if (name.isEmpty()) {
                continue;
            }
            try {
                Object provider = loader.loadClass(name).getConstructor().newInstance();
                String engine = (String) provider.getClass().getMethod("getEngineName").invoke(provider);
                Class<?> djl = loader.loaded("ai.djl.engine.Engine");
                if (djl != null) {
                    Class<?> providerType = Class.forName("ai.djl.engine.EngineProvider", false, loader);
                    djl.getMethod("registerEngine", providerType).invoke(null, provider);
                }
                System.setProperty(DJL_DEFAULT_ENGINE, engine);
                engineChosenHere = true;
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                notices.accept("Note: the DJL engine " + name + " from " + added.path.getFileName()
                        + " could not be registered (" + e + "); DJL's default engine stays " + System.getProperty(DJL_DEFAULT_ENGINE, "its own choice") + ".");
            }
        }
    }

    /** Artifacts of annotations only, which half of Maven Central drags in at some version: replaced without a word. */
    private static final Set<String> ANNOTATIONS_ONLY = Set.of("error_prone_annotations", "jsr305", "checker-qual",
            "j2objc-annotations", "animal-sniffer-annotations", "jspecify", "listenablefuture", "failureaccess", "annotations");

    /** Replacements found since the last {@link #takeNotice()}, as "g:a v (toolkit: w)". */
    private final List<String> pending = new ArrayList<>();
    private boolean pendingTooLate;

    /**
     * The one sentence about the toolkit libraries that the jars added since the last call
     * replaced, naming both versions of each, or null when they replaced none. Also sent to
     * {@link #onNotice}.
     *
     * @return the sentence, or null
     */
    public synchronized String takeNotice() {
        if (pending.isEmpty()) {
            return null;
        }
        String what = pending.size() == 1
                ? pending.get(0) + " from the notebook replaces the toolkit's version"
                : "the notebook's " + String.join(", ", pending) + " replace the toolkit's versions";
        String when = pendingTooLate
                ? ", but the toolkit's were already loaded (by a cell, or by an earlier notebook of the same jotter run), and stay in force:"
                + " restart the kernel (or run this notebook alone) and run this line before any cell that uses the toolkit."
                : "; toolkit code built on the toolkit's versions may fail from here on (to use the toolkit, restart the kernel and drop this line).";
        pending.clear();
        pendingTooLate = false;
        String sentence = "Note: " + what + when;
        notices.accept(sentence);
        return sentence;
    }

    /** @return whether a notebook jar replaced a toolkit library */
    public synchronized boolean hasConflicts() {
        return !conflicts.isEmpty();
    }

    private static final Set<String> LINKAGE_ERRORS = Set.of("java.lang.LinkageError", "java.lang.NoSuchMethodError",
            "java.lang.AbstractMethodError", "java.lang.NoClassDefFoundError", "java.lang.NoSuchFieldError",
            "java.lang.IncompatibleClassChangeError", "java.lang.IllegalAccessError", "java.lang.VerifyError",
            "java.lang.ClassFormatError", "java.lang.ExceptionInInitializerError", "java.lang.UnsupportedClassVersionError",
            "java.lang.ClassCastException");
    private static final Pattern FRAME = Pattern.compile("\\bat ([\\w$.]+)\\.[\\w$<>]+\\(");

    /**
     * When a cell failed with a linkage error from toolkit code after a notebook jar replaced a
     * toolkit library, the sentence that names that conflict and what to do; else null.
     *
     * @param ename the error's class name
     * @param evalue the error's message
     * @param traceback the error's lines (with "Caused by" lines of nested errors)
     * @return the sentence, or null
     */
    public synchronized String explain(String ename, String evalue, List<String> traceback) {
        String all = ename + ": " + evalue + "\n" + String.join("\n", traceback);
        if (all.contains("already loaded in another classloader")) {
            return "A native library of the toolkit (PyTorch's) is held by an earlier notebook's class loader in this"
                    + " process, one that added jars: run this notebook in a process of its own (a kernel of its own, or"
                    + " jotter run with this notebook alone).";
        }
        if (conflicts.isEmpty()) {
            return null;
        }
        boolean linkage = ename != null && LINKAGE_ERRORS.contains(ename);
        for (String e : LINKAGE_ERRORS) {
            linkage |= all.contains("Caused by: " + e);
        }
        if (!linkage || !fromLibraries(all)) {
            return null;
        }
        List<String> pairs = new ArrayList<>();
        conflicts.forEach((n, replaced) -> replaced.stream()
                .filter(t -> t.artifact.key().equals(n.artifact.key()) && !ANNOTATIONS_ONLY.contains(t.artifact.artifactId())).findFirst()
                .ifPresent(t -> pairs.add(n.artifact.key() + " " + n.artifact.version() + " from the notebook instead of the toolkit's " + t.artifact.version())));
        if (pairs.size() > 3) {
            int more = pairs.size() - 3;
            pairs.subList(3, pairs.size()).clear();
            pairs.add("and " + more + " more");
        }
        return "This error comes from a library conflict: " + String.join("; ", pairs)
                + ". Restart the kernel and drop the %maven line to use the toolkit, or keep the line and stay off the toolkit's classes.";
    }

    /** Whether a frame or a message names a class of a toolkit or notebook library (not the JDK, not a snippet). */
    private boolean fromLibraries(String text) {
        Matcher m = FRAME.matcher(text);
        while (m.find()) {
            Class<?> c = loader.loaded(m.group(1));
            if (c != null && loader.entryOf(c) != null) {
                return true;
            }
        }
        for (Map.Entry<ClassPathEntry, List<ClassPathEntry>> c : conflicts.entrySet()) {
            for (ClassPathEntry t : c.getValue()) {
                if (t.artifact != null && text.contains(t.artifact.groupId())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            forgetEngine();
        }
        loader.close();
    }
}
