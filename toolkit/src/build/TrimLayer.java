import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Takes out of the toolkit layer's jars what no notebook on this kernel can use
 * (docs/library-isolation.md, "Size"); run by the toolkit's build at package, as
 * {@code java TrimLayer.java PLATFORM LIST DIR}, on the copies in DIR (never on the local
 * repository's jars). PLATFORM is the platform the build packages natives for, as DJL names it
 * ({@code linux-x86_64}, {@code osx-aarch64}, {@code win-x86_64}, {@code linux-aarch64}, ...;
 * {@code -Djotter.platform}); LIST is the layer's class path as the build wrote it
 * ({@code toolkit-layer.classpath}).
 * <ul>
 *   <li>jars in DIR that LIST does not name leave: an earlier build's versions, or another
 *       platform's natives after a build with another {@code -Djotter.platform};</li>
 *   <li>native libraries for other platforms than PLATFORM (JNA's, DJL's JNI; DJL's CUDA JNI for
 *       PLATFORM stays, the GPU path loads it); a jar trimmed for another platform by an earlier
 *       build is first copied again from LIST's original;</li>
 *   <li>the symbol tables of shared libraries ({@code strip --strip-unneeded}, when binutils is
 *       installed and understands them: another architecture's are kept whole): the dynamic
 *       linker reads {@code .dynsym} only, which stays;</li>
 *   <li>ICU4J's locale data ({@code com/ibm/icu/impl/data/icudt*}): Tablesaw uses ICU's charset
 *       detector only, which reads none. A notebook that uses ICU adds
 *       {@code %maven com.ibm.icu:icu4j:VERSION}, whose whole jar comes before the toolkit's.</li>
 * </ul>
 * Prints one line per jar it changed, with the bytes saved. A PLATFORM it cannot read (no OS and
 * architecture in it) keeps every platform's natives.
 */
public final class TrimLayer {
    private TrimLayer() {}

    /** Operating systems in native libraries' paths, as JNA, DJL and others spell them. */
    private static final Pattern OS = Pattern.compile(
            "(?<![a-z0-9])(linux|darwin|osx|macos|mac|windows|win32|win64|win|freebsd|openbsd|netbsd|dragonflybsd|dragonfly|sunos|solaris|aix|android)(?![a-z])");

    /** Architectures in native libraries' paths; the longer spellings first, so that {@code x86-64} is not read as {@code x86}. */
    private static final Pattern ARCH = Pattern.compile(
            "(?<![a-z0-9])(x86[-_]64|amd64|x64|aarch64|arm64|armv\\d+[a-z]*|armel|armhf|arm|x86[-_]32|x86|i[3-6]86|ppc64le|ppc64|ppc|s390x"
                    + "|riscv64|riscv32|loongarch64|mips64el|mips64|mipsel|mips|sparcv9|sparc)(?![a-z0-9])");

    /** Marks a jar this has trimmed, and for which platform, so that a rebuild does not trim (and strip) it again. */
    static final String MARK = "META-INF/jotter-trimmed.txt";

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            throw new IllegalArgumentException("Expected three arguments, the platform (e.g. linux-x86_64), the layer's class path list"
                    + " and the toolkit layer's folder; found " + args.length + ": " + List.of(args));
        }
        String platform = args[0];
        Path dir = Path.of(args[2]);
        Map<String, Path> originals = originals(Path.of(args[1]));
        removeStale(dir, originals);
        boolean strip = hasStrip();
        if (!strip) {
            System.out.println("TrimLayer: no 'strip' (binutils) on PATH: shared libraries keep their symbol tables");
        }
        if (os(platform) == null || arch(platform) == null) {
            System.out.println("TrimLayer: cannot tell the OS and architecture of platform '" + platform + "': every platform's natives stay");
        }
        try (var jars = Files.list(dir)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                trim(jar, platform, originals.get(jar.getFileName().toString()), strip);
            }
        }
    }

    /** @return the layer's jars by file name, from the class path list the build wrote */
    private static Map<String, Path> originals(Path list) throws IOException {
        Map<String, Path> byName = new LinkedHashMap<>();
        String text = Files.readString(list).trim();
        for (String entry : text.isEmpty() ? new String[0] : text.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry.trim());
            byName.put(p.getFileName().toString(), p);
        }
        return byName;
    }

    /**
     * Deletes the jars in the layer folder that the class path list does not name. Only when every
     * entry of the list is a jar: a class folder (a reactor module not yet packaged) is copied
     * under another name, which the list cannot tell.
     */
    private static void removeStale(Path dir, Map<String, Path> originals) throws IOException {
        if (originals.isEmpty() || !originals.keySet().stream().allMatch(n -> n.endsWith(".jar"))) {
            return;
        }
        try (var jars = Files.list(dir)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                if (!originals.containsKey(jar.getFileName().toString())) {
                    Files.delete(jar);
                    System.out.println("TrimLayer: removed " + jar.getFileName() + " (not in this build's toolkit layer)");
                }
            }
        }
    }

    static boolean isNative(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".so") || n.contains(".so.") || n.endsWith(".dll") || n.endsWith(".dylib") || n.endsWith(".jnilib") || n.endsWith(".a");
    }

    /** @return {@code linux}, {@code osx}, {@code win} or another OS named in the path, or null when none is */
    static String os(String path) {
        Matcher m = OS.matcher(path.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return null;
        }
        return switch (m.group(1)) {
            case "darwin", "osx", "macos", "mac" -> "osx";
            case "windows", "win32", "win64", "win" -> "win";
            default -> m.group(1);
        };
    }

    /** @return {@code x86_64}, {@code aarch64} or another architecture named in the path, or null when none is */
    static String arch(String path) {
        Matcher m = ARCH.matcher(path.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return null;
        }
        return switch (m.group(1)) {
            case "x86-64", "x86_64", "amd64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> m.group(1);
        };
    }

    /**
     * Whether a jar entry is a native library for another platform: one whose path names another
     * OS or another architecture than the platform's. Natives that name neither stay.
     *
     * @param name the entry's path in its jar
     * @param platform e.g. {@code linux-x86_64}
     * @return true to leave it out
     */
    static boolean forOtherPlatform(String name, String platform) {
        String os = os(platform);
        String arch = arch(platform);
        if (os == null || arch == null || !isNative(name)) {
            return false;
        }
        String o = os(name);
        String a = arch(name);
        return (o != null && !o.equals(os)) || (a != null && !a.equals(arch));
    }

    static boolean unusedData(String name) {
        return name.startsWith("com/ibm/icu/impl/data/icudt") && !name.endsWith(".class");
    }

    private static void trim(Path jar, String platform, Path original, boolean strip) throws IOException, InterruptedException {
        String trimmedFor = trimmedFor(jar);
        if (trimmedFor != null && trimmedFor.equals(platform)) {
            return;
        }
        if (trimmedFor != null) {
            if (original == null || !Files.isRegularFile(original)) {
                throw new IOException(jar + " was trimmed for " + trimmedFor + ", not " + platform + ", and its original is not in the"
                        + " layer's list: delete " + jar.getParent() + " and build again");
            }
            Files.copy(original, jar, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("TrimLayer: " + jar.getFileName() + " copied again (it was trimmed for " + trimmedFor + ")");
        }
        boolean change = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                change |= forOtherPlatform(e.getName(), platform) || unusedData(e.getName()) || (strip && e.getName().endsWith(".so"));
            }
        }
        if (!change) {
            return;
        }
        long before = Files.size(jar);
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        Path work = Files.createTempDirectory("trim-layer");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (forOtherPlatform(e.getName(), platform) || unusedData(e.getName())) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                if (strip && !e.isDirectory() && e.getName().endsWith(".so")) {
                    Path so = work.resolve("lib.so");
                    Files.copy(in, so, StandardCopyOption.REPLACE_EXISTING);
                    try {
                        run("strip", "--strip-unneeded", so.toString());
                    } catch (IOException notUnderstood) {
                        // Another architecture's library, which this machine's binutils cannot read: it stays whole.
                        if (!Files.isRegularFile(so)) {
                            throw notUnderstood;
                        }
                    }
                    Files.copy(so, out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(MARK));
            out.write((platform + "\nTrimmed by Jotter's toolkit build (toolkit/src/build/TrimLayer.java) for the platform above:"
                    + " other platforms' natives, symbol tables, ICU data.\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } finally {
            try (var s = Files.list(work)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(work);
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("TrimLayer: %s %,d -> %,d bytes%n", jar.getFileName(), before, Files.size(jar));
    }

    /**
     * @return the platform a jar was trimmed for, from its mark; {@code linux-x86_64} for a mark
     *     written before the mark named its platform; null when the jar is untrimmed
     */
    static String trimmedFor(Path jar) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(MARK)) {
                    String first = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
                    return first.startsWith("Trimmed by") ? "linux-x86_64" : first.trim();
                }
            }
        }
        return null;
    }

    private static boolean hasStrip() {
        try {
            return run("strip", "--version") == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (InputStream out = p.getInputStream()) {
            out.transferTo(OutputStream.nullOutputStream());
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("Timed out: " + String.join(" ", cmd));
        }
        if (p.exitValue() != 0 && !cmd[1].equals("--version")) {
            throw new IOException("Failed (exit " + p.exitValue() + "): " + String.join(" ", cmd));
        }
        return p.exitValue();
    }
}
