package dev.vireo.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.vireo.conf.MachineTypes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MachineTypesProbeTest {

    @Test
    void readsAliasesAndTheDefault() {
        MachineTypes t = MachineTypesProbe.parse("""
                Supported machines are:
                microvm              microvm (i386)
                pc                   Standard PC (i440FX + PIIX, 1996) (alias of pc-i440fx-7.2)
                pc-i440fx-7.2        Standard PC (i440FX + PIIX, 1996) (default)
                pc-i440fx-7.1        Standard PC (i440FX + PIIX, 1996)
                q35                  Standard PC (Q35 + ICH9, 2009) (alias of pc-q35-7.2)
                pc-q35-7.2           Standard PC (Q35 + ICH9, 2009)
                none                 empty machine
                """);
        assertEquals("pc-i440fx-7.2", t.canonical("pc"));
        assertEquals("pc-q35-7.2", t.canonical("q35"));
        assertEquals("pc-i440fx-7.1", t.canonical("pc-i440fx-7.1"));
        assertEquals("pc-i440fx-7.2", t.defaultMachine());
        assertEquals(5, t.machines().size(), "aliases are folded into the machines they name");
    }

    @Test
    void theInstalledQemuIsProbedOnceAndAMissingBinaryHasNoMachines() {
        MachineTypesProbe probe = new MachineTypesProbe();
        MachineTypes real = probe.of(Path.of("/usr/bin/qemu-system-x86_64"));
        assertNotNull(real, "QEMU 7.2 is installed by scripts/install-deps");
        assertEquals("pc-q35-7.2", real.canonical("q35"));
        assertSame(real, probe.of(Path.of("/usr/bin/qemu-system-x86_64")), "a second look must come from the cache");
        assertNull(probe.of(Path.of("/usr/bin/qemu")));
    }
}
