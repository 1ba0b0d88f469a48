package dev.vireo.storage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening a walked chain: modes per layer, and refusal of files changed since the walk. */
class ChainFilesTest {

    @TempDir
    Path dir;
    QemuImg qemuImg;
    BackingChain chain;

    @BeforeEach
    void setUp() throws Exception {
        qemuImg = new QemuImg(dir);
        qemuImg.create("raw", "base.raw", "1M");
        qemuImg.overlay("qcow2", "mid.qcow2", "base.raw", "raw");
        qemuImg.overlay("qcow2", "top.qcow2", "mid.qcow2", "qcow2");
        chain = BackingChain.open(dir.resolve("top.qcow2"), ImageFormat.QCOW2, ChainPolicy.defaults());
    }

    @Test
    void topIsWritableAndBackingLayersReadOnly() throws Exception {
        List<LayerAccess> plan = chain.accessPlan(false);
        assertEquals(List.of(AccessMode.READ_WRITE, AccessMode.READ_ONLY, AccessMode.READ_ONLY),
                plan.stream().map(LayerAccess::mode).toList());

        try (ChainFiles files = ChainFiles.open(plan)) {
            assertEquals(3, files.files().size());
            ChainFiles.Opened top = files.files().getFirst();
            assertEquals(0, top.channel().write(ByteBuffer.allocate(0), 0));
            assertThrows(NonWritableChannelException.class,
                    () -> files.files().get(1).channel().write(ByteBuffer.allocate(1), 0));
        }
    }

    @Test
    void readOnlyDiskOpensEveryLayerReadOnly() throws Exception {
        assertTrue(chain.accessPlan(true).stream().allMatch(a -> a.mode() == AccessMode.READ_ONLY));
    }

    @Test
    void fileReplacedAfterTheWalkIsRefusedAndNothingStaysOpen() throws Exception {
        Path mid = dir.resolve("mid.qcow2");
        Path other = qemuImg.create("qcow2", "other.qcow2", "1M");
        Files.move(other, mid, StandardCopyOption.REPLACE_EXISTING);

        List<LayerAccess> plan = chain.accessPlan(false);
        var e = assertThrows(UnsupportedImageException.class, () -> ChainFiles.open(plan));

        assertEquals(mid + ": changed since the backing chain was read (it is now a different file "
                + "(device/inode changed)); read the chain again", e.getMessage());
    }

    @Test
    void headerRewrittenInPlaceAfterTheWalkIsRefused() throws Exception {
        qemuImg.rebaseUnsafe("qcow2", "top.qcow2", "base.raw", "raw");

        var e = assertThrows(UnsupportedImageException.class, () -> ChainFiles.open(chain.accessPlan(false)));

        assertFalse(e.getMessage().isEmpty());
        assertEquals(dir.resolve("top.qcow2") + ": changed since the backing chain was read (its header changed); "
                + "read the chain again", e.getMessage());
    }
}
