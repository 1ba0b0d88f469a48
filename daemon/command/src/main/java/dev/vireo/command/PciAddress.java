package dev.vireo.command;

/** A slot and function on PCI bus 0 of domain 0 (the only bus QEMU of this era offers). */
record PciAddress(int slot, int function, Boolean multifunction) {

    static final int LAST_SLOT = 31;

    PciAddress {
        if (slot < 0 || slot > LAST_SLOT) {
            throw new IllegalArgumentException("PCI slot " + slot + " is outside 0.." + LAST_SLOT);
        }
        if (function < 0 || function > 7) {
            throw new IllegalArgumentException("PCI function " + function + " is outside 0..7");
        }
    }

    /** QEMU's {@code addr=} spelling: {@code 0x4}, or {@code 0x4.0x7} for a function other than 0. */
    String qemuAddr() {
        return function == 0 ? "0x" + Integer.toHexString(slot)
                : "0x" + Integer.toHexString(slot) + ".0x" + Integer.toHexString(function);
    }

    @Override
    public String toString() {
        return String.format("0000:00:%02x.%x", slot, function);
    }
}
