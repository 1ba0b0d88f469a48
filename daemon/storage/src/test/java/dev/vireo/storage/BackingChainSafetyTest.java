package dev.vireo.storage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The refusals of the backing-chain walk, each on images made by the real qemu-img. */
class BackingChainSafetyTest {

    @TempDir
    Path dir;
    QemuImg qemuImg;

    @BeforeEach
    void setUp() {
        qemuImg = new QemuImg(dir);
    }

    @Test
    void rawImageHoldingAQcow2HeaderIsNotFollowed() throws Exception {
        // the guest's disk content is a qcow2 header naming a host file
        Path guestDisk = qemuImg.create("qcow2", "guest.raw", "1M", "-u", "-b", "/etc/shadow", "-F", "raw");
        Path top = qemuImg.overlay("qcow2", "top.qcow2", "guest.raw", "raw");

        BackingChain chain = BackingChain.open(top, ImageFormat.QCOW2, ChainPolicy.defaults());

        assertEquals(List.of(top, guestDisk), chain.layers().stream().map(ChainLayer::path).toList());
        assertEquals(ImageFormat.RAW, chain.base().format());
        assertEquals(Optional.empty(), chain.base().backing());
        assertEquals(1, BackingChain.open(guestDisk, ImageFormat.RAW, ChainPolicy.defaults()).layers().size());
    }

    @Test
    void backingWithoutRecordedFormatIsRefusedWithTheRebaseCommand() throws Exception {
        qemuImg.create("qcow2", "base.qcow2", "1M");
        Path top = qemuImg.overlay("qcow2", "top.qcow2", "base.qcow2", "qcow2");
        Qcow2Images.dropBackingFormatExtension(top);

        var e = assertThrows(UnrecordedBackingFormatException.class,
                () -> BackingChain.open(top, ImageFormat.QCOW2, ChainPolicy.defaults()));

        assertEquals(top, e.image());
        assertContains(e.getMessage(), top + ": backing file 'base.qcow2' has no recorded format");
        assertContains(e.getMessage(), "qemu-img rebase -u -f qcow2 -F FORMAT -b base.qcow2 " + top);
    }

    @Test
    void qedOverNonRawBackingIsRefusedBecauseQedCannotRecordIt() throws Exception {
        qemuImg.create("qcow2", "base.qcow2", "1M");
        Path top = qemuImg.overlay("qed", "top.qed", "base.qcow2", "qcow2");

        var e = assertThrows(UnrecordedBackingFormatException.class,
                () -> BackingChain.open(top, ImageFormat.QED, ChainPolicy.defaults()));

        assertContains(e.getMessage(), "QED records only a raw backing format");
    }

    @Test
    void qedWithoutTheRawNoProbeBitHasNoRecordedFormat() throws Exception {
        qemuImg.create("raw", "base.raw", "1M");
        Path top = qemuImg.overlay("qed", "top.qed", "base.raw", "raw");
        // features byte 16: keep "has backing file" (bit 0), clear "backing format no probe" (bit 2)
        Qcow2Images.patch(top, 16, (byte) 0x01);

        var e = assertThrows(UnrecordedBackingFormatException.class,
                () -> BackingChain.open(top, ImageFormat.QED, ChainPolicy.defaults()));

        assertContains(e.getMessage(), "qemu-img rebase -u -f qed -F raw -b base.raw " + top);
    }

    @Test
    void imageNamingItselfIsALoop() throws Exception {
        Path self = qemuImg.create("qcow2", "self.qcow2", "1M");
        qemuImg.rebaseUnsafe("qcow2", "self.qcow2", "self.qcow2", "qcow2");

        var e = assertThrows(BackingLoopException.class,
                () -> BackingChain.open(self, ImageFormat.QCOW2, ChainPolicy.defaults()));

        assertEquals(self + ": backing file 'self.qcow2' (" + self + ") is the image itself: backing chain loop",
                e.getMessage());
    }

    @Test
    void twoImagesNamingEachOtherAreALoop() throws Exception {
        Path a = qemuImg.create("qcow2", "a.qcow2", "1M");
        qemuImg.overlay("qcow2", "b.qcow2", "a.qcow2", "qcow2");
        qemuImg.rebaseUnsafe("qcow2", "a.qcow2", "b.qcow2", "qcow2");
        Path b = dir.resolve("b.qcow2");

        var e = assertThrows(BackingLoopException.class,
                () -> BackingChain.open(b, ImageFormat.QCOW2, ChainPolicy.defaults()));

        assertEquals(a, e.image());
        assertContains(e.getMessage(), "is " + b + ", already layer 0 of the chain: backing chain loop");
    }

    @Test
    void loopThroughASymlinkIsFoundByFileIdentity() throws Exception {
        Path real = qemuImg.create("qcow2", "real.qcow2", "1M");
        Files.createSymbolicLink(dir.resolve("alias.qcow2"), real.getFileName());
        qemuImg.rebaseUnsafe("qcow2", "real.qcow2", "alias.qcow2", "qcow2");

        var e = assertThrows(BackingLoopException.class,
                () -> BackingChain.open(real, ImageFormat.QCOW2, ChainPolicy.defaults()));

        assertContains(e.getMessage(), "backing file 'alias.qcow2' (" + dir.resolve("alias.qcow2") + ") is the image itself");
    }

    @Test
    void missingLayerIsNamedWithItsOverlay() throws Exception {
        qemuImg.create("qcow2", "base.qcow2", "1M");
        Path top = qemuImg.overlay("qcow2", "top.qcow2", "base.qcow2", "qcow2");
        Files.delete(dir.resolve("base.qcow2"));

        var e = assertThrows(MissingImageException.class,
                () -> BackingChain.open(top, ImageFormat.QCOW2, ChainPolicy.defaults()));

        assertEquals(top + ": backing file 'base.qcow2' (resolved to " + dir.resolve("base.qcow2")
                + ", relative to the overlay's directory) does not exist", e.getMessage());
    }

    @Test
    void missingTopImage() {
        Path top = dir.resolve("absent.qcow2");

        var e = assertThrows(MissingImageException.class,
                () -> BackingChain.open(top, ImageFormat.QCOW2, ChainPolicy.defaults()));

        assertEquals(top + ": image does not exist", e.getMessage());
    }

    @Test
    void chainDeeperThanThePolicyIsRefused() throws Exception {
        qemuImg.create("raw", "layer0.raw", "1M");
        qemuImg.overlay("qcow2", "layer1.qcow2", "layer0.raw", "raw");
        for (int i = 2; i <= 4; i++) {
            qemuImg.overlay("qcow2", "layer" + i + ".qcow2", "layer" + (i - 1) + ".qcow2", "qcow2");
        }
        Path top = dir.resolve("layer4.qcow2");

        assertEquals(5, BackingChain.open(top, ImageFormat.QCOW2, ChainPolicy.defaults().withMaxDepth(5))
                .layers().size());
        var e = assertThrows(ChainDepthException.class,
                () -> BackingChain.open(top, ImageFormat.QCOW2, ChainPolicy.defaults().withMaxDepth(4)));
        assertContains(e.getMessage(), "backing chain is deeper than the limit of 4 images");
        assertContains(e.getMessage(), "-> 'layer0.raw'");
    }

    @Test
    void declaredFormatIsReadNotDetected() throws Exception {
        Path raw = qemuImg.create("raw", "disk.raw", "1M");

        var e = assertThrows(ImageHeaderException.class,
                () -> BackingChain.open(raw, ImageFormat.QCOW2, ChainPolicy.defaults()));

        assertEquals("magic", e.field());
        assertEquals(raw + ": invalid qcow2 header: field 'magic': not a qcow2 image (expected QFI\\xfb)", e.getMessage());
    }

    @Test
    void networkBackingIsRefusedByDefaultAndReportedNotOpenedWhenAllowed() throws Exception {
        Path top = qemuImg.create("qcow2", "top.qcow2", "1M", "-u", "-b", "nbd+unix:///export?socket=/run/x.sock",
                "-F", "raw");

        var e = assertThrows(UnsupportedImageException.class,
                () -> BackingChain.open(top, ImageFormat.QCOW2, ChainPolicy.defaults()));
        assertEquals("image '" + top + "' names network backing 'nbd+unix:///export?socket=/run/x.sock' (nbd+unix:): "
                + "QEMU would connect to it itself; a local image may name a network backing only when "
                + "vireod.conf sets allow_network_backing = 1", e.getMessage());

        BackingChain chain = BackingChain.open(top, ImageFormat.QCOW2, ChainPolicy.defaults().withAllowNetwork(true));
        assertEquals(1, chain.layers().size());
        BackingTarget.Network network = chain.networkBacking().orElseThrow();
        assertEquals("nbd+unix", network.protocol());
        assertEquals(Optional.of(ImageFormat.RAW), network.format());
    }

    @Test
    void networkBackingBelowALocalLayerIsRefusedByDefault() throws Exception {
        qemuImg.create("qcow2", "mid.qcow2", "1M", "-u", "-b", "http://169.254.169.254/latest", "-F", "raw");
        Path top = qemuImg.create("qcow2", "top.qcow2", "1M", "-u", "-b", "mid.qcow2", "-F", "qcow2");

        var e = assertThrows(UnsupportedImageException.class,
                () -> BackingChain.open(top, ImageFormat.QCOW2, ChainPolicy.defaults()));
        assertEquals(dir.resolve("mid.qcow2"), e.image());
        assertContains(e.getMessage(), "names network backing 'http://169.254.169.254/latest' (http:)");
    }

    @Test
    void jsonPseudoProtocolIsRefused() throws Exception {
        Path top = qemuImg.create("qcow2", "top.qcow2", "1M", "-u", "-b",
                "json:{\"driver\":\"raw\",\"file\":{\"driver\":\"file\",\"filename\":\"/etc/shadow\"}}", "-F", "raw");

        var e = assertThrows(UnsupportedImageException.class,
                () -> BackingChain.open(top, ImageFormat.QCOW2, ChainPolicy.defaults()));

        assertContains(e.getMessage(), "uses protocol 'json:', which is refused");
    }

    @Test
    void relativeNamesResolveAgainstTheOverlayDirectoryNotTheWorkingDirectory() throws Exception {
        Files.createDirectories(dir.resolve("a/b"));
        qemuImg.create("raw", "a/base.raw", "1M");
        qemuImg.create("qcow2", "a/b/mid.qcow2", null, "-b", "../base.raw", "-F", "raw");
        Path top = qemuImg.create("qcow2", "top.qcow2", null, "-b", "a/b/mid.qcow2", "-F", "qcow2");

        BackingChain chain = BackingChain.open(top, ImageFormat.QCOW2, ChainPolicy.defaults());

        assertEquals(List.of(top, dir.resolve("a/b/mid.qcow2"), dir.resolve("a/b/../base.raw")),
                chain.layers().stream().map(ChainLayer::path).toList());
        assertEquals(dir.resolve("a/base.raw").toRealPath(), chain.base().realPath());
        assertEquals(Optional.of("../base.raw"), chain.layers().get(1).backingNameAsWritten());
    }

    private static void assertContains(String actual, String expected) {
        assertTrue(actual.contains(expected), () -> "expected to contain:\n  " + expected + "\nbut was:\n  " + actual);
    }
}
