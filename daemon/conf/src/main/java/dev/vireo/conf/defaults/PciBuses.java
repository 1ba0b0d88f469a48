package dev.vireo.conf.defaults;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The PCI buses of a guest (one per PCI controller index) and which slots and functions on them are
 * taken: the bookkeeping behind {@link PciAddressAssigner}. Which device may sit on which bus follows
 * libvirt 9 on x86: conventional PCI devices go on pci-root or a PCI bridge, PCI Express endpoints on
 * a root port or a switch's downstream port (one device each, in slot 0), root ports gather as the
 * eight functions of a pcie-root slot.
 */
final class PciBuses {

    /** What a bus is, from its controller's model. */
    enum Kind {
        PCI_ROOT(1, 31), PCIE_ROOT(1, 31), ROOT_PORT(0, 0), DOWNSTREAM_PORT(0, 0), UPSTREAM_PORT(0, 31),
        PCI_BRIDGE(1, 31), PCIE_TO_PCI_BRIDGE(1, 31), DMI_TO_PCI_BRIDGE(0, 31), PCI_EXPANDER(0, 31), PCIE_EXPANDER(0, 31),
        OTHER(1, 31);

        final int minSlot;
        final int maxSlot;

        Kind(int minSlot, int maxSlot) {
            this.minSlot = minSlot;
            this.maxSlot = maxSlot;
        }

        static Kind of(String model, boolean q35, int index) {
            if (model == null) return index == 0 ? (q35 ? PCIE_ROOT : PCI_ROOT) : OTHER;
            return switch (model) {
                case "pci-root" -> PCI_ROOT;
                case "pcie-root" -> PCIE_ROOT;
                case "pcie-root-port" -> ROOT_PORT;
                case "pcie-switch-downstream-port" -> DOWNSTREAM_PORT;
                case "pcie-switch-upstream-port" -> UPSTREAM_PORT;
                case "pci-bridge" -> PCI_BRIDGE;
                case "pcie-to-pci-bridge" -> PCIE_TO_PCI_BRIDGE;
                case "dmi-to-pci-bridge" -> DMI_TO_PCI_BRIDGE;
                case "pci-expander-bus" -> PCI_EXPANDER;
                case "pcie-expander-bus" -> PCIE_EXPANDER;
                default -> OTHER;
            };
        }
    }

    /** What a device needs from the bus it is plugged into. */
    enum Need {
        /**
         * a conventional PCI device (any device of an i440fx guest); not on a dmi-to-pci-bridge,
         * whose bus takes no hot-plugged devices
         */
        PCI,
        /** a pci-bridge: where a conventional device goes, or behind a dmi-to-pci-bridge */
        PCI_BRIDGE,
        /** an expander bus: a slot of the root bus */
        EXPANDER,
        /** a PCI Express endpoint, hot-pluggable: a root port or a downstream port */
        PCIE,
        /** a pcie-root-port: a function of a pcie-root (or pcie-expander-bus) slot, gathered with other root ports */
        ROOT_PORT,
        /** a device built into the root complex (dmi-to-pci-bridge): a pcie-root slot */
        INTEGRATED,
        /** a switch's downstream port: a slot of its upstream port */
        DOWNSTREAM_PORT;

        boolean fits(Kind bus) {
            return switch (this) {
                case PCI -> bus == Kind.PCI_ROOT || bus == Kind.PCI_BRIDGE || bus == Kind.PCIE_TO_PCI_BRIDGE
                        || bus == Kind.PCI_EXPANDER || bus == Kind.OTHER;
                case PCI_BRIDGE -> PCI.fits(bus) || bus == Kind.DMI_TO_PCI_BRIDGE;
                case EXPANDER -> bus == Kind.PCI_ROOT || bus == Kind.PCIE_ROOT;
                case PCIE -> bus == Kind.ROOT_PORT || bus == Kind.DOWNSTREAM_PORT;
                case ROOT_PORT -> bus == Kind.PCIE_ROOT || bus == Kind.PCIE_EXPANDER;
                case INTEGRATED -> bus == Kind.PCIE_ROOT;
                case DOWNSTREAM_PORT -> bus == Kind.UPSTREAM_PORT;
            };
        }
    }

    /** A chosen place. */
    record Slot(int bus, int slot, int function) {
    }

    private static final class Bus {
        final Kind kind;
        /** per slot, a bit per taken function */
        final int[] taken = new int[32];
        /** slots that hold root ports only (more may join as further functions) */
        final boolean[] rootPorts = new boolean[32];

        Bus(Kind kind) {
            this.kind = kind;
        }
    }

    private final TreeMap<Integer, Bus> buses = new TreeMap<>();

    void addBus(int index, Kind kind) {
        buses.putIfAbsent(index, new Bus(kind));
    }

    boolean hasBus(int index) {
        return buses.containsKey(index);
    }

    /** Whether some bus of {@code kind} has a slot free. */
    boolean hasFreeSlot(Kind kind) {
        for (Bus b : buses.values()) {
            if (b.kind != kind) continue;
            for (int s = b.kind.minSlot; s <= b.kind.maxSlot; s++) {
                if (b.taken[s] == 0) return true;
            }
        }
        return false;
    }

    /** Marks a place as taken (a written address); places on unknown buses are ignored. */
    void take(int bus, int slot, int function, boolean rootPort) {
        Bus b = buses.get(bus);
        if (b == null || slot < 0 || slot > 31 || function < 0 || function > 7) return;
        b.taken[slot] |= 1 << function;
        if (rootPort && function == 0) b.rootPorts[slot] = true;
        if (!rootPort) b.rootPorts[slot] = false;
    }

    boolean isFree(int bus, int slot, int function) {
        Bus b = buses.get(bus);
        return b != null && (b.taken[slot] & (1 << function)) == 0;
    }

    /** Whether the whole slot is unused. */
    boolean isSlotFree(int bus, int slot) {
        Bus b = buses.get(bus);
        return b != null && b.taken[slot] == 0;
    }

    /** The first free place for {@code need}, in bus and slot order, taken at once; null when there is none. */
    Slot place(Need need) {
        return place(need, Integer.MAX_VALUE);
    }

    /**
     * {@link #place(Need)} on a bus numbered below {@code belowBus}: a PCI controller plugs into a bus
     * of a lower index than its own (never into itself).
     */
    Slot place(Need need, int belowBus) {
        if (need == Need.ROOT_PORT) {
            // a further function of a pcie-root slot that already gathers root ports (libvirt does not
            // gather them behind an expander bus)
            for (var e : buses.entrySet()) {
                Bus b = e.getValue();
                if (b.kind != Kind.PCIE_ROOT || e.getKey() >= belowBus) continue;
                for (int s = b.kind.minSlot; s <= b.kind.maxSlot; s++) {
                    if (!b.rootPorts[s]) continue;
                    for (int f = 1; f < 8; f++) {
                        if ((b.taken[s] & (1 << f)) == 0) {
                            b.taken[s] |= 1 << f;
                            return new Slot(e.getKey(), s, f);
                        }
                    }
                }
            }
        }
        for (var e : buses.entrySet()) {
            Bus b = e.getValue();
            if (!need.fits(b.kind) || e.getKey() >= belowBus) continue;
            for (int s = b.kind.minSlot; s <= b.kind.maxSlot; s++) {
                if (b.taken[s] != 0) continue;
                b.taken[s] = 1;
                b.rootPorts[s] = need == Need.ROOT_PORT;
                return new Slot(e.getKey(), s, 0);
            }
        }
        return null;
    }

    /** A whole free slot for {@code need} (several functions of one device group), taken at once; null when none. */
    Slot placeGroup(Need need, List<Integer> functions) {
        for (var e : buses.entrySet()) {
            Bus b = e.getValue();
            if (!need.fits(b.kind)) continue;
            for (int s = b.kind.minSlot; s <= b.kind.maxSlot; s++) {
                if (b.taken[s] != 0) continue;
                for (int f : functions) b.taken[s] |= 1 << f;
                return new Slot(e.getKey(), s, functions.getFirst());
            }
        }
        return null;
    }

    /** The slots (as bus/slot pairs) where more than one function is taken. */
    List<Slot> multifunctionSlots() {
        List<Slot> out = new ArrayList<>();
        for (var e : buses.entrySet()) {
            int[] taken = e.getValue().taken;
            for (int s = 0; s < 32; s++) {
                if (Integer.bitCount(taken[s]) > 1) out.add(new Slot(e.getKey(), s, 0));
            }
        }
        return out;
    }
}
