package dev.vireo.monitor;

/**
 * One PCI function as {@code query-pci} reports it, flattened: the devices behind a bridge are
 * listed with the bridge's secondary bus number.
 *
 * @param bus          the bus number the function sits on (0: the root bus)
 * @param slot         its slot on that bus
 * @param function     its function in the slot
 * @param qdevId       the device's id ({@code pci.1} for a libvirt controller), empty when it has none
 * @param secondaryBus for a bridge or root port, the number of the bus behind it; else null
 */
public record PciDevice(int bus, int slot, int function, String qdevId, Integer secondaryBus) {
}
