package dev.vireo.daemon.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.caps.EmulatorDetails;
import dev.vireo.caps.FirmwareDescriptors;
import dev.vireo.caps.QemuCaps;
import dev.vireo.conf.DomainXml;
import dev.vireo.conf.MachineTypes;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.LoaderType;
import dev.vireo.daemon.errors.VireoError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the host's own descriptors (Debian's ovmf, installed by scripts/install-deps). */
class FirmwareSelectionTest {
    private static final QemuCaps CAPS = new QemuCaps("/usr/bin/qemu-system-x86_64", 7_002_022, 0, false, Set.of(),
            new EmulatorDetails(Set.of("tcg"), List.of(
                    new MachineTypes.Machine("pc-i440fx-7.2", "pc", true, 255, false),
                    new MachineTypes.Machine("pc-q35-7.2", "q35", false, 288, false)),
                    Set.of(), Map.of(), List.of(), FirmwareDescriptors.system().read()));

    private static Domain efi(String machine, String inOs, String features) throws Exception {
        return DomainXml.parse("""
                <domain type='qemu'>
                  <name>f</name>
                  <memory unit='MiB'>64</memory>
                  <os firmware='efi'>
                    <type arch='x86_64' machine='%s'>hvm</type>
                    %s
                  </os>
                  %s
                </domain>
                """.formatted(machine, inOs, features));
    }

    @Test
    void withoutWishesTheFirstRankedFitWinsAndItsSmmIsSwitchedOn() throws Exception {
        Domain d = efi("q35", "", "<features><acpi/></features>");
        FirmwareSelection.fill(d, CAPS);
        assertEquals("/usr/share/OVMF/OVMF_CODE_4M.ms.fd", d.getOs().getLoader().getPath(), "40-...-secure-enrolled ranks first");
        assertEquals(LoaderType.PFLASH, d.getOs().getLoader().getType());
        assertEquals(Boolean.TRUE, d.getOs().getLoader().getSecure());
        assertEquals(Boolean.TRUE, d.getOs().getLoader().getReadonly());
        assertEquals("/usr/share/OVMF/OVMF_VARS_4M.ms.fd", d.getOs().getNvram().getTemplate());
        assertEquals(Boolean.TRUE, d.getFeatures().getSmm().getState());
    }

    @Test
    void secureBootOffOnI440fxPicksThePlainImage() throws Exception {
        Domain d = efi("pc", "<firmware><feature enabled='no' name='secure-boot'/></firmware>", "");
        FirmwareSelection.fill(d, CAPS);
        assertEquals("/usr/share/OVMF/OVMF_CODE_4M.fd", d.getOs().getLoader().getPath());
        assertEquals(Boolean.FALSE, d.getOs().getLoader().getSecure());
        assertEquals("/usr/share/OVMF/OVMF_VARS_4M.fd", d.getOs().getNvram().getTemplate());
    }

    @Test
    void aWishNoDescriptorGrantsIsRefusedNamingTheDescriptorsAndAGivenImageIsKept() throws Exception {
        Domain sbOnPc = efi("pc", "<firmware><feature enabled='yes' name='secure-boot'/></firmware>", "");
        VireoError e = assertThrows(VireoError.class, () -> FirmwareSelection.fill(sbOnPc, CAPS));
        assertTrue(e.getMessage().contains("no UEFI firmware of the host fits x86_64 machine 'pc-i440fx-7.2' with {secure-boot=true}")
                && e.getMessage().contains("60-edk2-x86_64.json"), e.getMessage());
        Domain given = efi("q35", "<loader readonly='yes' type='pflash'>/opt/my.fd</loader>", "");
        FirmwareSelection.fill(given, CAPS);
        assertEquals("/opt/my.fd", given.getOs().getLoader().getPath());
    }

    private static Domain bios(String machine) throws Exception {
        return DomainXml.parse("""
                <domain type='qemu'>
                  <name>f</name>
                  <memory unit='MiB'>64</memory>
                  <os firmware='bios'>
                    <type arch='x86_64' machine='%s'>hvm</type>
                  </os>
                </domain>
                """.formatted(machine));
    }

    @Test
    void biosWithoutABiosDescriptorIsRefusedAsLibvirt90RefusesIt() throws Exception {
        Domain d = bios("q35");
        VireoError e = assertThrows(VireoError.class, () -> FirmwareSelection.fill(d, CAPS));
        assertTrue(e.getMessage().startsWith("<os firmware='bios'>: no BIOS firmware descriptor of the host fits x86_64 "
                + "machine 'pc-q35-7.2' (libvirt 9.0 refuses this too") && e.getMessage().contains("60-edk2-x86_64.json"),
                e.getMessage());
        assertEquals(null, d.getOs().getLoader(), "nothing is written into the live definition");
    }

    @Test
    void aBiosDescriptorMappedIntoMemoryBecomesARomLoader(@TempDir Path dir) throws Exception {
        // what Fedora's seabios package ships (Debian's ships none)
        Files.writeString(dir.resolve("50-seabios-256k.json"), """
                {"description": "SeaBIOS", "interface-types": ["bios"],
                 "mapping": {"device": "memory", "filename": "/usr/share/seabios/bios-256k.bin"},
                 "targets": [{"architecture": "x86_64", "machines": ["pc-i440fx-*", "pc-q35-*"]}],
                 "features": ["acpi-s3", "acpi-s4"], "tags": []}
                """);
        QemuCaps caps = new QemuCaps("/usr/bin/qemu-system-x86_64", 7_002_022, 0, false, Set.of(),
                new EmulatorDetails(Set.of("tcg"), List.of(new MachineTypes.Machine("pc-i440fx-7.2", "pc", true, 255, false)),
                        Set.of(), Map.of(), List.of(), new FirmwareDescriptors(List.of(dir)).read()));
        Domain d = bios("pc");
        FirmwareSelection.fill(d, caps);
        assertEquals("/usr/share/seabios/bios-256k.bin", d.getOs().getLoader().getPath());
        assertEquals(LoaderType.ROM, d.getOs().getLoader().getType());
        assertEquals(Boolean.TRUE, d.getOs().getLoader().getReadonly());
    }
}
