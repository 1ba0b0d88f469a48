package dev.vireo.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirmwareDescriptorsTest {

    @TempDir
    Path dir;

    private static final String DESCRIPTOR = """
            {"description": "test", "interface-types": ["uefi"],
             "mapping": {"device": "flash", "executable": {"filename": "/fw/CODE.fd", "format": "raw"},
                         "nvram-template": {"filename": "/fw/VARS.fd", "format": "raw"}},
             "targets": [{"architecture": "x86_64", "machines": ["pc-q35-*"]}],
             "features": ["requires-smm", "secure-boot"], "tags": []}
            """;

    /** Debian's ovmf package (scripts/install-deps installs it) ships three descriptors. */
    @Test
    void readsTheInstalledOvmfDescriptors() {
        List<FirmwareDescriptor> all = FirmwareDescriptors.system().read();
        assertEquals(List.of("/usr/share/qemu/firmware/40-edk2-x86_64-secure-enrolled.json",
                "/usr/share/qemu/firmware/50-edk2-x86_64-secure.json", "/usr/share/qemu/firmware/60-edk2-x86_64.json"),
                all.stream().map(FirmwareDescriptor::file).toList());
        FirmwareDescriptor enrolled = all.getFirst();
        assertEquals(List.of("uefi"), enrolled.interfaces());
        assertEquals("flash", enrolled.device());
        assertEquals("/usr/share/OVMF/OVMF_CODE_4M.ms.fd", enrolled.executable());
        assertEquals("/usr/share/OVMF/OVMF_VARS_4M.ms.fd", enrolled.nvramTemplate());
        assertTrue(enrolled.hasFeature("secure-boot") && enrolled.hasFeature("enrolled-keys") && enrolled.hasFeature("requires-smm"));
        assertTrue(enrolled.supports("x86_64", "pc-q35-7.2"));
        assertFalse(enrolled.supports("x86_64", "pc-i440fx-7.2"), "SMM secure boot needs q35");
        FirmwareDescriptor plain = all.getLast();
        assertFalse(plain.hasFeature("secure-boot"));
        assertTrue(plain.supports("x86_64", "pc-i440fx-7.2"));
        assertTrue(Files.isRegularFile(Path.of(plain.executable())), "the image the descriptor names exists");
    }

    @Test
    void anEarlierDirectoryOverridesAFileOfTheSameNameAndAnEmptyFileHidesIt() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path share = Files.createDirectories(dir.resolve("share"));
        Files.writeString(share.resolve("50-a.json"), DESCRIPTOR);
        Files.writeString(share.resolve("60-b.json"), DESCRIPTOR.replace("CODE.fd", "B.fd"));
        Files.writeString(etc.resolve("50-a.json"), DESCRIPTOR.replace("CODE.fd", "LOCAL.fd"));
        Files.writeString(etc.resolve("60-b.json"), "");
        List<FirmwareDescriptor> all = new FirmwareDescriptors(List.of(etc, share)).read();
        assertEquals(List.of("/fw/LOCAL.fd"), all.stream().map(FirmwareDescriptor::executable).toList());
    }

    @Test
    void aBrokenDescriptorIsSkippedTheOthersStay() throws Exception {
        Files.writeString(dir.resolve("10-broken.json"), "{ not json");
        Files.writeString(dir.resolve("20-no-mapping.json"), "{\"interface-types\": [\"uefi\"]}");
        Files.writeString(dir.resolve("30-good.json"), DESCRIPTOR);
        Files.writeString(dir.resolve("README"), "not a descriptor");
        List<FirmwareDescriptor> all = new FirmwareDescriptors(List.of(dir)).read();
        assertEquals(List.of(dir.resolve("30-good.json").toString()), all.stream().map(FirmwareDescriptor::file).toList());
    }

    @Test
    void theStampChangesWhenAFileIsAddedOrReplacedAsPackageManagersDo() throws Exception {
        FirmwareDescriptors fw = new FirmwareDescriptors(List.of(dir, dir.resolve("missing")));
        String empty = fw.stamp();
        Files.writeString(dir.resolve("30-good.json"), DESCRIPTOR);
        String one = fw.stamp();
        assertNotEquals(empty, one);
        Thread.sleep(5); // a time step the file system's clock can show
        Path unpacked = Files.writeString(dir.resolve("30-good.json.dpkg-new"), DESCRIPTOR + " ");
        Files.move(unpacked, dir.resolve("30-good.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertNotEquals(one, fw.stamp());
    }
}
