import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Takes out of the toolkit layer's jars what no notebook on this kernel can use
 * (docs/library-isolation.md, "Size"); run by the toolkit's build at package, as
 * {@code java TrimLayer.java DIR}, on the copies in DIR (never on the local repository's jars):
 * <ul>
 *   <li>native libraries for other platforms than Linux x86-64 (JNA's, DJL's JNI for macOS,
 *       Windows and aarch64; DJL's CUDA JNI for Linux x86-64 stays, the GPU path loads it);</li>
 *   <li>the symbol tables of shared libraries ({@code strip --strip-unneeded}, when binutils is
 *       installed): the dynamic linker reads {@code .dynsym} only, which stays;</li>
 *   <li>ICU4J's locale data ({@code com/ibm/icu/impl/data/icudt*}): Tablesaw uses ICU's charset
 *       detector only, which reads none. A notebook that uses ICU adds
 *       {@code %maven com.ibm.icu:icu4j:VERSION}, whose whole jar comes before the toolkit's.</li>
 * </ul>
 * Prints one line per jar it changed, with the bytes saved.
 */
public final class TrimLayer {
    private TrimLayer() {}

    /** Platform names in native libraries' paths, as JNA and DJL spell them, other than this kernel's. */
    private static final List<String> OTHER_PLATFORMS = List.of("win32", "win-", "windows", "darwin", "osx", "macos", "mac-",
            "aarch64", "arm", "ppc", "s390", "freebsd", "openbsd", "dragonfly", "sunos", "aix", "linux-x86/", "linux-riscv",
            "linux-loongarch", "linux-mips", "linux-sparc", "linux-x86-32", "x86-32", "i386");

    /** Marks a jar this has trimmed, so that a rebuild does not trim (and strip) it again. */
    static final String MARK = "META-INF/jotter-trimmed.txt";

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Expected one argument, the toolkit layer's folder; found " + args.length);
        }
        Path dir = Path.of(args[0]);
        boolean strip = hasStrip();
        if (!strip) {
            System.out.println("TrimLayer: no 'strip' (binutils) on PATH: shared libraries keep their symbol tables");
        }
        try (var jars = Files.list(dir)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                trim(jar, strip);
            }
        }
    }

    static boolean isNative(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".so") || n.contains(".so.") || n.endsWith(".dll") || n.endsWith(".dylib") || n.endsWith(".jnilib") || n.endsWith(".a");
    }

    static boolean forOtherPlatform(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return isNative(n) && OTHER_PLATFORMS.stream().anyMatch(n::contains);
    }

    static boolean unusedData(String name) {
        return name.startsWith("com/ibm/icu/impl/data/icudt") && !name.endsWith(".class");
    }

    private static void trim(Path jar, boolean strip) throws IOException, InterruptedException {
        boolean change = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(MARK)) {
                    return;
                }
                change |= forOtherPlatform(e.getName()) || unusedData(e.getName()) || (strip && e.getName().endsWith(".so"));
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
                if (forOtherPlatform(e.getName()) || unusedData(e.getName())) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                if (strip && !e.isDirectory() && e.getName().endsWith(".so")) {
                    Path so = work.resolve("lib.so");
                    Files.copy(in, so, StandardCopyOption.REPLACE_EXISTING);
                    run("strip", "--strip-unneeded", so.toString());
                    Files.copy(so, out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(MARK));
            out.write("Trimmed by Jotter's toolkit build (toolkit/src/build/TrimLayer.java): other platforms' natives, symbol tables, ICU data.\n".getBytes());
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
