package dev.vireo.storage;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Our readers against {@code qemu-img info --output=json}, field by field, on images and chains
 * made by the real qemu-img.
 */
class ImageInfoMatchesQemuImgTest {

    @TempDir
    Path dir;
    QemuImg qemuImg;

    @BeforeEach
    void setUp() {
        qemuImg = new QemuImg(dir);
    }

    @Test
    void rawUnderQcow2Version2UnderQcow2Version3WithRelativeAndAbsoluteNames() throws Exception {
        qemuImg.create("raw", "base.raw", "64M");
        qemuImg.overlay("qcow2", "mid.qcow2", "base.raw", "raw", "-o", "compat=0.10");
        qemuImg.overlay("qcow2", "top.qcow2", dir.resolve("mid.qcow2").toString(), "qcow2",
                "-o", "compat=1.1,lazy_refcounts=on");

        assertChainMatches("top.qcow2", ImageFormat.QCOW2, 3);
    }

    @Test
    void rawUnderQedUnderQcow2() throws Exception {
        qemuImg.create("raw", "base.raw", "32M");
        qemuImg.overlay("qed", "mid.qed", "base.raw", "raw");
        qemuImg.overlay("qcow2", "top.qcow2", "mid.qed", "qed");

        assertChainMatches("top.qcow2", ImageFormat.QCOW2, 3);
    }

    @Test
    void vmdkOverVmdk() throws Exception {
        qemuImg.create("vmdk", "base.vmdk", "16M");
        qemuImg.overlay("vmdk", "top.vmdk", "base.vmdk", "vmdk");

        assertChainMatches("top.vmdk", ImageFormat.VMDK, 2);
    }

    @Test
    void qcow2WithEveryVersion3OptionOverABackingInAnotherDirectory() throws Exception {
        Files.createDirectories(dir.resolve("base"));
        Files.createDirectories(dir.resolve("overlays"));
        qemuImg.create("raw", "base/disk.raw", "10M");
        qemuImg.create("qcow2", "overlays/top.qcow2", null, "-b", "../base/disk.raw", "-F", "raw", "-o",
                "compat=1.1,cluster_size=16384,refcount_bits=64,extended_l2=on,compression_type=zstd");

        assertChainMatches("overlays/top.qcow2", ImageFormat.QCOW2, 2);
    }

    @Test
    void singleImageWhoseBackingFormatIsNotRecorded() throws Exception {
        qemuImg.create("raw", "base.raw", "8M");
        Path top = qemuImg.overlay("qcow2", "top.qcow2", "base.raw", "raw");
        Qcow2Images.dropBackingFormatExtension(top);

        ImageInfo ours = ImageInfo.read(top, ImageFormat.QCOW2);

        assertEquals(qemuImg.info("qcow2", top.toString(), false), QemuImg.parse(ours.toJson()));
    }

    @Test
    void streamOptimizedAndFlatVmdk() throws Exception {
        Path stream = qemuImg.create("vmdk", "stream.vmdk", "4M", "-o", "subformat=streamOptimized");
        Path flat = qemuImg.create("vmdk", "flat.vmdk", "4M", "-o", "subformat=monolithicFlat");

        assertEquals(qemuImg.info("vmdk", stream.toString(), false),
                QemuImg.parse(ImageInfo.read(stream, ImageFormat.VMDK).toJson()));
        assertEquals(qemuImg.info("vmdk", flat.toString(), false),
                QemuImg.parse(ImageInfo.read(flat, ImageFormat.VMDK).toJson()));
    }

    @Test
    void dirtyAndCorruptQcow2() throws Exception {
        Path image = qemuImg.create("qcow2", "dirty.qcow2", "4M", "-o", "lazy_refcounts=on");
        // incompatible_features (bytes 72..79): dirty (bit 0) and corrupt (bit 1)
        Qcow2Images.patch(image, 79, (byte) 0x03);

        ImageInfo ours = ImageInfo.read(image, ImageFormat.QCOW2);

        assertEquals(qemuImg.info("qcow2", image.toString(), false), QemuImg.parse(ours.toJson()));
        Qcow2Details details = (Qcow2Details) ours.details().orElseThrow();
        assertEquals(List.of(true, true, true), List.of(details.dirty(), details.corrupt(), details.lazyRefcounts()));
    }

    @Test
    void qedNeedingACheck() throws Exception {
        Path image = qemuImg.create("qed", "check.qed", "4M");
        // features (bytes 16..23, little-endian): need check (bit 1)
        Qcow2Images.patch(image, 16, (byte) 0x02);

        ImageInfo ours = ImageInfo.read(image, ImageFormat.QED);

        assertEquals(qemuImg.info("qed", image.toString(), false), QemuImg.parse(ours.toJson()));
        assertEquals(true, ((QedDetails) ours.details().orElseThrow()).needsCheck());
    }

    @Test
    void singleImageWithANetworkBackingIsDescribedNotOpened() throws Exception {
        Path image = qemuImg.create("qcow2", "net.qcow2", "4M", "-u", "-b", "nbd+unix:///export?socket=/nonexistent",
                "-F", "raw");

        assertEquals(qemuImg.info("qcow2", image.toString(), false),
                QemuImg.parse(ImageInfo.read(image, ImageFormat.QCOW2).toJson()));
    }

    private void assertChainMatches(String topName, ImageFormat topFormat, int expectedLayers) throws Exception {
        Path top = dir.resolve(topName);
        JsonNode theirs = qemuImg.info(topFormat.qemuName(), top.toString(), true);

        List<ImageInfo> chain = ImageInfo.of(BackingChain.open(top, topFormat, ChainPolicy.defaults()));
        JsonNode ours = QemuImg.parse(ImageInfo.toJson(chain));

        assertEquals(expectedLayers, theirs.size(), "qemu-img layers");
        assertEquals(theirs.size(), ours.size(), "layers");
        for (int i = 0; i < theirs.size(); i++) {
            assertEquals(theirs.get(i), ours.get(i), "layer " + i + "\nqemu-img: " + theirs.get(i)
                    + "\nvireo:    " + ours.get(i));
        }
    }
}
