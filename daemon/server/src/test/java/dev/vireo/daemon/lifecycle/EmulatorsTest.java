package dev.vireo.daemon.lifecycle;

import dev.vireo.conf.DomainXml;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.errors.VireoError;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which emulator a domain runs on: the one it names, else the host's for its architecture. */
class EmulatorsTest {

    private static Domain domain(String arch, String emulator) throws Exception {
        return DomainXml.parse("""
                <domain type='qemu'>
                  <name>guest</name>
                  <memory unit='MiB'>64</memory>
                  <os><type arch='%s' machine='pc'>hvm</type></os>
                  <devices>%s</devices>
                </domain>
                """.formatted(arch, emulator == null ? "" : "<emulator>" + emulator + "</emulator>"));
    }

    @Test
    void theNamedEmulatorIsUsedAsWritten() throws Exception {
        assertEquals(Path.of("/opt/qemu/bin/qemu-kvm"), Emulators.of(domain("x86_64", "/opt/qemu/bin/qemu-kvm")));
    }

    @Test
    void withoutOneTheHostsEmulatorForTheArchitectureIsFoundOnPath() throws Exception {
        // Debian's qemu-system-x86 package installs both binaries (scripts/install-deps).
        assertEquals("qemu-system-x86_64", Emulators.of(domain("x86_64", null)).getFileName().toString());
        assertEquals("qemu-system-i386", Emulators.of(domain("i686", null)).getFileName().toString());
    }

    @Test
    void anArchitectureWithoutAnEmulatorOnPathIsRefusedClearly() throws Exception {
        VireoError e = assertThrows(VireoError.class, () -> Emulators.of(domain("sparc", null)));
        assertTrue(e.getMessage().contains("qemu-system-sparc is not on the daemon's PATH"), e.getMessage());
    }
}
