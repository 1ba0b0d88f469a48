package dev.vireo.caps;

import static dev.vireo.caps.Capability.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceListParserTest {

    private static final String OLD = """
            name "virtio-blk-pci", bus PCI, alias "virtio-blk"
            name "ide-drive", bus IDE, desc "virtual IDE disk or CD-ROM (legacy)"
            name "scsi-disk", bus SCSI
            name "lsi53c895a", bus PCI, alias "lsi"
            name "spicevmc", bus virtio-serial-bus
            virtio-blk-pci.bootindex=int32
            virtio-blk-pci.scsi=on/off
            virtio-blk-pci.logical_block_size=blocksize
            scsi-disk.physical_block_size=blocksize
            scsi-disk.channel=uint32
            kvm-pci-assign.configfd=string
            """;

    private static final String NEW = """
            Storage devices:
            name "ide-hd", bus IDE, desc "virtual IDE disk"
            name "scsi-hd", bus SCSI, desc "virtual SCSI disk"
            name "virtio-blk-pci", bus PCI, alias "virtio-blk"

            virtio-blk-pci options:
              event_idx=<bool>       - on/off (default: true)
              ioeventfd=<bool>       - on/off (default: true)
            scsi-hd options:
              channel=<uint32>       -  (default: 0)
              wwn=<uint64>           -  (default: 0)
            ide-hd options:
              wwn=<uint64>           -  (default: 0)
            """;

    @Test
    void readsTheOldListingAndPropertyLines() {
        DeviceCatalog c = DeviceListParser.parse(OLD);
        assertTrue(c.hasDevice("lsi53c895a"));
        assertTrue(c.hasProperty("virtio-blk-pci", "scsi"));
        assertTrue(c.hasProperty("kvm-pci-assign", "configfd"));
        assertFalse(c.hasProperty("virtio-blk-pci", "event_idx"));
    }

    @Test
    void readsTheNewPerDeviceOptionBlocks() {
        DeviceCatalog c = DeviceListParser.parse(NEW);
        assertTrue(c.hasDevice("scsi-hd"));
        assertTrue(c.hasProperty("virtio-blk-pci", "ioeventfd"));
        assertTrue(c.hasProperty("scsi-hd", "channel"));
        assertTrue(c.hasProperty("ide-hd", "wwn"));
        assertFalse(c.hasProperty("scsi-hd", "ioeventfd"));
    }

    @Test
    void oldListingGivesLibvirtsFlags() {
        Set<Capability> f = DeviceRules.derive(DeviceListParser.parse(OLD), Set.of());
        assertEquals(EnumSet.of(LSI, DEVICE_SPICEVMC, BOOT_INDEX, VIRTIO_BLK_PCI_SCSI, SCSI_DISK_CHANNEL, BLOCKIO,
                PCI_CONFIGFD), f);
    }

    @Test
    void chardevSpicevmcIsPreferredOverTheDevice() {
        assertFalse(DeviceRules.derive(DeviceListParser.parse(OLD), Set.of(CHARDEV_SPICEVMC))
                .contains(DEVICE_SPICEVMC));
    }

    @Test
    void successorsOfRemovedDisksAnswerForThem() {
        Set<Capability> f = DeviceRules.derive(DeviceListParser.parse(NEW), Set.of());
        assertEquals(EnumSet.of(VIRTIO_BLK_PCI_IOEVENTFD, VIRTIO_BLK_PCI_EVENT_IDX, SCSI_DISK_CHANNEL, IDE_DRIVE_WWN,
                SCSI_DISK_WWN), f);
    }

    @Test
    void asksForTheDevicesThatMatterAndTheBuiltInPowerManagement() {
        assertEquals(List.of("virtio-blk-pci", "PIIX4_PM", "scsi-hd", "ide-hd"),
                DeviceRules.devicesToQuery(DeviceListParser.parse(NEW)));
        assertEquals(List.of("virtio-blk-pci", "PIIX4_PM", "scsi-disk", "ide-drive"),
                DeviceRules.devicesToQuery(DeviceListParser.parse(OLD)));
    }

    @Test
    void qxlDeviceImpliesVgaQxl() {
        Set<Capability> f = DeviceRules.derive(DeviceListParser.parse("name \"qxl\", bus PCI\n"), Set.of());
        assertTrue(f.contains(DEVICE_QXL) && f.contains(VGA_QXL), f.toString());
        assertFalse(DeviceRules.derive(DeviceListParser.parse("name \"VGA\", bus PCI\n"), Set.of()).contains(VGA_QXL));
    }
}
