package dev.vireo.storage;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Images whose content makes QEMU 7.2 open another file by name (docs/storage.md, "Files an image
 * can name"). Each hostile image is first shown to work on the real QEMU (qemu-img reads the
 * named file), then shown refused by the walk with a message naming the image, the field and why.
 */
class ImagesNamingOtherFilesTest {

    private static final int SECRET_BYTES = 65536;

    @TempDir
    Path dir;
    QemuImg qemuImg;
    Path secret;
    byte[] secretBytes;

    @BeforeEach
    void setUp() throws Exception {
        qemuImg = new QemuImg(dir);
        secretBytes = new byte[SECRET_BYTES];
        new Random(8).nextBytes(secretBytes);
        secret = Files.write(dir.resolve("secret.raw"), secretBytes);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void sparseVmdkWithCapacityZeroAndAnEmbeddedDescriptorIsReadByQemuAsADescriptorAndRefused() throws Exception {
        Path image = qemuImg.create("vmdk", "guest.vmdk", "1M");
        VmdkImages.setCapacity(image, 0);
        VmdkImages.setDescriptor(image, descriptor("monolithicFlat", "RW 128 FLAT \"secret.raw\" 0"));

        // QEMU opens the extent by its name and serves the 0600 file's bytes as the disk
        qemuImg.convertToRaw("vmdk", "guest.vmdk", "read.raw");
        assertArrayEquals(secretBytes, java.util.Arrays.copyOf(Files.readAllBytes(dir.resolve("read.raw")), SECRET_BYTES));

        var e = assertThrows(UnsupportedImageException.class,
                () -> BackingChain.open(image, ImageFormat.VMDK, ChainPolicy.defaults()));
        assertEquals(image, e.image());
        assertEquals("image '" + image + "' is a VMDK sparse header with capacity 0 and an embedded descriptor "
                + "naming extent 'secret.raw': QEMU reads such a file as a descriptor file, so QEMU would open every "
                + "extent it names by path; Vireo refuses images that name other files (a VMDK made by QEMU or VMware "
                + "has a capacity; this one is forged or damaged)", e.getMessage());
    }

    @Test
    void theSameForgeryAsABackingLayerIsRefused() throws Exception {
        Path base = qemuImg.create("vmdk", "base.vmdk", "1M");
        Path top = qemuImg.overlay("qcow2", "top.qcow2", "base.vmdk", "vmdk");
        VmdkImages.setCapacity(base, 0);
        VmdkImages.setDescriptor(base, descriptor("monolithicFlat", "RW 128 FLAT \"secret.raw\" 0"));

        var e = assertThrows(UnsupportedImageException.class,
                () -> BackingChain.open(top, ImageFormat.QCOW2, ChainPolicy.defaults()));
        assertEquals(base, e.image());
        assertContains(e.getMessage(), "image '" + base + "' is a VMDK sparse header with capacity 0");
    }

    /** Every create type QEMU accepts in a descriptor, each naming the 0600 file as its extent. */
    @ParameterizedTest
    @ValueSource(strings = {"monolithicFlat", "vmfs", "vmfsSparse", "seSparse", "twoGbMaxExtentSparse",
            "twoGbMaxExtentFlat"})
    void descriptorFileOfEveryCreateTypeIsRefused(String createType) throws Exception {
        String extent = createType.equals("vmfs") ? "RW 128 VMFS \"secret.raw\"" : "RW 128 FLAT \"secret.raw\" 0";
        Path image = Files.writeString(dir.resolve("desc.vmdk"), descriptor(createType, extent));

        JsonNode info = qemuImg.info("vmdk", "desc.vmdk", false);
        assertEquals("secret.raw", info.at("/format-specific/data/extents/0/filename").asText(), info.toString());

        var e = assertThrows(UnsupportedImageException.class,
                () -> BackingChain.open(image, ImageFormat.VMDK, ChainPolicy.defaults()));
        assertEquals("image '" + image + "' is a VMDK descriptor file (createType '" + createType + "') naming extent "
                + "'secret.raw': QEMU would open every extent it names by path; Vireo refuses images that name other "
                + "files (convert it: qemu-img convert -f vmdk -O qcow2 " + image + " NEW.qcow2)", e.getMessage());
    }

    /** Descriptor files as qemu-img writes them for its multi-file subformats. */
    @ParameterizedTest
    @ValueSource(strings = {"monolithicFlat", "twoGbMaxExtentSparse", "twoGbMaxExtentFlat"})
    void multiFileVmdksQemuImgMakesAreRefused(String subformat) throws Exception {
        Path image = qemuImg.create("vmdk", "multi.vmdk", "4M", "-o", "subformat=" + subformat);

        var e = assertThrows(UnsupportedImageException.class,
                () -> BackingChain.open(image, ImageFormat.VMDK, ChainPolicy.defaults()));
        assertContains(e.getMessage(), "image '" + image + "' is a VMDK descriptor file (createType '" + subformat
                + "') naming extent 'multi-");
    }

    @Test
    void descriptorNamingManyExtentsShowsTheFirstThree() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            lines.add("RW 128 FLAT \"e" + i + ".raw\" 0");
        }
        Path image = Files.writeString(dir.resolve("many.vmdk"), descriptor("twoGbMaxExtentFlat", String.join("\n", lines)));

        var e = assertThrows(UnsupportedImageException.class,
                () -> BackingChain.open(image, ImageFormat.VMDK, ChainPolicy.defaults()));
        assertContains(e.getMessage(), "naming extents 'e1.raw', 'e2.raw', 'e3.raw' and 2 more:");
    }

    @Test
    void selfContainedVmdksAreAccepted() throws Exception {
        Path sparse = qemuImg.create("vmdk", "sparse.vmdk", "1M");
        Path stream = qemuImg.create("vmdk", "stream.vmdk", "1M", "-o", "subformat=streamOptimized");

        assertEquals(1, BackingChain.open(sparse, ImageFormat.VMDK, ChainPolicy.defaults()).layers().size());
        assertEquals(1, BackingChain.open(stream, ImageFormat.VMDK, ChainPolicy.defaults()).layers().size());
    }

    @Test
    void qcow2WithAnExternalDataFileIsRefused() throws Exception {
        Path image = qemuImg.create("qcow2", "ext.qcow2", "1M", "-o", "data_file=ext-data.raw");

        JsonNode info = qemuImg.info("qcow2", "ext.qcow2", false);
        assertEquals("ext-data.raw", info.at("/format-specific/data/data-file").asText(), info.toString());

        var e = assertThrows(UnsupportedImageException.class,
                () -> BackingChain.open(image, ImageFormat.QCOW2, ChainPolicy.defaults()));
        assertEquals("image '" + image + "' is a qcow2 image naming external data file 'ext-data.raw' (incompatible "
                + "feature 'external data file', header extension 0x44415441): QEMU would open it by path; Vireo "
                + "refuses images that name other files (convert it: qemu-img convert -f qcow2 -O qcow2 " + image
                + " NEW.qcow2)", e.getMessage());
    }

    @Test
    void qcow2DataFileExtensionWithoutItsFeatureBitIsIgnoredAsQemuIgnoresIt() throws Exception {
        Path image = qemuImg.create("qcow2", "ext.qcow2", "1M", "-o", "data_file=ext-data.raw");
        // incompatible_features (bytes 72..79, big-endian): clear bit 2, keep the name extension
        Qcow2Images.patch(image, 79, (byte) 0);

        // without the bit QEMU never opens the named file: it may even be missing
        Files.delete(dir.resolve("ext-data.raw"));
        qemuImg.convertToRaw("qcow2", "ext.qcow2", "read.raw");
        assertEquals(1, BackingChain.open(image, ImageFormat.QCOW2, ChainPolicy.defaults()).layers().size());
    }

    /**
     * QEMU finds the VMDK parent name by searching the descriptor area for the text
     * "parentFileNameHint", wherever it stands: here in a comment, which a descriptor grammar
     * skips. The walk must follow the file QEMU would follow, not miss it.
     */
    @Test
    void vmdkParentNameIsFoundWhereQemuFindsItEvenInAComment() throws Exception {
        qemuImg.create("vmdk", "base.vmdk", "1M");
        Path top = qemuImg.create("vmdk", "top.vmdk", "1M");
        String text = VmdkImages.descriptor(top);
        VmdkImages.setDescriptor(top, text.replace("createType=", "# parentFileNameHint=\"base.vmdk\"\ncreateType="));

        JsonNode theirs = qemuImg.info("vmdk", top.toString(), false);
        assertEquals("base.vmdk", theirs.at("/backing-filename").asText(), theirs.toString());

        BackingChain chain = BackingChain.open(top, ImageFormat.VMDK, ChainPolicy.defaults());
        assertEquals(List.of(top, dir.resolve("base.vmdk")), chain.layers().stream().map(ChainLayer::path).toList());
        assertEquals(QemuImg.parse(ImageInfo.read(top, ImageFormat.VMDK).toJson()), theirs);
    }

    @Test
    void vmdkParentNameWithoutClosingQuoteIsRefusedAsQemuRefusesIt() throws Exception {
        Path top = qemuImg.create("vmdk", "top.vmdk", "1M");
        VmdkImages.setDescriptor(top, VmdkImages.descriptor(top) + "parentFileNameHint=\"base.vmdk");

        var e = assertThrows(ImageHeaderException.class,
                () -> BackingChain.open(top, ImageFormat.VMDK, ChainPolicy.defaults()));
        assertEquals("parentFileNameHint", e.field());
    }

    private static String descriptor(String createType, String extents) {
        return "# Disk DescriptorFile\nversion=1\nCID=12345678\nparentCID=ffffffff\ncreateType=\"" + createType
                + "\"\n\n# Extent description\n" + extents + "\n";
    }

    private static void assertContains(String actual, String expected) {
        if (!actual.contains(expected)) {
            throw new AssertionError("expected to contain:\n  " + expected + "\nactual:\n  " + actual);
        }
    }
}
