package dev.vireo.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vireo.conf.MachineTypes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineTypesProbeTest {

    @TempDir
    Path dir;

    @Test
    void theInstalledQemuGivesItsQmpMachinesAndAMissingOrHelpOnlyBinaryNone() throws Exception {
        MachineTypesProbe probe = new MachineTypesProbe();
        MachineTypes real = probe.of(Path.of("/usr/bin/qemu-system-x86_64"));
        assertNotNull(real, "QEMU 7.2 is installed by scripts/install-deps");
        assertEquals("pc-q35-7.2", real.canonical("q35"));
        assertEquals("pc-i440fx-7.2", real.defaultMachine());
        assertEquals(288, real.machines().stream().filter(m -> m.name().equals("pc-q35-7.2")).findFirst().orElseThrow().maxCpus());
        assertNull(probe.of(dir.resolve("qemu-system-x86_64")), "no such binary");
        Path old = FakeEmulator.write(dir, "qemu-1.1", FakeEmulator.HELP_1_1, FakeEmulator.DEVICES_1_1, dir.resolve("log"));
        assertNull(probe.of(old), "a help-era binary lists no machine types: libvirt 0.10.2's defaults");
    }
}
