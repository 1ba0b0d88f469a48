package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.AddressType;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.ControllerType;
import dev.vireo.conf.model.Device;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBus;
import dev.vireo.conf.model.Hostdev;
import dev.vireo.conf.model.HostdevMode;
import dev.vireo.conf.model.HostdevType;
import dev.vireo.conf.model.MemballoonModel;
import dev.vireo.conf.model.NetInterface;
import dev.vireo.conf.model.Panic;
import dev.vireo.conf.model.PanicModel;
import dev.vireo.conf.model.Rng;
import dev.vireo.conf.model.Sound;
import dev.vireo.conf.model.SoundModel;
import dev.vireo.conf.model.Video;
import dev.vireo.conf.model.VideoModel;
import dev.vireo.conf.model.WatchdogModel;
import java.util.BitSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each PCI device sits, following libvirt's slot assignment when the emulator takes
 * {@code -device}: slot 0 is the host bridge, slot 1 the PIIX3 (ISA bridge, IDE at function 1, USB
 * at function 2), slot 2 the primary video card; then, in this order, filesystems, network cards,
 * sound cards, controllers, virtio disks, assigned host PCI devices, the balloon, the watchdog and
 * further video cards take the lowest free slot after the last one handed out. Addresses written in
 * the XML are kept and reserved first; an address on a bus other than 0 (behind a PCI bridge or a
 * PCIe root port, as libvirt 9 stores them) needs the PCI controller whose index is that bus.
 *
 * <p>On a Q35 machine there is no PIIX3: slot 0x1f holds the ICH9 functions (the built-in SATA
 * controller at 0x1f.2) and the primary video card goes to slot 1, as libvirt does.
 */
final class PciSlotPlan {

    private static final int HOST_BRIDGE_SLOT = 0;
    private static final int PIIX3_SLOT = 1;
    private static final int PRIMARY_VIDEO_SLOT = 2;
    private static final int Q35_PRIMARY_VIDEO_SLOT = 1;
    private static final int ICH9_SLOT = 0x1f;
    private static final int ICH9_SATA_FUNCTION = 2;

    private final BuildContext ctx;
    private final Map<Object, PciAddress> placed = new IdentityHashMap<>();
    private final BitSet usedSlots = new BitSet(PciAddress.LAST_SLOT + 1);
    private final Set<PciAddress> usedFunctions = new HashSet<>();
    private int nextSlot;

    private PciSlotPlan(BuildContext ctx) {
        this.ctx = ctx;
    }

    /** No device has a PCI address: the emulator is driven without {@code -device}. */
    static PciSlotPlan none() {
        return new PciSlotPlan(null);
    }

    static PciSlotPlan assign(BuildContext ctx) throws UnsupportedConfigurationException {
        PciSlotPlan plan = new PciSlotPlan(ctx);
        Devices devices = ctx.devices();
        plan.reserveExplicit(devices);
        plan.usedSlots.set(HOST_BRIDGE_SLOT);
        if (ctx.isQ35()) {
            plan.placeOnIch9(ctx.controllers());
            plan.usedSlots.set(ICH9_SLOT);
            plan.placePrimaryVideo(devices.getVideos(), Q35_PRIMARY_VIDEO_SLOT);
        } else {
            plan.placeOnPiix3(ctx.controllers());
            plan.usedSlots.set(PIIX3_SLOT);
            plan.placePrimaryVideo(devices.getVideos(), PRIMARY_VIDEO_SLOT);
        }
        plan.placeRest(devices, ctx.disks());
        return plan;
    }

    /** The device's PCI address, or null when it is not a PCI device. */
    PciAddress of(Object device) {
        return placed.get(device);
    }

    private void reserveExplicit(Devices d) throws UnsupportedConfigurationException {
        for (List<? extends Device> kind : List.of(d.getDisks(), d.getControllers(), d.getFilesystems(),
                cards(d), d.getSounds(), d.getVideos(), ctx.hostdevs(), d.getSmartcards(),
                d.getSerials(), d.getParallels(), d.getChannels(), d.getConsoles(), d.getInputs(),
                d.getRedirdevs(), d.getHubs(), d.getRngs(), d.getPanics())) {
            for (Device device : kind) {
                reserveIfPci(device);
            }
        }
        if (d.getWatchdog() != null) {
            reserveIfPci(d.getWatchdog());
        }
        if (d.getMemballoon() != null) {
            reserveIfPci(d.getMemballoon());
        }
        if (d.getVsock() != null) {
            reserveIfPci(d.getVsock());
        }
    }

    /** The network cards QEMU emulates; a hostdev interface's address is reserved as its host device's. */
    private static List<NetInterface> cards(Devices d) {
        return d.getInterfaces().stream().filter(n -> !InterfaceHostdevs.isHostdev(n)).toList();
    }

    private void reserveIfPci(Device device) throws UnsupportedConfigurationException {
        Address a = device.getAddress();
        if (a == null || a.getType() != AddressType.PCI) {
            return;
        }
        if (DiskNames.orZero(a.getDomain()) != 0) {
            throw new UnsupportedConfigurationException("PCI address " + describe(a) + ": only domain 0 is supported");
        }
        int bus = DiskNames.orZero(a.getBus());
        if (bus != 0) {
            requireBus(a, bus);
        }
        int slot = DiskNames.orZero(a.getSlot());
        int function = DiskNames.orZero(a.getFunction());
        if (slot > PciAddress.LAST_SLOT || function > 7) {
            throw new UnsupportedConfigurationException("PCI address " + describe(a)
                    + " is out of range: slot 0-31, function 0-7");
        }
        PciAddress address = new PciAddress(bus, slot, function, a.getMultifunction());
        if (!usedFunctions.add(address.place())) {
            throw new UnsupportedConfigurationException("PCI address " + address + " is given to two devices");
        }
        if (bus == 0) {
            usedSlots.set(slot);
        }
        placed.put(device, address);
    }

    /**
     * A bus other than 0 is the one behind the PCI controller with that index; binaries without
     * bridges or root ports (before {@code pci-bridge}) have bus 0 only.
     */
    private void requireBus(Address a, int bus) throws UnsupportedConfigurationException {
        if (!ctx.has(Capability.PCI_BRIDGE) && !ctx.has(Capability.PCIE_ROOT_PORT)) {
            throw new UnsupportedConfigurationException("PCI address " + describe(a) + ": only bus 0 is supported "
                    + "by this QEMU binary (no PCI bridges: capability 'pci-bridge')");
        }
        if (bus > PciAddress.LAST_BUS) {
            throw new UnsupportedConfigurationException("PCI address " + describe(a) + " is out of range: bus 0-255");
        }
        for (Controller c : ctx.controllers()) {
            if (c.getType() == ControllerType.PCI && DiskNames.orZero(c.getIndex()) == bus) {
                if (PciControllers.isRoot(c)) {
                    break;
                }
                return;
            }
        }
        throw new UnsupportedConfigurationException("PCI address " + describe(a) + ": there is no bus " + bus
                + " (no <controller type='pci' index='" + bus + "'> that provides one, such as a pcie-root-port or pci-bridge)");
    }

    /** The built-in SATA controller of a Q35 machine is function 2 of the ICH9 in slot 0x1f. */
    private void placeOnIch9(List<Controller> controllers) throws UnsupportedConfigurationException {
        for (Controller c : controllers) {
            if (c.getType() == ControllerType.SATA && DiskNames.orZero(c.getIndex()) == 0) {
                PciAddress at = placed.get(c);
                if (at == null) {
                    placed.put(c, new PciAddress(ICH9_SLOT, ICH9_SATA_FUNCTION, null));
                } else if (at.bus() != 0 || at.slot() != ICH9_SLOT || at.function() != ICH9_SATA_FUNCTION) {
                    throw new UnsupportedConfigurationException("the Q35 machine's SATA controller 0 is built in at PCI address "
                            + new PciAddress(ICH9_SLOT, ICH9_SATA_FUNCTION, null) + ", not " + at);
                }
            }
        }
    }

    /** The first IDE controller and the PIIX3 USB controller are functions of the PIIX3 in slot 1. */
    private void placeOnPiix3(List<Controller> controllers) throws UnsupportedConfigurationException {
        for (Controller c : controllers) {
            int index = DiskNames.orZero(c.getIndex());
            if (c.getType() == ControllerType.IDE && index == 0) {
                pinTo(c, 1, "the primary IDE controller");
            } else if (c.getType() == ControllerType.USB && index == 0
                    && (c.getModel() == null || c.getModel().equals("piix3-uhci"))) {
                pinTo(c, 2, "the PIIX3 USB controller");
            }
        }
    }

    private void pinTo(Controller c, int function, String what) throws UnsupportedConfigurationException {
        PciAddress at = placed.get(c);
        if (at == null) {
            placed.put(c, new PciAddress(PIIX3_SLOT, function, null));
        } else if (at.bus() != 0 || at.slot() != PIIX3_SLOT || at.function() != function) {
            throw new UnsupportedConfigurationException(what + " must have PCI address 0:0:1." + function
                    + ", not " + at);
        }
    }

    private void placePrimaryVideo(List<Video> videos, int videoSlot) throws UnsupportedConfigurationException {
        if (videos.isEmpty()) {
            // Keep the slot free for a video card that may be added later, as libvirt does.
            usedSlots.set(videoSlot);
            return;
        }
        Video primary = videos.getFirst();
        if (!isPciVideo(primary)) {
            usedSlots.set(videoSlot);
            return;
        }
        PciAddress at = placed.get(primary);
        if (at != null) {
            // libvirt 9 stores the primary card of a Q35 machine wherever its address assigner put it.
            if (!ctx.isQ35() && (at.bus() != 0 || at.slot() != videoSlot || at.function() != 0)) {
                throw new UnsupportedConfigurationException("the primary video card must have PCI address 0:0:"
                        + videoSlot + ".0, not " + at);
            }
        } else if (!usedSlots.get(videoSlot)) {
            usedSlots.set(videoSlot);
            usedFunctions.add(new PciAddress(videoSlot, 0, null));
            placed.put(primary, new PciAddress(videoSlot, 0, null));
        }
        // When slot 2 is taken by another device, the primary card gets a slot with the other cards.
    }

    private void placeRest(Devices d, List<Disk> disks) throws UnsupportedConfigurationException {
        for (Device fs : d.getFilesystems()) {
            next(fs);
        }
        for (NetInterface net : d.getInterfaces()) {
            if (InterfaceHostdevs.isHostdev(net)) {
                continue; // placed with the host devices
            }
            boolean virtio = net.getModel() != null && "virtio".equals(net.getModel().getType());
            if (!(virtio && ctx.onS390VirtioBus(net))) {
                next(net);
            }
        }
        for (Sound sound : d.getSounds()) {
            // The SB16 and the PC speaker are ISA devices; a USB audio device sits on a USB port.
            if (sound.getModel() != SoundModel.SB16 && sound.getModel() != SoundModel.PCSPK && sound.getModel() != SoundModel.USB) {
                next(sound);
            }
        }
        placeControllers(ctx.controllers());
        for (Disk disk : disks) {
            if (DiskNames.bus(disk) == DiskBus.VIRTIO && !ctx.onS390VirtioBus(disk)) {
                next(disk);
            }
        }
        for (Hostdev hostdev : ctx.hostdevs()) {
            if (hostdev.getMode() != HostdevMode.CAPABILITIES && hostdev.getType() == HostdevType.PCI) {
                next(hostdev);
            }
        }
        if (d.getMemballoon() != null && d.getMemballoon().getModel() == MemballoonModel.VIRTIO
                && !ctx.onS390VirtioBus(d.getMemballoon())) {
            next(d.getMemballoon());
        }
        if (d.getWatchdog() != null && d.getWatchdog().getModel() != WatchdogModel.IB700) {
            next(d.getWatchdog());
        }
        for (Video video : d.getVideos()) {
            if (isPciVideo(video)) {
                next(video);
            }
        }
        for (Rng rng : d.getRngs()) {
            next(rng);
        }
        for (Panic panic : d.getPanics()) {
            if (panic.getModel() == PanicModel.PVPANIC) {
                next(panic);
            }
        }
        if (d.getVsock() != null) {
            next(d.getVsock());
        }
    }

    private void placeControllers(List<Controller> controllers) throws UnsupportedConfigurationException {
        for (int i = 0; i < controllers.size(); i++) {
            Controller c = controllers.get(i);
            ControllerType type = c.getType();
            // The floppy controller sits behind the ISA bridge and CCID on USB; the first IDE
            // controller is part of the PIIX3 (placed above). Further IDE controllers take a slot.
            if (type == ControllerType.FDC || type == ControllerType.CCID
                    || !notOtherwiseAddressed(c) || placed.containsKey(c)) {
                continue;
            }
            if (type == ControllerType.USB && "none".equals(c.getModel())) {
                continue;
            }
            if (type == ControllerType.PCI && PciControllers.isRoot(c)) {
                continue; // the machine's own bus: it takes no slot on itself
            }
            if (type == ControllerType.VIRTIO_SERIAL && ctx.onS390VirtioBus(c)) {
                continue;
            }
            Integer companionFunction = type == ControllerType.USB ? Ich9Usb.function(c.getModel()) : null;
            if (companionFunction == null) {
                next(c);
            } else {
                placeIch9(controllers, i, companionFunction);
            }
        }
    }

    /** An ICH9 EHCI controller and its UHCI companions share one slot, the first companion with multifunction on. */
    private void placeIch9(List<Controller> controllers, int position, int function) throws UnsupportedConfigurationException {
        Controller c = controllers.get(position);
        int slot = -1;
        for (int j = 0; j < position; j++) {
            Controller other = controllers.get(j);
            PciAddress at = placed.get(other);
            if (other.getType() == ControllerType.USB && at != null
                    && DiskNames.orZero(other.getIndex()) == DiskNames.orZero(c.getIndex())
                    && Ich9Usb.function(other.getModel()) != null) {
                slot = at.slot();
                break;
            }
        }
        if (slot < 0) {
            slot = freeSlot();
            nextSlot = slot + 1;
        }
        usedSlots.set(slot);
        PciAddress address = new PciAddress(slot, function, function == 0 ? Boolean.TRUE : null);
        usedFunctions.add(new PciAddress(slot, function, null));
        placed.put(c, address);
    }

    /** ramfb is a platform device, and a card of model 'none' is no device at all. */
    private static boolean isPciVideo(Video video) {
        VideoModel model = video.getModel() == null ? null : video.getModel().getType();
        return model != VideoModel.RAMFB && model != VideoModel.NONE;
    }

    private static boolean notOtherwiseAddressed(Device device) {
        return device.getAddress() == null || device.getAddress().getType() == AddressType.PCI;
    }

    private void next(Device device) throws UnsupportedConfigurationException {
        if (placed.containsKey(device) || !notOtherwiseAddressed(device) || ctx.vio().of(device) != null) {
            return;
        }
        int slot = freeSlot();
        usedSlots.set(slot);
        usedFunctions.add(new PciAddress(slot, 0, null));
        nextSlot = slot + 1;
        placed.put(device, new PciAddress(slot, 0, null));
    }

    /** The first free slot from the one after the last handed out, wrapping around once. */
    private int freeSlot() throws UnsupportedConfigurationException {
        for (int n = 0; n <= PciAddress.LAST_SLOT; n++) {
            int slot = (nextSlot + n) % (PciAddress.LAST_SLOT + 1);
            if (!usedSlots.get(slot)) {
                return slot;
            }
        }
        throw new UnsupportedConfigurationException("no free PCI slot left: bus 0 has only "
                + (PciAddress.LAST_SLOT + 1) + " slots");
    }

    private static String describe(Address a) {
        return "domain " + a.getDomain() + " bus " + a.getBus() + " slot " + a.getSlot() + " function " + a.getFunction();
    }
}
