package dev.vireo.caps;

import dev.vireo.conf.EmulatorFacts;
import dev.vireo.conf.MachineTypes;
import dev.vireo.conf.model.Domain;
import java.nio.file.Path;

/**
 * The machine types of the binary that would run a domain, for libvirt 9's definition defaults: the
 * binary's capabilities ({@link CapsCache}, probed over QMP once per binary build and shared with
 * {@code start}) are their one source. A binary that does not exist, cannot be probed or lists no
 * machines (probed through {@code -help} alone) has no machine types: its domains keep libvirt
 * 0.10.2's defaults. Thread-safe.
 */
public final class MachineTypesProbe implements EmulatorFacts {

    private final CapsCache caps;

    /** Probes binaries itself and keeps the results in memory (tools and tests without a daemon). */
    public MachineTypesProbe() {
        this(CapsCache.inMemory(new CapsProber()));
    }

    /** @param caps the daemon's capabilities cache, so that define and start share one probe */
    public MachineTypesProbe(CapsCache caps) {
        this.caps = caps;
    }

    @Override
    public MachineTypes machineTypes(Domain d) {
        return EmulatorBinary.of(d).map(this::of).orElse(null);
    }

    /** The machine types of {@code binary}, or null when it cannot be probed or lists none. */
    public MachineTypes of(Path binary) {
        try {
            return caps.get(binary).machineTypes();
        } catch (ProbeException e) {
            return null;
        }
    }
}
