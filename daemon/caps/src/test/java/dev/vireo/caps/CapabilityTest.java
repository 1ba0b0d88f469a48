package dev.vireo.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapabilityTest {

    @Test
    void looksUpByLibvirtName() {
        assertEquals(Optional.of(Capability.VIRTIO_BLK_PCI_EVENT_IDX), Capability.byName("virtio-blk-pci.event_idx"));
        assertEquals(Optional.of(Capability.QEMU_0_10), Capability.byName("0.10"));
        assertEquals(Optional.of(Capability.DEVICE_VGA), Capability.byName("VGA"));
        assertEquals(Optional.of(Capability.VGA), Capability.byName("vga"));
        assertTrue(Capability.byName("no-such-flag").isEmpty());
    }

    @Test
    void keepsLibvirtsBitOrder() {
        // spot checks of libvirt's enum positions: 0, 12, 26 and the last one before the video devices
        assertEquals(0, Capability.KQEMU.ordinal());
        assertEquals(12, Capability.DRIVE_CACHE_V2.ordinal());
        assertEquals(26, Capability.DEVICE.ordinal());
        assertEquals(Capability.BLOCKDEV_SNAPSHOT_SYNC.ordinal() + 1, Capability.DEVICE_QXL.ordinal());
    }
}
