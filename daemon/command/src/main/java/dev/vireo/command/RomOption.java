package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Rom;

/** {@code rombar=} and {@code romfile=} of a PCI device's option ROM. */
final class RomOption {

    private RomOption() {
    }

    static void append(BuildContext ctx, OptionString o, Rom rom, String owner) throws UnsupportedConfigurationException {
        if (rom.getBar() == null && rom.getFile() == null) {
            return;
        }
        if (!ctx.has(Capability.ROMBAR)) {
            throw new UnsupportedConfigurationException(owner + ": <rom> (bar, file) is not supported by this QEMU "
                    + "binary (capability 'rombar')");
        }
        if (rom.getBar() != null) {
            o.add("rombar", rom.getBar() ? 1 : 0);
        }
        if (rom.getFile() != null) {
            o.addEscaped("romfile", rom.getFile());
        }
    }
}
