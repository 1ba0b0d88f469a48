package dev.vireo.storage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Truncated and garbage headers: each refusal names the file and the field. */
class MalformedHeaderTest {

    @TempDir
    Path dir;
    QemuImg qemuImg;

    @BeforeEach
    void setUp() {
        qemuImg = new QemuImg(dir);
    }

    @Test
    void truncatedQcow2() throws Exception {
        Path image = qemuImg.create("qcow2", "cut.qcow2", "1M");
        Qcow2Images.truncate(image, 30);

        assertRefused(image, ImageFormat.QCOW2, "size",
                "truncated: needs bytes 24..32 but the file has 30 bytes");
    }

    @Test
    void qcow2WithImpossibleClusterBits() throws Exception {
        Path image = qemuImg.create("qcow2", "bits.qcow2", "1M");
        Qcow2Images.patch(image, 20, (byte) 0, (byte) 0, (byte) 0, (byte) 40);

        assertRefused(image, ImageFormat.QCOW2, "cluster_bits", "40 is outside 9..21");
    }

    @Test
    void qcow2WithUnknownVersion() throws Exception {
        Path image = qemuImg.create("qcow2", "v4.qcow2", "1M");
        Qcow2Images.patch(image, 4, (byte) 0, (byte) 0, (byte) 0, (byte) 4);

        assertRefused(image, ImageFormat.QCOW2, "version", "4 is not supported; allowed: 2 (compat 0.10), 3 (compat 1.1)");
    }

    @Test
    void qcow2WithUnknownIncompatibleFeature() throws Exception {
        Path image = qemuImg.create("qcow2", "feature.qcow2", "1M");
        Qcow2Images.patch(image, 79, (byte) 0x40);

        assertRefused(image, ImageFormat.QCOW2, "incompatible_features",
                "unknown feature bits 0x40 set; the image cannot be used safely");
    }

    @Test
    void qcow2BackingNameOutsideTheFirstCluster() throws Exception {
        qemuImg.create("raw", "base.raw", "1M");
        Path image = qemuImg.overlay("qcow2", "far.qcow2", "base.raw", "raw");
        // backing_file_offset := 0x10000, the first byte after the 64 KiB first cluster
        Qcow2Images.patch(image, 8, new byte[] {0, 0, 0, 0, 0, 1, 0, 0});

        assertRefused(image, ImageFormat.QCOW2, "backing_file_offset",
                "name at 65536 (+8 bytes) does not fit in the first cluster of 65536 bytes");
    }

    @Test
    void qcow2ExtensionRunningPastItsArea() throws Exception {
        qemuImg.create("raw", "base.raw", "1M");
        Path image = qemuImg.overlay("qcow2", "ext.qcow2", "base.raw", "raw");
        // the first extension (backing format, at header_length 112) claims 60000 bytes
        Qcow2Images.patch(image, 112 + 4, (byte) 0, (byte) 0, (byte) 0xea, (byte) 0x60);

        ImageHeaderException e = assertThrows(ImageHeaderException.class, () -> ImageHeaders.read(image, ImageFormat.QCOW2));
        assertEquals("header extension length", e.field());
    }

    @Test
    void truncatedQed() throws Exception {
        Path image = qemuImg.create("qed", "cut.qed", "1M");
        Qcow2Images.truncate(image, 40);

        assertRefused(image, ImageFormat.QED, "image_size", "truncated: needs bytes 48..56 but the file has 40 bytes");
    }

    @Test
    void qedWithClusterSizeNotAPowerOfTwo() throws Exception {
        Path image = qemuImg.create("qed", "odd.qed", "1M");
        Qcow2Images.patch(image, 4, (byte) 0x00, (byte) 0x30, (byte) 0, (byte) 0);

        assertRefused(image, ImageFormat.QED, "cluster_size", "12288 is not a power of two in 4096..67108864");
    }

    @Test
    void vmdkWithTruncatedDescriptor() throws Exception {
        Path image = qemuImg.create("vmdk", "cut.vmdk", "1M");
        Qcow2Images.truncate(image, 600);

        assertRefused(image, ImageFormat.VMDK, "descriptor", "truncated: needs bytes 512..10752 but the file has 600 bytes");
    }

    @Test
    void garbageDeclaredAsVmdk() throws Exception {
        Path image = dir.resolve("garbage.vmdk");
        Files.writeString(image, "hello, this is not a disk image\n");

        assertRefused(image, ImageFormat.VMDK, "magic",
                "neither a sparse extent (KDMV) nor a text descriptor ('# Disk DescriptorFile')");
    }

    @Test
    void emptyFileDeclaredAsQcow2() throws Exception {
        Path image = Files.createFile(dir.resolve("empty.qcow2"));

        assertRefused(image, ImageFormat.QCOW2, "magic", "truncated: needs bytes 0..4 but the file has 0 bytes");
    }

    @Test
    void detectedOnlyFormatWithoutItsSignature() throws Exception {
        Path image = qemuImg.create("raw", "fake.vdi", "1M");

        assertRefused(image, ImageFormat.VDI, "magic", "the file does not carry the vdi signature");
    }

    private static void assertRefused(Path image, ImageFormat format, String field, String problem) {
        ImageHeaderException e = assertThrows(ImageHeaderException.class, () -> ImageHeaders.read(image, format));
        assertEquals(image, e.image());
        assertEquals(field, e.field());
        assertEquals(image + ": invalid " + format.qemuName() + " header: field '" + field + "': " + problem,
                e.getMessage());
    }
}
