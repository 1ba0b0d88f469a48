package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.caps.QemuCaps;
import dev.vireo.command.storage.StoragePlan;
import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.AddressType;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.Device;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.Hostdev;
import dev.vireo.conf.model.Os;
import dev.vireo.conf.model.OsType;
import java.util.List;

/**
 * Everything one build reads: the domain, the emulator's capabilities, the launch options, and what
 * is derived once from them (device aliases, PCI slots, boot plan). The domain is never modified.
 */
final class BuildContext {

    private final Domain domain;
    private final Devices devices;
    private final List<Disk> disks;
    private final List<Controller> controllers;
    private final List<Hostdev> hostdevs;
    private final QemuCaps caps;
    private final LaunchOptions options;
    private DeviceAliases aliases;
    private SpaprVioPlan vio;
    private PciSlotPlan pci;
    private BootPlan boot;
    private StoragePlan storage;

    private BuildContext(Domain domain, QemuCaps caps, LaunchOptions options) throws UnsupportedConfigurationException {
        this.domain = domain;
        this.devices = domain.getDevices() == null ? new Devices() : domain.getDevices();
        this.disks = DiskOrder.of(devices.getDisks());
        this.controllers = ControllerOrder.of(devices.getControllers());
        this.hostdevs = InterfaceHostdevs.all(devices);
        this.caps = caps;
        this.options = options;
    }

    static BuildContext of(Domain domain, QemuCaps caps, LaunchOptions options) throws UnsupportedConfigurationException {
        BuildContext ctx = new BuildContext(domain, caps, options);
        ctx.aliases = DeviceAliases.assign(ctx);
        ctx.vio = SpaprVioPlan.assign(ctx);
        ctx.pci = caps.has(Capability.DEVICE) ? PciSlotPlan.assign(ctx) : PciSlotPlan.none();
        ctx.boot = BootPlan.of(ctx);
        ctx.storage = storagePlan(ctx);
        return ctx;
    }

    private static StoragePlan storagePlan(BuildContext ctx) throws UnsupportedConfigurationException {
        if (!ctx.options.fdSets().isEmpty() && !ctx.blockdev()) {
            throw new UnsupportedConfigurationException("passing disk images as fds needs named block nodes "
                    + "(-blockdev, capability 'blockdev', QEMU 4.2 or later), which " + ctx.emulator()
                    + " lacks; set pass_disk_fds = 0 to let it open the paths");
        }
        try {
            return StoragePlan.of(ctx.domain, ctx.options.fdSets());
        } catch (IllegalArgumentException e) {
            throw new UnsupportedConfigurationException(e.getMessage());
        }
    }

    /** The disks' images as named block nodes, their numbers and fd sets. */
    StoragePlan storage() {
        return storage;
    }

    /**
     * Local disk images become {@code -blockdev} nodes: the binary has them, and {@code -device}
     * to attach the guest's disks to them.
     */
    boolean blockdev() {
        return caps.has(Capability.BLOCKDEV) && caps.has(Capability.DEVICE);
    }

    Domain domain() {
        return domain;
    }

    Devices devices() {
        return devices;
    }

    /** The disks in libvirt's order (see {@link DiskOrder}), not necessarily the document's. */
    List<Disk> disks() {
        return disks;
    }

    LaunchOptions options() {
        return options;
    }

    String alias(Object device) {
        return aliases.of(device);
    }

    /** The host devices given to the guest, those behind hostdev interfaces first (see {@link InterfaceHostdevs}). */
    List<Hostdev> hostdevs() {
        return hostdevs;
    }

    /** The controllers in libvirt's order (see {@link ControllerOrder}). */
    List<Controller> controllers() {
        return controllers;
    }

    SpaprVioPlan vio() {
        return vio;
    }

    /**
     * The virtio device sits on the s390 virtio bus: so addressed in the XML, or, with a binary that
     * has that bus, any virtio disk, network card or virtio-serial controller not placed otherwise.
     */
    boolean onS390VirtioBus(Device device) {
        Address a = device.getAddress();
        if (a != null) {
            return a.getType() == AddressType.VIRTIO_S390;
        }
        return caps.has(Capability.VIRTIO_S390);
    }

    PciSlotPlan pci() {
        return pci;
    }

    BootPlan boot() {
        return boot;
    }

    boolean has(Capability capability) {
        return caps.has(capability);
    }

    /** The emulator's capabilities, for the questions flags cannot answer (machine types, ...). */
    QemuCaps caps() {
        return caps;
    }

    /** Devices are created with {@code -device} (and the defaults turned off with {@code -nodefaults}). */
    boolean usesDevice() {
        return caps.has(Capability.DEVICE);
    }

    /**
     * The binary is at least this QEMU version ({@code major*1000000+minor*1000+micro}). Later QEMU
     * removed some of the spellings libvirt 0.10.2 used, so a probed modern binary gets today's
     * spelling; an unknown version (0, e.g. a {@code --caps} document without one) keeps libvirt's.
     */
    boolean qemuAtLeast(int version) {
        return caps.version() >= version;
    }

    /**
     * The binary is one libvirt 9 builds today's command line for (QEMU 4.2, the oldest it supports,
     * or later): its device spellings ({@code sataN}, every video card a {@code -device}, the
     * chardev inside guestfwd, no {@code scsi=off}), rather than libvirt 0.10.2's.
     */
    boolean modern() {
        return qemuAtLeast(MODERN);
    }

    static final int MODERN = 4_002_000;

    /** The binary's version as {@code 7.2.0}. */
    String qemuVersion() {
        return caps.versionString();
    }

    /** {@code ,server,nowait}, or the long form QEMU 6.0 and later want. */
    String listenFlags() {
        return qemuAtLeast(6_000_000) ? ",server=on,wait=off" : ",server,nowait";
    }

    /** The guest's QEMU monitor speaks QMP (JSON) rather than the human monitor. */
    boolean jsonMonitor() {
        return caps.has(Capability.MONITOR_JSON);
    }

    String arch() {
        OsType type = os().getType();
        return type == null || type.getArch() == null ? "x86_64" : type.getArch();
    }

    String machine() {
        OsType type = os().getType();
        return type == null ? null : type.getMachine();
    }

    boolean isPseries() {
        return arch().startsWith("ppc64") && "pseries".equals(machine());
    }

    Os os() {
        return domain.getOs() == null ? new Os() : domain.getOs();
    }

    String emulator() {
        if (devices.getEmulator() != null && !devices.getEmulator().isBlank()) {
            return devices.getEmulator();
        }
        return caps.emulator();
    }

    /** The PCI bus name QEMU expects in {@code bus=}: {@code pci.0} once it has several buses. */
    String pciBus() {
        return caps.has(Capability.PCI_MULTIBUS) ? "pci.0" : "pci";
    }

    /**
     * The QEMU id of PCI bus {@code bus}: the root bus is {@code pcie.0} on a Q35 machine and
     * {@link #pciBus()} otherwise; any other is the bus of the PCI controller with that index.
     */
    String pciBusName(int bus) {
        if (bus != 0) {
            return PciControllers.busId(bus);
        }
        return isQ35() ? "pcie.0" : pciBus();
    }

    /** The machine is a Q35 (ICH9, PCIe root bus), named by type ({@code pc-q35-7.2}) or alias ({@code q35}). */
    boolean isQ35() {
        String m = machine();
        if (m == null) {
            return false;
        }
        String canonical = caps.canonicalMachine(m).orElse(m);
        return canonical.equals("q35") || canonical.startsWith("pc-q35-");
    }
}
