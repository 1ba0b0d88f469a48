package dev.vireo.caps;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an emulator binary can do, named exactly as libvirt's QEMU driver names its capability flags
 * ({@code drive}, {@code drive-cache-v2}, {@code virtio-blk-pci.scsi}, ...).
 *
 * <p>The constants are declared in libvirt's enum order (the bit order of its capability bitmap),
 * so an {@link java.util.EnumSet} of them iterates, and {@link QemuCapsXml} prints them, in the
 * order libvirt's own documents and tests use. Never reorder: append new names at the end.
 *
 * <p>Constant names follow the flag name (upper case, {@code -} and {@code .} as {@code _}) except
 * where two names would clash or a name starts with a digit: {@code 0.10} is {@link #QEMU_0_10}, and
 * the device-model flags {@code VGA}, {@code qxl}, {@code cirrus-vga}, {@code vmware-svga} carry a
 * {@code DEVICE_} prefix to keep them apart from the {@code -vga} option flags.
 */
public enum Capability {
    KQEMU("kqemu"),
    VNC_COLON("vnc-colon"),
    NO_REBOOT("no-reboot"),
    DRIVE("drive"),
    DRIVE_BOOT("drive-boot"),
    NAME("name"),
    UUID("uuid"),
    DOMID("domid"),
    VNET_HDR("vnet-hdr"),
    MIGRATE_KVM_STDIO("migrate-kvm-stdio"),
    MIGRATE_QEMU_TCP("migrate-qemu-tcp"),
    MIGRATE_QEMU_EXEC("migrate-qemu-exec"),
    DRIVE_CACHE_V2("drive-cache-v2"),
    KVM("kvm"),
    DRIVE_FORMAT("drive-format"),
    VGA("vga"),
    QEMU_0_10("0.10"),
    PCI_DEVICE("pci-device"),
    MEM_PATH("mem-path"),
    DRIVE_SERIAL("drive-serial"),
    XEN_DOMID("xen-domid"),
    MIGRATE_QEMU_UNIX("migrate-qemu-unix"),
    CHARDEV("chardev"),
    ENABLE_KVM("enable-kvm"),
    MONITOR_JSON("monitor-json"),
    BALLOON("balloon"),
    DEVICE("device"),
    SDL("sdl"),
    SMP_TOPOLOGY("smp-topology"),
    NETDEV("netdev"),
    RTC("rtc"),
    VHOST_NET("vhost-net"),
    RTC_TD_HACK("rtc-td-hack"),
    NO_HPET("no-hpet"),
    NO_KVM_PIT("no-kvm-pit"),
    TDF("tdf"),
    PCI_CONFIGFD("pci-configfd"),
    NODEFCONFIG("nodefconfig"),
    BOOT_MENU("boot-menu"),
    ENABLE_KQEMU("enable-kqemu"),
    FSDEV("fsdev"),
    NESTING("nesting"),
    NAME_PROCESS("name-process"),
    DRIVE_READONLY("drive-readonly"),
    SMBIOS_TYPE("smbios-type"),
    VGA_QXL("vga-qxl"),
    SPICE("spice"),
    VGA_NONE("vga-none"),
    MIGRATE_QEMU_FD("migrate-qemu-fd"),
    BOOT_INDEX("boot-index"),
    HDA_DUPLEX("hda-duplex"),
    DRIVE_AIO("drive-aio"),
    PCI_MULTIBUS("pci-multibus"),
    PCI_BOOTINDEX("pci-bootindex"),
    CCID_EMULATED("ccid-emulated"),
    CCID_PASSTHRU("ccid-passthru"),
    CHARDEV_SPICEVMC("chardev-spicevmc"),
    DEVICE_SPICEVMC("device-spicevmc"),
    VIRTIO_TX_ALG("virtio-tx-alg"),
    DEVICE_QXL_VGA("device-qxl-vga"),
    PCI_MULTIFUNCTION("pci-multifunction"),
    VIRTIO_BLK_PCI_IOEVENTFD("virtio-blk-pci.ioeventfd"),
    SGA("sga"),
    VIRTIO_BLK_PCI_EVENT_IDX("virtio-blk-pci.event_idx"),
    VIRTIO_NET_PCI_EVENT_IDX("virtio-net-pci.event_idx"),
    CACHE_DIRECTSYNC("cache-directsync"),
    PIIX3_USB_UHCI("piix3-usb-uhci"),
    PIIX4_USB_UHCI("piix4-usb-uhci"),
    USB_EHCI("usb-ehci"),
    ICH9_USB_EHCI1("ich9-usb-ehci1"),
    VT82C686B_USB_UHCI("vt82c686b-usb-uhci"),
    PCI_OHCI("pci-ohci"),
    USB_REDIR("usb-redir"),
    USB_HUB("usb-hub"),
    NO_SHUTDOWN("no-shutdown"),
    CACHE_UNSAFE("cache-unsafe"),
    ROMBAR("rombar"),
    ICH9_AHCI("ich9-ahci"),
    NO_ACPI("no-acpi"),
    FSDEV_READONLY("fsdev-readonly"),
    VIRTIO_BLK_PCI_SCSI("virtio-blk-pci.scsi"),
    BLK_SG_IO("blk-sg-io"),
    DRIVE_COPY_ON_READ("drive-copy-on-read"),
    CPU_HOST("cpu-host"),
    FSDEV_WRITEOUT("fsdev-writeout"),
    DRIVE_IOTUNE("drive-iotune"),
    SYSTEM_WAKEUP("system_wakeup"),
    SCSI_DISK_CHANNEL("scsi-disk.channel"),
    SCSI_BLOCK("scsi-block"),
    TRANSACTION("transaction"),
    BLOCK_JOB_SYNC("block-job-sync"),
    BLOCK_JOB_ASYNC("block-job-async"),
    SCSI_CD("scsi-cd"),
    IDE_CD("ide-cd"),
    NO_USER_CONFIG("no-user-config"),
    HDA_MICRO("hda-micro"),
    DUMP_GUEST_MEMORY("dump-guest-memory"),
    NEC_USB_XHCI("nec-usb-xhci"),
    VIRTIO_S390("virtio-s390"),
    BALLOON_EVENT("balloon-event"),
    BRIDGE("bridge"),
    LSI("lsi"),
    VIRTIO_SCSI_PCI("virtio-scsi-pci"),
    BLOCKIO("blockio"),
    DISABLE_S3("disable-s3"),
    DISABLE_S4("disable-s4"),
    USB_REDIR_FILTER("usb-redir.filter"),
    IDE_DRIVE_WWN("ide-drive.wwn"),
    SCSI_DISK_WWN("scsi-disk.wwn"),
    SECCOMP_SANDBOX("seccomp-sandbox"),
    REBOOT_TIMEOUT("reboot-timeout"),
    DUMP_GUEST_CORE("dump-guest-core"),
    SEAMLESS_MIGRATION("seamless-migration"),
    BLOCK_COMMIT("block-commit"),
    VNC("vnc"),
    DRIVE_MIRROR("drive-mirror"),
    USB_REDIR_BOOTINDEX("usb-redir.bootindex"),
    USB_HOST_BOOTINDEX("usb-host.bootindex"),
    BLOCKDEV_SNAPSHOT_SYNC("blockdev-snapshot-sync"),
    DEVICE_QXL("qxl"),
    DEVICE_VGA("VGA"),
    DEVICE_CIRRUS_VGA("cirrus-vga"),
    DEVICE_VMWARE_SVGA("vmware-svga"),
    DEVICE_VIDEO_PRIMARY("device-video-primary"),
    S390_SCLP("s390-sclp"),
    USB_SERIAL("usb-serial"),
    USB_NET("usb-net"),
    ADD_FD("add-fd"),
    NBD_SERVER("nbd-server"),
    VIRTIO_RNG("virtio-rng"),
    RNG_RANDOM("rng-random"),
    RNG_EGD("rng-egd"),
    VIRTIO_CCW("virtio-ccw"),
    DTB("dtb"),
    MEGASAS("megasas"),
    IPV6_MIGRATION("ipv6-migration"),
    MACHINE_OPT("machine-opt"),
    MACHINE_USB_OPT("machine-usb-opt"),
    TPM_PASSTHROUGH("tpm-passthrough"),
    TPM_TIS("tpm-tis"),
    NVRAM("nvram"),
    PCI_BRIDGE("pci-bridge"),
    VFIO_PCI("vfio-pci"),
    VFIO_PCI_BOOTINDEX("vfio-pci.bootindex"),
    SCSI_GENERIC("scsi-generic"),
    SCSI_GENERIC_BOOTINDEX("scsi-generic.bootindex"),
    MEM_MERGE("mem-merge"),
    VNC_WEBSOCKET("vnc-websocket"),
    DRIVE_DISCARD("drive-discard"),
    MLOCK("mlock"),
    VNC_SHARE_POLICY("vnc-share-policy"),
    DEVICE_DEL_EVENT("device-del-event"),
    /** Disks as named {@code -blockdev} nodes instead of {@code -drive} (libvirt's flag of 5.10+). */
    BLOCKDEV("blockdev"),
    // Names of later libvirt releases (learned over QMP by libvirt 9), appended: see docs/capabilities.md.
    PVPANIC("pvpanic"),
    USB_STORAGE("usb-storage"),
    ICH9_INTEL_HDA("ich9-intel-hda"),
    USB_KBD("usb-kbd"),
    RTL8139("rtl8139"),
    E1000("e1000"),
    VIRTIO_NET("virtio-net"),
    VIRTIO_GPU("virtio-gpu"),
    VIRTIO_KEYBOARD("virtio-keyboard"),
    VIRTIO_MOUSE("virtio-mouse"),
    VIRTIO_TABLET("virtio-tablet"),
    QUERY_HOTPLUGGABLE_CPUS("query-hotpluggable-cpus"),
    VIRTIO_VGA("virtio-vga"),
    PCIE_ROOT_PORT("pcie-root-port"),
    QUERY_CPU_DEFINITIONS("query-cpu-definitions"),
    QEMU_XHCI("qemu-xhci"),
    ISA_SERIAL("isa-serial"),
    PCIE_PCI_BRIDGE("pcie-pci-bridge"),
    TPM_CRB("tpm-crb"),
    VHOST_VSOCK("vhost-vsock"),
    TPM_EMULATOR("tpm-emulator"),
    BOCHS_DISPLAY("bochs-display"),
    INCREMENTAL_BACKUP("incremental-backup"),
    RAMFB("ramfb"),
    BLOCKDEV_REOPEN("blockdev-reopen"),
    TCG("tcg"),
    BLOCK_EXPORT_ADD("block-export-add"),
    CPU_MAX("cpu-max");

    private static final Map<String, Capability> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Capability::flagName, Function.identity()));

    private final String flagName;

    Capability(String flagName) {
        this.flagName = flagName;
    }

    /** libvirt's name for this capability, as written in {@code <flag name='...'/>}. */
    public String flagName() {
        return flagName;
    }

    /** The capability libvirt calls {@code name} (case-sensitive: {@code VGA} and {@code vga} differ). */
    public static Optional<Capability> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    @Override
    public String toString() {
        return flagName;
    }
}
