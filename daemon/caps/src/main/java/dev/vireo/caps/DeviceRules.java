package dev.vireo.caps;

import static dev.vireo.caps.Capability.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which devices' properties matter, and the flags a {@link DeviceCatalog} reveals (libvirt 0.10's
 * device probing rules).
 *
 * <p>Two of the devices libvirt asked about were later renamed: the legacy {@code scsi-disk} and
 * {@code ide-drive} are gone from QEMU 7.2, whose {@code scsi-hd} and {@code ide-hd} carry the same
 * properties. The flags keep libvirt's names ({@code scsi-disk.channel}, {@code ide-drive.wwn}) and
 * mean "the SCSI / IDE disk device takes this property"; the successor answers when the legacy
 * device does not exist.
 */
public final class DeviceRules {

    /** Device model -> the flag its mere presence gives. */
    private static final Map<String, Capability> DEVICE_FLAGS = Map.ofEntries(
            Map.entry("hda-duplex", HDA_DUPLEX),
            Map.entry("hda-micro", HDA_MICRO),
            Map.entry("ccid-card-emulated", CCID_EMULATED),
            Map.entry("ccid-card-passthru", CCID_PASSTHRU),
            Map.entry("piix3-usb-uhci", PIIX3_USB_UHCI),
            Map.entry("piix4-usb-uhci", PIIX4_USB_UHCI),
            Map.entry("usb-ehci", USB_EHCI),
            Map.entry("ich9-usb-ehci1", ICH9_USB_EHCI1),
            Map.entry("vt82c686b-usb-uhci", VT82C686B_USB_UHCI),
            Map.entry("pci-ohci", PCI_OHCI),
            Map.entry("nec-usb-xhci", NEC_USB_XHCI),
            Map.entry("usb-redir", USB_REDIR),
            Map.entry("usb-hub", USB_HUB),
            Map.entry("ich9-ahci", ICH9_AHCI),
            Map.entry("virtio-blk-s390", VIRTIO_S390),
            Map.entry("virtio-net-s390", VIRTIO_S390),
            Map.entry("virtio-serial-s390", VIRTIO_S390),
            Map.entry("lsi53c895a", LSI),
            Map.entry("virtio-scsi-pci", VIRTIO_SCSI_PCI),
            Map.entry("qxl-vga", DEVICE_QXL_VGA),
            Map.entry("sga", SGA),
            Map.entry("scsi-block", SCSI_BLOCK),
            Map.entry("scsi-cd", SCSI_CD),
            Map.entry("ide-cd", IDE_CD),
            Map.entry("qxl", DEVICE_QXL),
            Map.entry("VGA", DEVICE_VGA),
            Map.entry("cirrus-vga", DEVICE_CIRRUS_VGA),
            Map.entry("vmware-svga", DEVICE_VMWARE_SVGA));

    private static final List<String> PCI_ASSIGN = List.of("pci-assign", "kvm-pci-assign");
    private static final List<String> SCSI_DISK = List.of("scsi-disk", "scsi-hd");
    private static final List<String> IDE_DISK = List.of("ide-drive", "ide-hd");

    private DeviceRules() {
    }

    /**
     * The devices whose properties the rules read, in a stable order: those of {@code listing} among
     * the ones that matter, plus {@code PIIX4_PM} (the PC's power management, built into the machine
     * and so never in the listing, yet it answers a property query).
     */
    public static List<String> devicesToQuery(DeviceCatalog listing) {
        List<String> wanted = new ArrayList<>();
        for (String device : PCI_ASSIGN) if (listing.hasDevice(device)) wanted.add(device);
        for (String device : List.of("virtio-blk-pci", "virtio-net-pci", "usb-redir")) {
            if (listing.hasDevice(device)) wanted.add(device);
        }
        wanted.add("PIIX4_PM");
        for (List<String> generations : List.of(SCSI_DISK, IDE_DISK)) {
            String device = present(listing, generations);
            if (device != null) wanted.add(device);
        }
        return wanted;
    }

    /**
     * The flags {@code catalog} reveals.
     *
     * @param helpFlags what the help text gave; a {@code -chardev spicevmc} there is preferred over
     *                  the {@code spicevmc} device, which is then not reported
     */
    public static Set<Capability> derive(DeviceCatalog catalog, Set<Capability> helpFlags) {
        EnumSet<Capability> f = EnumSet.noneOf(Capability.class);
        DEVICE_FLAGS.forEach((device, flag) -> {
            if (catalog.hasDevice(device)) f.add(flag);
        });
        if (!helpFlags.contains(CHARDEV_SPICEVMC) && catalog.hasDevice("spicevmc")) f.add(DEVICE_SPICEVMC);
        // a binary with the qxl device takes -vga qxl too, whether or not its help lists it
        if (f.contains(DEVICE_QXL)) f.add(VGA_QXL);

        set(f, USB_REDIR_FILTER, catalog.hasProperty("usb-redir", "filter"));
        set(f, PCI_CONFIGFD, PCI_ASSIGN.stream().anyMatch(d -> catalog.hasProperty(d, "configfd")));
        set(f, PCI_MULTIFUNCTION, catalog.hasProperty("virtio-blk-pci", "multifunction"));
        if (catalog.hasProperty("virtio-blk-pci", "bootindex")) {
            f.add(BOOT_INDEX);
            set(f, PCI_BOOTINDEX, PCI_ASSIGN.stream().anyMatch(d -> catalog.hasProperty(d, "bootindex")));
        }
        set(f, VIRTIO_TX_ALG, catalog.hasProperty("virtio-net-pci", "tx"));
        set(f, VIRTIO_BLK_PCI_IOEVENTFD, catalog.hasProperty("virtio-blk-pci", "ioeventfd"));
        set(f, VIRTIO_BLK_PCI_EVENT_IDX, catalog.hasProperty("virtio-blk-pci", "event_idx"));
        set(f, VIRTIO_NET_PCI_EVENT_IDX, catalog.hasProperty("virtio-net-pci", "event_idx"));
        set(f, VIRTIO_BLK_PCI_SCSI, catalog.hasProperty("virtio-blk-pci", "scsi"));
        set(f, SCSI_DISK_CHANNEL, hasProperty(catalog, SCSI_DISK, "channel"));
        set(f, SCSI_DISK_WWN, hasProperty(catalog, SCSI_DISK, "wwn"));
        set(f, IDE_DRIVE_WWN, hasProperty(catalog, IDE_DISK, "wwn"));
        // block limits are a block-layer feature: any disk device that lists them proves it
        set(f, BLOCKIO, catalog.anyDeviceHasProperty("logical_block_size")
                && catalog.anyDeviceHasProperty("physical_block_size"));
        set(f, DISABLE_S3, catalog.hasProperty("PIIX4_PM", "disable_s3"));
        set(f, DISABLE_S4, catalog.hasProperty("PIIX4_PM", "disable_s4"));
        return f;
    }

    /** The property of the first generation of a device that exists. */
    private static boolean hasProperty(DeviceCatalog catalog, List<String> generations, String property) {
        String device = present(catalog, generations);
        return device != null && catalog.hasProperty(device, property);
    }

    private static String present(DeviceCatalog catalog, List<String> generations) {
        for (String device : generations) if (catalog.hasDevice(device)) return device;
        return null;
    }

    private static void set(EnumSet<Capability> flags, Capability flag, boolean on) {
        if (on) flags.add(flag);
    }
}
