package dev.vireo.daemon.ops;

import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.AddressType;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.ControllerType;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.monitor.PciDevice;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Where a PCI device plugged into a running guest goes, read from what QEMU has now ({@code
 * query-pci}) rather than from a fresh slot plan (which could move devices that already sit
 * somewhere): on i440fx the lowest free slot of {@code pci.0}; on q35, whose root bus takes no
 * hotplug, the first {@code pcie-root-port} of the definition with nothing behind it.
 */
final class PciPlacement {
    /** Slots 0 (host bridge) and 1 (PIIX3) of pci.0 never take a device. */
    private static final int FIRST_FREE_SLOT = 2;
    private static final int LAST_SLOT = 31;
    /** libvirt's words when nothing is free. */
    static final String NONE_FREE = "No more available PCI slots";

    private PciPlacement() {
    }

    /**
     * A free address for one device, as the definition writes it.
     *
     * @throws VireoError when no slot (i440fx) or no root port (q35) is free
     */
    static Address free(Domain live, List<PciDevice> inUse) throws VireoError {
        if (isQ35(live)) {
            return freeRootPort(live, inUse);
        }
        BitSet used = new BitSet(LAST_SLOT + 1);
        inUse.stream().filter(d -> d.bus() == 0).forEach(d -> used.set(d.slot()));
        // an address written in the definition is taken even if QEMU has nothing there yet
        live.getDevices().all().stream().map(dev -> dev.getAddress())
                .filter(a -> a != null && a.getType() == AddressType.PCI && orZero(a.getBus()) == 0 && a.getSlot() != null)
                .forEach(a -> used.set(a.getSlot()));
        int slot = used.nextClearBit(FIRST_FREE_SLOT);
        if (slot > LAST_SLOT) {
            throw VireoError.failed(NONE_FREE + " on pci.0 of domain '" + live.getName() + "'");
        }
        return Address.pci(0, 0, slot, 0);
    }

    /** Whether {@code d} has the bus of PCI address {@code a} and no device in its slot. */
    static boolean freeIn(Domain d, Address a) {
        int bus = orZero(a.getBus());
        boolean busExists = bus == 0 || d.getDevices().getControllers().stream()
                .anyMatch(c -> c.getType() == ControllerType.PCI && c.getIndex() != null && c.getIndex() == bus);
        return busExists && d.getDevices().all().stream().map(dev -> dev.getAddress()).noneMatch(x -> x != null
                && x.getType() == AddressType.PCI && orZero(x.getBus()) == bus && orZero(x.getSlot()) == orZero(a.getSlot()));
    }

    /** QEMU's bus name of an address: {@code pci.0} (or {@code pcie.0}), or the controller's {@code pci.N}. */
    static String busName(Domain live, Address a) {
        int bus = orZero(a.getBus());
        if (bus == 0) return isQ35(live) ? "pcie.0" : "pci.0";
        return "pci." + bus;
    }

    static String addr(Address a) {
        return "0x" + Integer.toHexString(orZero(a.getSlot()));
    }

    private static Address freeRootPort(Domain live, List<PciDevice> inUse) throws VireoError {
        for (Controller c : live.getDevices().getControllers()) {
            if (c.getType() != ControllerType.PCI || !"pcie-root-port".equals(c.getModel()) || c.getIndex() == null) continue;
            String id = "pci." + c.getIndex();
            Optional<Integer> behind = inUse.stream().filter(d -> id.equals(d.qdevId()) && d.secondaryBus() != null)
                    .map(PciDevice::secondaryBus).findFirst();
            if (behind.isEmpty()) continue;   // not plugged (yet): not ours to use
            boolean taken = inUse.stream().anyMatch(d -> d.bus() == behind.get())
                    || live.getDevices().all().stream().map(dev -> dev.getAddress()).anyMatch(a -> a != null
                    && a.getType() == AddressType.PCI && orZero(a.getBus()) == c.getIndex());
            if (!taken) return Address.pci(0, c.getIndex(), 0, 0);
        }
        throw VireoError.failed(NONE_FREE + ": domain '" + live.getName() + "' (q35) has no free pcie-root-port; "
                + "define one more <controller type='pci' model='pcie-root-port'/> for each disk to plug");
    }

    private static boolean isQ35(Domain live) {
        String machine = live.getOs() == null || live.getOs().getType() == null ? null : live.getOs().getType().getMachine();
        return machine != null && machine.contains("q35");
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}
