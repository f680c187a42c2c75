package dev.jotter.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The platform names and the first training cell's sentence, for every platform, on any machine. */
class PlatformTest {

    @Test
    void namesPlatformsAsDjlDoesFromWhatEachJdkReports() {
        // os.name and os.arch as the JDKs of each platform report them.
        assertEquals("linux-x86_64", Platform.of("Linux", "amd64").classifier());
        assertEquals("linux-aarch64", Platform.of("Linux", "aarch64").classifier());
        assertEquals("osx-aarch64", Platform.of("Mac OS X", "aarch64").classifier());
        assertEquals("osx-x86_64", Platform.of("Mac OS X", "x86_64").classifier());
        assertEquals("win-x86_64", Platform.of("Windows 11", "amd64").classifier());
        assertEquals("win-aarch64", Platform.of("Windows 11", "aarch64").classifier());
        assertEquals("linux-ppc64le", Platform.of("Linux", "ppc64le").classifier());
        assertEquals("freebsd-x86_64", Platform.of("FreeBSD", "amd64").classifier());
    }

    @Test
    void theFourPlatformsWithNativesAndNoOther() {
        for (String c : new String[] {"linux-x86_64", "linux-aarch64", "osx-aarch64", "win-x86_64"}) {
            assertTrue(new Platform(c).natives(), c);
        }
        for (String c : new String[] {"osx-x86_64", "win-aarch64", "linux-ppc64le", "freebsd-x86_64"}) {
            assertFalse(new Platform(c).natives(), c);
        }
    }

    @Test
    void matchingNativesAreNoProblem() {
        for (String c : Platform.WITH_NATIVES) {
            assertNull(new Platform(c).problem(c), c);
        }
        // No natives on a platform that has some: a notebook's own DJL natives may follow; DJL says what it missed.
        assertNull(new Platform("osx-aarch64").problem(null));
    }

    @Test
    void anIntelMacIsToldInOneSentenceWhatWorksAndWhereTrainingDoes() {
        String s = Platform.of("Mac OS X", "x86_64").problem(null);
        assertTrue(s.startsWith("PyTorch published no libtorch 2.7.1 for macOS on Intel (osx-x86_64), so Jotter cannot train DJL models"), s);
        assertTrue(s.contains("plots") && s.contains("Smile") && s.contains("Apple silicon"), s);
        assertOneSentence(s);
        // Natives of another platform copied over do not change the answer.
        assertEquals(s, Platform.of("Mac OS X", "x86_64").problem("linux-x86_64"));
    }

    @Test
    void otherPlatformsWithoutNativesAreNamed() {
        String s = Platform.of("Windows 11", "aarch64").problem(null);
        assertTrue(s.startsWith("Maven Central has no libtorch 2.7.1 natives for Windows on ARM64 (win-aarch64), so Jotter cannot train"), s);
        assertOneSentence(s);
    }

    @Test
    void anotherPlatformsNativesSayHowToRebuild() {
        String s = Platform.of("Mac OS X", "aarch64").problem("linux-x86_64");
        assertTrue(s.startsWith("This Jotter was built with libtorch's natives for linux-x86_64, not for this machine (osx-aarch64)"), s);
        assertTrue(s.contains("-Djotter.platform=osx-aarch64"), s);
        assertOneSentence(s);
    }

    @Test
    void currentIsThisJvmsPlatform() {
        assertEquals(Platform.of(System.getProperty("os.name"), System.getProperty("os.arch")), Platform.current());
    }

    private static void assertOneSentence(String s) {
        assertTrue(s.endsWith("."), s);
        // The only full stops are the sentence's end and those inside versions and file names.
        assertFalse(s.substring(0, s.length() - 1).matches("(?s).*\\.\\s.*"), s);
    }
}
