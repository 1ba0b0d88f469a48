package dev.vireo.conf.defaults;

import dev.vireo.conf.defaults.PciBuses.Kind;
import dev.vireo.conf.defaults.PciBuses.Need;
import dev.vireo.conf.defaults.PciBuses.Slot;
import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.AddressType;
import dev.vireo.conf.model.CharDevice;
import dev.vireo.conf.model.CharTargetType;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.ControllerType;
import dev.vireo.conf.model.Device;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBus;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.Filesystem;
import dev.vireo.conf.model.Hostdev;
import dev.vireo.conf.model.HostdevType;
import dev.vireo.conf.model.Input;
import dev.vireo.conf.model.InputBus;
import dev.vireo.conf.model.InterfaceType;
import dev.vireo.conf.model.MemballoonModel;
import dev.vireo.conf.model.NamedModel;
import dev.vireo.conf.model.NetInterface;
import dev.vireo.conf.model.PciControllerTarget;
import dev.vireo.conf.model.Rng;
import dev.vireo.conf.model.RngModel;
import dev.vireo.conf.model.Sound;
import dev.vireo.conf.model.SoundModel;
import dev.vireo.conf.model.Video;
import dev.vireo.conf.model.VideoModel;
import dev.vireo.conf.model.WatchdogModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every PCI device of an x86 guest without an address one, as libvirt 9 does when it stores a
 * definition (its rules as observed with libvirt 9.0 and QEMU 7.2, see docs/domain-xml.md):
 *
 * <ol>
 * <li>written addresses are kept; the board's own places come next: on i440fx the PIIX3 functions
 * 00:01.0-3 (IDE controller 0 at .1, a piix3-uhci USB controller 0 at .2) and the primary video card
 * at 00:02.0; on q35 the LPC/SMBus functions 00:1f.0/.3, SATA controller 0 at 00:1f.2, the first
 * ICH9 USB set at 00:1d and the second at 00:1a, the first dmi-to-pci-bridge at 00:1e.0, the first
 * ich9 sound card at 00:1b.0, the primary video at 00:01.0;</li>
 * <li>then the devices in libvirt's order: PCI controllers, filesystems, network interfaces, sound
 * cards, other controllers, virtio disks, PCI host devices, the balloon, RNGs, the watchdog, further
 * video cards, virtio inputs, PCI serial ports, vsock. Each takes the first free slot (bus by bus) of a
 * bus it fits: on q35 a PCI Express device takes a pcie-root-port of its own, a conventional PCI
 * device a slot of a pcie-to-pci-bridge; root ports gather as functions of pcie-root slots.</li>
 * <li>When a q35 guest lacks ports for that, the missing controllers are added first, found by a dry
 * run of the same assignment: a pcie-root-port per PCIe device that has none; a pcie-root-port and a
 * pcie-to-pci-bridge when a conventional device finds no PCI slot (a pci-bridge behind a
 * dmi-to-pci-bridge with a free slot instead); on i440fx a pci-bridge when pci-root
 * is full. A q35 guest written without any PCI controller besides its root also gets one spare root
 * port, for hotplug. Before all that, a gap in the PCI controller indexes is filled with root ports
 * (q35) or PCI bridges (i440fx).</li>
 * </ol>
 * Then a slot with several functions in use gets {@code multifunction='on'} on function 0, and the
 * added and written PCI controllers get their {@code <model name>} and {@code <target>} numbers.
 */
final class PciAddressAssigner {

    /** The functions of an ICH9 USB companion group in a slot: the EHCI master at 7, its UHCI companions at 0-2. */
    private static final Map<String, Integer> USB_COMPANION_FUNCTION = Map.of(
            "ich9-ehci1", 7, "ich9-uhci1", 0, "ich9-uhci2", 1, "ich9-uhci3", 2);

    private final Domain domain;
    private final boolean q35;
    private final List<Controller> controllers;

    private PciAddressAssigner(Domain domain, boolean q35) {
        this.domain = domain;
        this.q35 = q35;
        this.controllers = domain.getDevices().getControllers();
    }

    /** Assigns the addresses of an x86 pc or q35 guest; any other machine is left alone. */
    static void apply(Domain d) {
        String machine = d.getOs() == null || d.getOs().getType() == null ? null : d.getOs().getType().getMachine();
        Boolean q35 = machineIsQ35(machine);
        if (q35 == null) return;
        new PciAddressAssigner(d, q35).run();
    }

    /** True for q35, false for i440fx ({@code pc}), null for machines this does not know. */
    static Boolean machineIsQ35(String machine) {
        if (machine == null) return null;
        if (machine.equals("q35") || machine.startsWith("pc-q35")) return true;
        if (machine.equals("pc") || machine.startsWith("pc-i440fx") || machine.matches("pc-\\d.*")) return false;
        return null;
    }

    /**
     * The devices of {@code d} that want a PCI address and have none after the assignment: nothing
     * could be placed for them (every slot they fit is taken and no controller can be added).
     */
    static List<Device> unplaced(Domain d) {
        String machine = d.getOs() == null || d.getOs().getType() == null ? null : d.getOs().getType().getMachine();
        Boolean q35 = machineIsQ35(machine);
        if (q35 == null) return List.of();
        List<Device> out = new ArrayList<>();
        for (Request r : new PciAddressAssigner(d, q35).requests()) {
            if (r.device.getAddress() == null) out.add(r.device);
        }
        return out;
    }

    private void run() {
        int writtenMax = maxPciIndex();
        fillIndexGaps(writtenMax);
        List<Controller> added = dryRun();
        if (q35 && writtenMax <= 0 && !added.isEmpty()) added.add(newController("pcie-root-port", nextPciIndex(added)));
        controllers.addAll(added);
        assign();
        describeControllers();
    }

    private int maxPciIndex() {
        int max = -1;
        for (Controller c : controllers) {
            if (c.getType() == ControllerType.PCI && c.getIndex() != null) max = Math.max(max, c.getIndex());
        }
        return max;
    }

    /** A PCI controller of index N means buses 1..N-1 exist too: libvirt adds the missing ones. */
    private void fillIndexGaps(int max) {
        Set<Integer> present = new java.util.HashSet<>();
        for (Controller c : controllers) {
            if (c.getType() == ControllerType.PCI && c.getIndex() != null) present.add(c.getIndex());
        }
        for (int i = 1; i < max; i++) {
            if (!present.contains(i)) controllers.add(newController(q35 ? "pcie-root-port" : "pci-bridge", i));
        }
    }

    private int nextPciIndex(List<Controller> alsoAdded) {
        int max = maxPciIndex();
        for (Controller c : alsoAdded) max = Math.max(max, c.getIndex());
        return max + 1;
    }

    private static Controller newController(String model, int index) {
        Controller c = new Controller();
        c.setType(ControllerType.PCI);
        c.setIndex(index);
        c.setModel(model);
        return c;
    }

    /** One device that wants a PCI address and what it needs; {@code group} lists USB companions placed together. */
    private record Request(Device device, Need need, List<Controller> group) {
    }

    /** The controllers the assignment lacks, in the order it found it lacked them. */
    private List<Controller> dryRun() {
        List<Controller> added = new ArrayList<>();
        PciBuses buses = buses();
        takeWritten(buses, null);
        Set<Device> placed = fixed(buses, false);
        for (Request r : requests()) {
            if (r.device.getAddress() != null || placed.contains(r.device)) continue;
            while (buses.place(r.need) == null) {
                if (!grow(buses, r.need, added)) break;
            }
        }
        return added;
    }

    /** Adds what lets {@code need} be met; false when nothing can. */
    private boolean grow(PciBuses buses, Need need, List<Controller> added) {
        if (q35) {
            switch (need) {
                case PCIE -> addBus(buses, added, "pcie-root-port");
                case PCI -> {
                    if (buses.hasFreeSlot(Kind.DMI_TO_PCI_BRIDGE)) {
                        // a dmi-to-pci-bridge takes no hot-plugged devices itself, but a pci-bridge behind it does
                        buses.place(Need.PCI_BRIDGE);
                        addBus(buses, added, "pci-bridge");
                        break;
                    }
                    // the bridge is plugged into a root port of its own, which no other device can take
                    int port = addBus(buses, added, "pcie-root-port");
                    addBus(buses, added, "pcie-to-pci-bridge");
                    buses.take(port, 0, 0, false);
                }
                default -> {
                    return false;
                }
            }
            return true;
        }
        if (need != Need.PCI) return false;
        addBus(buses, added, "pci-bridge");
        return true;
    }

    /** Adds a controller of {@code model} and its bus; returns its index. */
    private int addBus(PciBuses buses, List<Controller> added, String model) {
        Controller c = newController(model, nextPciIndex(added));
        added.add(c);
        buses.addBus(c.getIndex(), Kind.of(model, q35, c.getIndex()));
        return c.getIndex();
    }

    private PciBuses buses() {
        PciBuses buses = new PciBuses();
        for (Controller c : controllers) {
            if (c.getType() == ControllerType.PCI && c.getIndex() != null) buses.addBus(c.getIndex(), Kind.of(c.getModel(), q35, c.getIndex()));
        }
        if (!buses.hasBus(0)) buses.addBus(0, q35 ? Kind.PCIE_ROOT : Kind.PCI_ROOT);
        return buses;
    }

    /** Marks the written addresses; with {@code byPlace}, remembers which device sits where. */
    private void takeWritten(PciBuses buses, Map<Slot, Device> byPlace) {
        for (Device dev : domain.getDevices().all()) {
            Address a = dev.getAddress();
            if (a == null || a.getType() != AddressType.PCI || !a.malformedNumbers().isEmpty()) continue;
            int bus = orZero(a.getBus()), slot = orZero(a.getSlot()), fn = orZero(a.getFunction());
            buses.take(bus, slot, fn, isRootPort(dev));
            if (byPlace != null) byPlace.put(new Slot(bus, slot, fn), dev);
        }
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }

    private static boolean isRootPort(Device dev) {
        return dev instanceof Controller c && c.getType() == ControllerType.PCI && "pcie-root-port".equals(c.getModel());
    }

    /** The board's own places. With {@code set}, devices get them; else they are only marked taken. Returns the devices placed. */
    private Set<Device> fixed(PciBuses buses, boolean set) {
        Devices dev = domain.getDevices();
        Set<Device> placed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        if (q35) {
            buses.take(0, 0x1f, 0, false);
            buses.take(0, 0x1f, 3, false);
            for (Controller c : controllers) {
                if (c.getType() == ControllerType.SATA && orZero(c.getIndex()) == 0) fix(buses, c, 0x1f, 2, set, placed);
            }
            ich9UsbSets(buses, set, placed);
            for (Controller c : controllers) {
                if (c.getType() == ControllerType.PCI && "dmi-to-pci-bridge".equals(c.getModel())) {
                    fix(buses, c, 0x1e, 0, set, placed);
                    break;
                }
            }
            for (Sound s : dev.getSounds()) {
                if (s.getModel() == SoundModel.ICH9) {
                    fix(buses, s, 0x1b, 0, set, placed);
                    break;
                }
            }
            primaryVideo(buses, 1, set, placed);
        } else {
            buses.take(0, 1, 0, false);
            buses.take(0, 1, 3, false);
            for (Controller c : controllers) {
                if (c.getType() == ControllerType.IDE && orZero(c.getIndex()) == 0) fix(buses, c, 1, 1, set, placed);
                if (c.getType() == ControllerType.USB && orZero(c.getIndex()) == 0 && (c.getModel() == null || "piix3-uhci".equals(c.getModel()))) {
                    fix(buses, c, 1, 2, set, placed);
                }
            }
            primaryVideo(buses, 2, set, placed);
        }
        return placed;
    }

    /**
     * The ICH9 USB controllers sit where a real Q35 board has them: the first set (the companions of
     * the first index found with an EHCI1 or UHCI1 controller) in 00:1d, the second in 00:1a, each
     * model at its own function; a set whose slot is taken is placed like any other device.
     */
    private void ich9UsbSets(PciBuses buses, boolean set, Set<Device> placed) {
        int[] slots = {0x1d, 0x1a};
        int next = 0;
        Set<Integer> seen = new java.util.HashSet<>();
        for (Controller c : controllers) {
            if (next >= slots.length) return;
            if (c.getType() != ControllerType.USB || c.getAddress() != null) continue;
            if (!"ich9-ehci1".equals(c.getModel()) && !"ich9-uhci1".equals(c.getModel())) continue;
            if (!seen.add(orZero(c.getIndex()))) continue;
            List<Controller> group = companions(c);
            while (next < slots.length && !buses.isSlotFree(0, slots[next])) next++;
            if (next >= slots.length) return;
            for (Controller g : group) fix(buses, g, slots[next], USB_COMPANION_FUNCTION.get(g.getModel()), set, placed);
            next++;
        }
    }

    private void primaryVideo(PciBuses buses, int slot, boolean set, Set<Device> placed) {
        List<Video> videos = domain.getDevices().getVideos();
        if (videos.isEmpty() || !isPciVideo(videos.getFirst())) return;
        if (buses.isSlotFree(0, slot)) fix(buses, videos.getFirst(), slot, 0, set, placed);
    }

    private static boolean isPciVideo(Video v) {
        VideoModel m = v.getModel() == null ? null : v.getModel().getType();
        return m != null && switch (m) {
            case VGA, CIRRUS, VMVGA, QXL, VIRTIO, BOCHS -> true;
            default -> false;
        };
    }

    private static void fix(PciBuses buses, Device dev, int slot, int function, boolean set, Set<Device> placed) {
        if (dev.getAddress() != null || !buses.isFree(0, slot, function)) return;
        buses.take(0, slot, function, false);
        placed.add(dev);
        if (set) dev.setAddress(Address.pci(0, 0, slot, function));
    }

    /** Every device that wants a PCI address, in the order libvirt gives them out. */
    private List<Request> requests() {
        Devices dev = domain.getDevices();
        List<Request> out = new ArrayList<>();
        for (Controller c : controllers) {
            if (c.getType() != ControllerType.PCI) continue;
            Need need = pciControllerNeed(c);
            if (need != null) out.add(new Request(c, need, null));
        }
        for (Filesystem f : dev.getFilesystems()) out.add(new Request(f, pcie(), null));
        for (NetInterface n : dev.getInterfaces()) {
            if (n.getType() == InterfaceType.HOSTDEV) continue;
            out.add(new Request(n, netNeed(n), null));
        }
        for (Sound s : dev.getSounds()) {
            if (s.getModel() == SoundModel.PCSPK || s.getModel() == SoundModel.SB16 || s.getModel() == SoundModel.USB) continue;
            out.add(new Request(s, Need.PCI, null));
        }
        Set<Controller> grouped = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Controller c : controllers) {
            if (grouped.contains(c)) continue;
            Need need = otherControllerNeed(c);
            if (need == null) continue;
            List<Controller> group = companions(c);
            grouped.addAll(group);
            out.add(new Request(c, need, group.size() > 1 ? group : null));
        }
        for (Disk d : dev.getDisks()) {
            if (d.getTarget() != null && d.getTarget().getBus() == DiskBus.VIRTIO) out.add(new Request(d, pcie(), null));
        }
        for (Hostdev h : dev.getHostdevs()) {
            if (h.getType() == HostdevType.PCI) out.add(new Request(h, pcie(), null));
        }
        if (dev.getMemballoon() != null && dev.getMemballoon().getModel() == MemballoonModel.VIRTIO) {
            out.add(new Request(dev.getMemballoon(), pcie(), null));
        }
        for (Rng r : dev.getRngs()) out.add(new Request(r, r.getModel() == RngModel.VIRTIO_TRANSITIONAL ? Need.PCI : pcie(), null));
        if (dev.getWatchdog() != null && dev.getWatchdog().getModel() == WatchdogModel.I6300ESB) {
            out.add(new Request(dev.getWatchdog(), Need.PCI, null));
        }
        for (Video v : dev.getVideos()) {
            if (isPciVideo(v)) out.add(new Request(v, v.getModel().getType() == VideoModel.VIRTIO ? pcie() : Need.PCI, null));
        }
        for (Input i : dev.getInputs()) {
            if (i.getBus() == InputBus.VIRTIO) out.add(new Request(i, pcie(), null));
        }
        for (CharDevice s : dev.getSerials()) {
            if (s.getTarget() != null && s.getTarget().getType() == CharTargetType.PCI_SERIAL) out.add(new Request(s, Need.PCI, null));
        }
        if (dev.getVsock() != null) out.add(new Request(dev.getVsock(), pcie(), null));
        return out;
    }

    /** PCI Express on q35; on i440fx every device is conventional PCI. */
    private Need pcie() {
        return q35 ? Need.PCIE : Need.PCI;
    }

    private Need netNeed(NetInterface n) {
        String model = n.getModel() == null ? null : n.getModel().getType();
        if (model == null) return Need.PCI;
        return switch (model) {
            case "virtio", "virtio-non-transitional", "e1000e", "vmxnet3" -> pcie();
            default -> Need.PCI;
        };
    }

    private Need pciControllerNeed(Controller c) {
        if (c.getModel() == null) return null;
        return switch (c.getModel()) {
            case "pcie-root-port" -> Need.ROOT_PORT;
            case "pcie-switch-upstream-port", "pcie-to-pci-bridge" -> Need.PCIE;
            case "pcie-switch-downstream-port" -> Need.DOWNSTREAM_PORT;
            case "dmi-to-pci-bridge" -> Need.INTEGRATED;
            case "pci-bridge" -> Need.PCI_BRIDGE;
            case "pci-expander-bus", "pcie-expander-bus" -> Need.EXPANDER;
            default -> null;
        };
    }

    private Need otherControllerNeed(Controller c) {
        String model = c.getModel();
        return switch (c.getType()) {
            case USB -> model == null || "none".equals(model) ? (model == null ? Need.PCI : null)
                    : "qemu-xhci".equals(model) || "nec-xhci".equals(model) ? pcie() : Need.PCI;
            case SCSI -> model == null || "virtio-scsi".equals(model) || "virtio-non-transitional".equals(model) ? pcie() : Need.PCI;
            case VIRTIO_SERIAL -> pcie();
            case SATA -> pcie();
            case IDE -> Need.PCI;
            default -> null;
        };
    }

    /** The ICH9 USB controllers of {@code c}'s index that share its slot (just {@code c} for any other). */
    private List<Controller> companions(Controller c) {
        if (c.getType() != ControllerType.USB || c.getModel() == null || !USB_COMPANION_FUNCTION.containsKey(c.getModel())) return List.of(c);
        List<Controller> group = new ArrayList<>();
        for (Controller o : controllers) {
            if (o.getType() == ControllerType.USB && o.getModel() != null && USB_COMPANION_FUNCTION.containsKey(o.getModel())
                    && orZero(o.getIndex()) == orZero(c.getIndex()) && o.getAddress() == null) {
                group.add(o);
            }
        }
        return group;
    }

    private void assign() {
        PciBuses buses = buses();
        Map<Slot, Device> byPlace = new HashMap<>();
        takeWritten(buses, byPlace);
        fixed(buses, true);
        for (Request r : requests()) {
            if (r.device.getAddress() != null) continue;
            if (r.group != null) {
                List<Integer> functions = r.group.stream().map(c -> USB_COMPANION_FUNCTION.get(c.getModel())).sorted().toList();
                Slot s = buses.placeGroup(r.need, functions);
                if (s == null) continue;
                for (Controller c : r.group) c.setAddress(Address.pci(0, s.bus(), s.slot(), USB_COMPANION_FUNCTION.get(c.getModel())));
                continue;
            }
            int below = r.device instanceof Controller c && c.getType() == ControllerType.PCI ? orZero(c.getIndex()) : Integer.MAX_VALUE;
            Slot s = buses.place(r.need, below);
            if (s != null) r.device.setAddress(Address.pci(0, s.bus(), s.slot(), s.function()));
        }
        for (Device dev : domain.getDevices().all()) {
            Address a = dev.getAddress();
            if (a != null && a.getType() == AddressType.PCI && a.malformedNumbers().isEmpty()) {
                byPlace.put(new Slot(orZero(a.getBus()), orZero(a.getSlot()), orZero(a.getFunction())), dev);
            }
        }
        for (Slot s : buses.multifunctionSlots()) {
            Device first = byPlace.get(s);
            if (first != null && first.getAddress().getMultifunction() == null) first.getAddress().setMultifunction(Boolean.TRUE);
        }
    }

    /** The QEMU device and the numbers libvirt writes for each PCI controller model. */
    private void describeControllers() {
        for (Controller c : controllers) {
            if (c.getType() != ControllerType.PCI || c.getModel() == null) continue;
            String device = switch (c.getModel()) {
                case "pcie-root-port" -> "pcie-root-port";
                case "pcie-switch-upstream-port" -> "x3130-upstream";
                case "pcie-switch-downstream-port" -> "xio3130-downstream";
                case "pcie-to-pci-bridge" -> "pcie-pci-bridge";
                case "pci-bridge" -> "pci-bridge";
                case "dmi-to-pci-bridge" -> "i82801b11-bridge";
                case "pci-expander-bus" -> "pxb";
                case "pcie-expander-bus" -> "pxb-pcie";
                default -> null;
            };
            if (device == null) continue;
            if (c.getPciModel() == null) c.setPciModel(new NamedModel(device));
            int index = orZero(c.getIndex());
            switch (c.getModel()) {
                case "pcie-root-port", "pcie-switch-downstream-port" -> {
                    PciControllerTarget t = target(c);
                    if (t.getChassis() == null) t.setChassis(index);
                    Address a = c.getAddress();
                    if (t.getPort() == null && a != null && a.getType() == AddressType.PCI) {
                        t.setPort("0x" + Integer.toHexString((orZero(a.getSlot()) << 3) + orZero(a.getFunction())));
                    }
                }
                case "pci-bridge" -> {
                    PciControllerTarget t = target(c);
                    if (t.getChassisNr() == null) t.setChassisNr(index);
                }
                case "pci-expander-bus", "pcie-expander-bus" -> {
                    PciControllerTarget t = target(c);
                    if (t.getBusNr() == null) t.setBusNr(newBusNr());
                }
                default -> { }
            }
        }
    }

    /**
     * The guest bus number of an expander's root bus, as libvirt picks it: two below the lowest one
     * any PCI controller has (254 for the first), leaving room for a bus behind each expander; null
     * when too low to pick one (the expander then has to be given one).
     */
    private Integer newBusNr() {
        int lowest = 256;
        for (Controller o : controllers) {
            if (o.getType() == ControllerType.PCI && o.getTarget() != null && o.getTarget().getBusNr() != null) {
                lowest = Math.min(lowest, o.getTarget().getBusNr());
            }
        }
        return lowest <= 2 ? null : lowest - 2;
    }

    private static PciControllerTarget target(Controller c) {
        if (c.getTarget() == null) c.setTarget(new PciControllerTarget());
        return c.getTarget();
    }
}
