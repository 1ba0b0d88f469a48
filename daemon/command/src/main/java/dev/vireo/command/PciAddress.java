package dev.vireo.command;

/**
 * A slot and function on a PCI bus of domain 0. Bus 0 is the machine's root bus; a higher bus is
 * the one behind the PCI controller (bridge, PCIe root port, ...) whose {@code index} it is.
 */
record PciAddress(int bus, int slot, int function, Boolean multifunction) {

    static final int LAST_SLOT = 31;
    static final int LAST_BUS = 255;

    PciAddress {
        if (bus < 0 || bus > LAST_BUS) {
            throw new IllegalArgumentException("PCI bus " + bus + " is outside 0.." + LAST_BUS);
        }
        if (slot < 0 || slot > LAST_SLOT) {
            throw new IllegalArgumentException("PCI slot " + slot + " is outside 0.." + LAST_SLOT);
        }
        if (function < 0 || function > 7) {
            throw new IllegalArgumentException("PCI function " + function + " is outside 0..7");
        }
    }

    /** An address on the root bus. */
    PciAddress(int slot, int function, Boolean multifunction) {
        this(0, slot, function, multifunction);
    }

    /** QEMU's {@code addr=} spelling: {@code 0x4}, or {@code 0x4.0x7} for a function other than 0. */
    String qemuAddr() {
        return function == 0 ? "0x" + Integer.toHexString(slot)
                : "0x" + Integer.toHexString(slot) + ".0x" + Integer.toHexString(function);
    }

    /** The same place without the multifunction setting: what two devices must not share. */
    PciAddress place() {
        return multifunction == null ? this : new PciAddress(bus, slot, function, null);
    }

    @Override
    public String toString() {
        return String.format("0000:%02x:%02x.%x", bus, slot, function);
    }
}
