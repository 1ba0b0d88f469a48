package dev.vireo.caps;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the {@code -help} text alone tells: the version line and the flags derived from the options.
 *
 * @param flags       unmodifiable, in libvirt's order
 * @param deviceQuery whether (and how) the device models and their properties can be listed
 */
public record HelpCaps(EmulatorVersion version, Set<Capability> flags, DeviceQuery deviceQuery) {
    public HelpCaps {
        flags = Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }
}
