package dev.vireo.caps;

import dev.vireo.conf.MachineTypes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MachineTypesTest {

    private static final List<MachineTypes.Machine> MACHINES = List.of(
            new MachineTypes.Machine("isapc", null, false, 1, false),
            new MachineTypes.Machine("microvm", null, false, 288, false),
            new MachineTypes.Machine("pc-i440fx-6.2", null, false, 255, false),
            new MachineTypes.Machine("pc-i440fx-7.1", null, false, 255, false),
            new MachineTypes.Machine("pc-i440fx-7.2", "pc", true, 255, false),
            new MachineTypes.Machine("pc-q35-2.10", null, false, 255, false),
            new MachineTypes.Machine("pc-q35-6.2", null, false, 288, false),
            new MachineTypes.Machine("pc-q35-7.0", null, false, 288, false),
            new MachineTypes.Machine("pc-q35-7.1", null, false, 288, false),
            new MachineTypes.Machine("pc-q35-7.2", "q35", false, 288, false));

    private static QemuCaps caps(List<MachineTypes.Machine> machines) {
        return new QemuCaps("/usr/bin/qemu-system-x86_64", 7_002_000, 0, false, EnumSet.noneOf(Capability.class),
                new EmulatorDetails(Set.of("tcg"), machines, Set.of(), Map.of(), List.of(), List.of()));
    }

    @Test
    void aliasesAndVersionedNamesResolveToTheVersionedName() throws Exception {
        QemuCaps caps = caps(MACHINES);
        assertEquals(Optional.of("pc-i440fx-7.2"), caps.canonicalMachine("pc"));
        assertEquals(Optional.of("pc-q35-7.2"), caps.canonicalMachine("q35"));
        assertEquals("pc-q35-7.1", caps.requireMachine("pc-q35-7.1"));
        assertEquals("pc-i440fx-7.2", caps.defaultMachine().orElseThrow().name());
        assertEquals(Optional.empty(), caps.canonicalMachine("virt"));
    }

    @Test
    void aMissingMachineIsRefusedNamingTheNearestVersionsOfItsFamily() {
        UnsupportedMachineException e = assertThrows(UnsupportedMachineException.class,
                () -> caps(MACHINES).requireMachine("pc-q35-9.9"));
        assertEquals("machine type 'pc-q35-9.9' is not supported by /usr/bin/qemu-system-x86_64; "
                + "closest: pc-q35-7.2, pc-q35-7.1, pc-q35-7.0, pc-q35-6.2, pc-q35-2.10", e.getMessage());
        assertEquals("pc-q35-9.9", e.machine());
    }

    @Test
    void betweenTwoVersionsTheNearestComeFirstNewerBeforeOlder() {
        assertEquals(List.of("pc-i440fx-7.1", "pc-i440fx-7.2", "pc-i440fx-6.2"),
                MachineMatcher.closest("pc-i440fx-7.0", MACHINES).subList(0, 3));
    }

    @Test
    void anUnknownFamilyGetsTheNamesThatAreSpelledAlike() {
        assertEquals("microvm", MachineMatcher.closest("microvn", MACHINES).getFirst());
    }

    @Test
    void withoutKnownMachineTypesNothingIsRefused() throws Exception {
        QemuCaps helpOnly = QemuCaps.of("/usr/bin/qemu");
        assertEquals("pc-q35-9.9", helpOnly.requireMachine("pc-q35-9.9"));
        assertEquals(Optional.empty(), helpOnly.canonicalMachine("pc"));
        assertEquals(Optional.empty(), helpOnly.defaultMachine());
    }
}
