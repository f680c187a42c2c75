package dev.jotter.toolkit.train;

import java.util.List;
import java.util.Locale;

/**
 * The machine's platform as DJL names its natives ({@code linux-x86_64}, {@code osx-aarch64}, ...),
 * and whether Jotter's build carries libtorch's CPU natives for it. Pure: it reads only the
 * strings it is given ({@code os.name} and {@code os.arch}), so tests can ask about every platform
 * on one machine.
 *
 * <p>The build picks one platform's natives (the toolkit's Maven profiles, by the building
 * machine's OS and architecture, or {@code -Djotter.platform=CLASSIFIER}); this class is what the
 * toolkit checks at run time against the natives it finds, so that the first training cell on a
 * platform without natives says so in one sentence instead of failing inside DJL.
 *
 * <pre>{@code
 * jshell> Platform.current()
 * $1 ==> linux-x86_64
 * jshell> Platform.of("Mac OS X", "x86_64").problem(null)
 * $2 ==> "PyTorch published no libtorch 2.7.1 for macOS on Intel (osx-x86_64), so Jotter cannot train DJL models on this machine: ..."
 * }</pre>
 *
 * @param classifier DJL's name for the platform, e.g. {@code linux-x86_64}; for a platform DJL
 *     has no name for, the OS and architecture as Java reports them, e.g. {@code linux-ppc64le}
 */
public record Platform(String classifier) {

    /**
     * The platforms whose CPU natives ({@code ai.djl.pytorch:pytorch-native-cpu:2.7.1}) Maven
     * Central has and the build can package: one of them per build.
     */
    public static final List<String> WITH_NATIVES = List.of("linux-x86_64", "linux-aarch64", "osx-aarch64", "win-x86_64");

    /** The libtorch version of the natives the build packages (the root pom's {@code pytorch.version}). */
    static final String LIBTORCH = "2.7.1";

    /**
     * The platform of this JVM.
     *
     * @return the platform from the system properties {@code os.name} and {@code os.arch}
     */
    public static Platform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /**
     * The platform of an OS and architecture as Java reports them.
     *
     * @param osName e.g. {@code Linux}, {@code Mac OS X}, {@code Windows 11}
     * @param osArch e.g. {@code amd64}, {@code x86_64}, {@code aarch64}
     * @return e.g. {@code linux-x86_64}, {@code osx-aarch64}, {@code win-x86_64}
     */
    public static Platform of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT).trim();
        String arch = osArch.toLowerCase(Locale.ROOT).trim();
        String o = os.startsWith("linux") ? "linux" : os.startsWith("mac") || os.startsWith("darwin") ? "osx"
                : os.startsWith("windows") ? "win" : os.replaceAll("[^a-z0-9]+", "");
        String a = switch (arch) {
            case "amd64", "x86_64", "x86-64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch.replaceAll("[^a-z0-9_]+", "");
        };
        return new Platform(o + "-" + a);
    }

    /** @return whether the build can package libtorch's CPU natives for this platform */
    public boolean natives() {
        return WITH_NATIVES.contains(classifier);
    }

    /** @return e.g. {@code macOS on Apple silicon} for {@code osx-aarch64}; the classifier itself for platforms without a name here */
    public String displayName() {
        return switch (classifier) {
            case "linux-x86_64" -> "Linux on x86-64";
            case "linux-aarch64" -> "Linux on ARM64";
            case "osx-aarch64" -> "macOS on Apple silicon";
            case "osx-x86_64" -> "macOS on Intel";
            case "win-x86_64" -> "Windows on x86-64";
            case "win-aarch64" -> "Windows on ARM64";
            default -> classifier;
        };
    }

    /**
     * Why DJL cannot train here with the natives this Jotter was built with, in one sentence, or
     * null when nothing is known to be wrong.
     *
     * @param packaged the {@code classifier} of the libtorch natives on the class path (written in
     *     their {@code native/lib/pytorch.properties}), or null when there are none
     * @return the sentence for the first training cell: on a platform the build has no natives for,
     *     or with natives built for another platform; null when the natives fit this platform, or
     *     when there are none on a platform that has some (a notebook that brings its own DJL
     *     natives; DJL's own error says what it looked for)
     */
    public String problem(String packaged) {
        if (packaged != null && packaged.equals(classifier)) {
            return null;
        }
        if (!natives()) {
            String what = classifier.equals("osx-x86_64") ? "PyTorch published no libtorch " + LIBTORCH + " for macOS on Intel (osx-x86_64)"
                    : "Maven Central has no libtorch " + LIBTORCH + " natives for " + displayName() + " (" + classifier + ")";
            return what + ", so Jotter cannot train DJL models on this machine: data, tables, plots, metrics and the Smile models"
                    + " work, and for training use Linux (x86-64 or ARM64), Windows on x86-64 or a Mac with Apple silicon.";
        }
        if (packaged == null) {
            return null;
        }
        return "This Jotter was built with libtorch's natives for " + packaged + ", not for this machine (" + classifier
                + "), so it cannot train DJL models here: rebuild it on this machine (./mvnw -pl kernel -am package -DskipTests)"
                + " or with -Djotter.platform=" + classifier + ".";
    }

    @Override
    public String toString() {
        return classifier;
    }
}
