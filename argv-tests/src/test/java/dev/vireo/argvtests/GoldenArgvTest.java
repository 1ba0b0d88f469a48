package dev.vireo.argvtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vireo.caps.QemuCaps;
import dev.vireo.command.CommandBuilder;
import dev.vireo.command.CommandLine;
import dev.vireo.command.LaunchOptions;
import dev.vireo.command.UnsupportedConfigurationException;
import dev.vireo.conf.DomainXml;
import dev.vireo.conf.FormatMode;
import dev.vireo.conf.model.Domain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases in {@code src/test/resources/argv}: {@code NAME.xml} and {@code NAME.caps} (see
 * {@link CapsFixture}) give either {@code NAME.args}, the exact command line (one option per line,
 * joined by backslash-newline as in libvirt's test files), or {@code NAME.err}, a fragment the
 * refusal's message must contain.
 *
 * <p>A case whose name contains {@code -live-} is read as a running domain's live XML (its
 * {@code <backingStore>} chains and image indexes kept), the way the daemon builds a start's
 * command line; every other case is read as {@code define} reads it.
 *
 * <p>{@code -Dvireo.regenerate=true} rewrites every {@code .args} (and writes the full message into
 * {@code .err} for refused cases) in the source tree instead of comparing; read each changed line
 * before committing.
 */
class GoldenArgvTest {

    private static final Path CASES = Path.of(System.getProperty("vireo.repo", ".."), "argv-tests", "src", "test",
            "resources", "argv");
    private static final boolean REGENERATE = Boolean.getBoolean("vireo.regenerate");

    /** Fixed launch options, so that the goldens do not depend on who runs the test. */
    static final LaunchOptions OPTIONS = LaunchOptions.forMonitor(Path.of("/run/vireo/golden.monitor"))
            .withHostEnvironment(Map.of("PATH", "/usr/bin:/bin", "HOME", "/var/lib/vireo", "USER", "vireo",
                    "LOGNAME", "vireo", "SDL_AUDIODRIVER", "pulse"))
            .withHugepagePath(Path.of("/dev/hugepages/vireo"))
            .withRenderNode(Path.of("/dev/dri/renderD128"));

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        List<Path> xmls;
        try (Stream<Path> files = Files.list(CASES)) {
            xmls = files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertTrue(xmls.size() >= 80, "expected at least 80 golden cases in " + CASES + ", found " + xmls.size());
        return xmls.stream().map(xml -> DynamicTest.dynamicTest(name(xml), () -> check(xml)));
    }

    private static String name(Path xml) {
        String file = xml.getFileName().toString();
        return file.substring(0, file.length() - ".xml".length());
    }

    private static void check(Path xml) throws Exception {
        String name = name(xml);
        Path argsFile = CASES.resolve(name + ".args");
        Path errFile = CASES.resolve(name + ".err");
        QemuCaps caps = CapsFixture.read(CASES.resolve(name + ".caps"));
        Domain domain = DomainXml.parse(Files.readString(xml),
                name.contains("-live-") ? FormatMode.LIVE : FormatMode.INACTIVE);
        CommandLine built = null;
        String refusal = null;
        try {
            built = CommandBuilder.build(domain, caps, OPTIONS);
        } catch (UnsupportedConfigurationException e) {
            refusal = e.getMessage();
        }
        if (REGENERATE) {
            regenerate(argsFile, errFile, built, refusal);
            return;
        }
        if (Files.exists(errFile)) {
            assertFalse(Files.exists(argsFile), name + " has both .args and .err");
            String fragment = Files.readString(errFile).strip();
            if (refusal == null) {
                fail(name + ": expected a refusal containing '" + fragment + "', got " + built.toShellLine());
            }
            assertTrue(refusal.contains(fragment), name + ": refusal '" + refusal + "' lacks '" + fragment + "'");
            return;
        }
        if (refusal != null) {
            fail(name + ": refused: " + refusal);
        }
        assertEquals(Files.readString(argsFile).replace("\\\n", "").strip(), built.toShellLine(), name);
    }

    private static void regenerate(Path argsFile, Path errFile, CommandLine built, String refusal) throws IOException {
        if (refusal != null) {
            Files.deleteIfExists(argsFile);
            if (!Files.exists(errFile)) {
                Files.writeString(errFile, refusal + "\n");
            }
            return;
        }
        Files.deleteIfExists(errFile);
        Files.writeString(argsFile, layout(built.toShellLine()));
    }

    /** One option per line: a line break (backslash-newline) before each word that starts with '-'. */
    static String layout(String line) {
        StringBuilder out = new StringBuilder(line.length() + 64);
        String[] words = line.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                out.append(words[i].startsWith("-") && !words[i - 1].equals("-append") ? " \\\n" : " ");
            }
            out.append(words[i]);
        }
        return out.append('\n').toString();
    }
}
