package dev.vireo.conf;

import dev.vireo.conf.model.Domain;

/**
 * What the emulator that would run a domain says about itself, for the defaults that depend on it.
 * libvirt 9 fills a definition in from its emulator's probed capabilities; libvirt 0.10.2 did not.
 * Vireo applies libvirt 9's defaults exactly when the domain's emulator can be probed and lists its
 * machine types, and keeps libvirt 0.10.2's otherwise (see docs/domain-xml.md, "Which defaults").
 */
@FunctionalInterface
public interface EmulatorFacts {

    /** No emulator is consulted: libvirt 0.10.2's defaults, as for documents checked offline. */
    EmulatorFacts NONE = d -> null;

    /**
     * The machine types of the binary that would run {@code d} (its {@code <emulator>}, or the host's
     * {@code qemu-system-ARCH} when it names none), or null when that binary cannot be probed.
     * Called after binding, before any default is filled in.
     */
    MachineTypes machineTypes(Domain d);
}
