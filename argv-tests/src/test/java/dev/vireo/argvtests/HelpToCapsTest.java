package dev.vireo.argvtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vireo.caps.Capability;
import dev.vireo.caps.CapsAssembler;
import dev.vireo.caps.CapsProber;
import dev.vireo.caps.QmpCapsParser;
import dev.vireo.caps.QemuCaps;
import dev.vireo.caps.QemuCapsXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Help-text fixtures -> capabilities. Each {@code help/NAME.help} (with {@code NAME.device}, the
 * device listing, when the emulator has one) must give exactly {@code NAME.caps.xml}: version, KVM
 * facts and the whole flag set. The expected flags were chosen by reading the texts, not by running
 * the parser; {@code -Dvireo.regenerate=true} rewrites them from the parser, for review.
 *
 * <p>Also runs the libvirt 0.10.2 conformance corpus's help cases, read in place when the corpus is
 * on this machine, with that corpus's procedure: help text first, then its device file.
 */
class HelpToCapsTest {

    private static final Path FIXTURES = Path.of("src/test/resources/help");
    private static final Path CORPUS = Path.of("/work/shared/conformance/libvirt-0.10.2/help");
    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
    /** {@code -Dvireo.regenerate=true} rewrites every NAME.caps.xml from its texts: read each diff before committing. */
    private static final boolean REGENERATE = Boolean.getBoolean("vireo.regenerate");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path help : files.filter(p -> p.toString().endsWith(".help")).sorted().toList()) {
                String name = help.getFileName().toString().replaceFirst("\\.help$", "");
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    QemuCaps actual = fromFixture(FIXTURES, name, name + ".help", name + ".device");
                    Path golden = FIXTURES.resolve(name + ".caps.xml");
                    if (REGENERATE) Files.writeString(golden, QemuCapsXml.format(actual));
                    QemuCaps expected = QemuCapsXml.read(golden);
                    assertSame(name, expected.version(), expected.kvm(), expected.kvmVersion(),
                            names(expected.flags()), actual);
                }));
            }
        }
        assertTrue(tests.size() >= 4, "fixtures missing from " + FIXTURES.toAbsolutePath());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> conformanceCorpus() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "conformance corpus not present at " + CORPUS);
        JsonNode manifest = new ObjectMapper().readTree(CORPUS.resolve("manifest.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : manifest) {
            String name = c.get("name").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Set<String> expected = new TreeSet<>();
                c.get("flags").forEach(f -> expected.add(f.asText()));
                String device = c.get("device_file").isNull() ? null : c.get("device_file").asText();
                QemuCaps actual = fromFixture(CORPUS, name, c.get("help_file").asText(), device);
                assertSame(name, c.get("version").asInt(), c.get("is_kvm").asInt() == 1,
                        c.get("kvm_version").asInt(), expected, actual);
            }));
        }
        return tests.stream();
    }

    /**
     * The capture of QEMU 7.2 must still describe the installed binary (when it is that release): the
     * installed one, probed over QMP, has every flag of the capture and beyond them only flags QMP
     * probing sets.
     */
    @Test
    void installedQemuMatchesItsCapturedFixture() throws Exception {
        assumeTrue(Files.isExecutable(QEMU), "QEMU is not installed at " + QEMU);
        QemuCaps fixture = QemuCapsXml.read(FIXTURES.resolve("qemu-7.2.caps.xml"));
        QemuCaps probed = new CapsProber().probe(QEMU);
        assumeTrue(probed.version() == fixture.version(),
                "installed QEMU " + probed.versionString() + " is not the captured " + fixture.versionString());
        assertTrue(probed.has(Capability.PCI_MULTIBUS), "qemu-system-x86_64 is a PC target");
        Set<String> beyond = new TreeSet<>(names(probed.without(Capability.PCI_MULTIBUS).flags()));
        assertTrue(beyond.containsAll(names(fixture.flags())), "missing " + names(fixture.flags()) + " in " + beyond);
        beyond.removeAll(names(fixture.flags()));
        beyond.removeAll(names(QmpCapsParser.flagsItCanSet()));
        assertEquals(Set.of(), beyond, "flags that neither the captured help nor QMP probing explains");
        assertFalse(probed.has(Capability.NODEFCONFIG), "QEMU 7.2 has no -nodefconfig");
    }

    private static QemuCaps fromFixture(Path dir, String name, String helpFile, String deviceFile) throws IOException {
        String help = Files.readString(dir.resolve(helpFile));
        Path device = deviceFile == null ? null : dir.resolve(deviceFile);
        String devices = device != null && Files.exists(device) ? Files.readString(device) : null;
        return CapsAssembler.fromTexts(name, help, devices);
    }

    private static void assertSame(String name, int version, boolean kvm, int kvmVersion, Set<String> flags,
                                   QemuCaps actual) {
        Set<String> got = names(actual.flags());
        Set<String> missing = new TreeSet<>(flags);
        missing.removeAll(got);
        Set<String> extra = new TreeSet<>(got);
        extra.removeAll(flags);
        assertTrue(missing.isEmpty() && extra.isEmpty(), name + ": missing " + missing + ", extra " + extra);
        assertEquals(version, actual.version(), name + ": version");
        assertEquals(kvm, actual.kvm(), name + ": is KVM");
        assertEquals(kvmVersion, actual.kvmVersion(), name + ": KVM version");
    }

    private static Set<String> names(Set<Capability> flags) {
        Set<String> names = new TreeSet<>();
        flags.forEach(f -> names.add(f.flagName()));
        return names;
    }
}
