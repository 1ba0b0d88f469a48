package dev.vireo.conf.defaults;

import dev.vireo.conf.MemoryUnits;
import dev.vireo.conf.model.Cpu;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.FeatureState;
import dev.vireo.conf.model.Features;
import dev.vireo.conf.model.FirmwareFeature;
import dev.vireo.conf.model.KvmFeatures;
import dev.vireo.conf.model.NumaCell;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What libvirt 9 normalises in firmware, hypervisor features and NUMA cells, settings libvirt 0.10.2
 * did not have: firmware features are listed by name, a feature switch written without a state
 * ({@code <smm/>}) is on, and a NUMA cell's memory written with a unit is stored in KiB with
 * {@code unit='KiB'}.
 */
final class FirmwareFeatureDefaults {
    private static final String KIB = "KiB";

    private FirmwareFeatureDefaults() {
    }

    static void apply(Domain d) {
        if (d.getOs() != null && d.getOs().getFirmwareFeatures() != null) {
            d.getOs().getFirmwareFeatures().getFeatures().sort(Comparator.comparing(FirmwareFeature::getName));
        }
        Features f = d.getFeatures();
        if (f != null) {
            KvmFeatures kvm = f.getKvm();
            Stream.of(f.getPvspinlock(), f.getPmu(), f.getVmport(), f.getSmm(), f.getVmcoreinfo()).forEach(FirmwareFeatureDefaults::onByDefault);
            if (kvm != null) Stream.of(kvm.getHidden(), kvm.getHintDedicated(), kvm.getPollControl(), kvm.getPvIpi()).forEach(FirmwareFeatureDefaults::onByDefault);
        }
        Cpu cpu = d.getCpu();
        if (cpu != null && cpu.getNuma() != null) {
            for (NumaCell c : cpu.getNuma().getCells()) {
                if (c.getUnit() == null || c.getMemory() == null) continue;
                c.setMemory(MemoryUnits.toKiB(c.getMemory(), c.getUnit()));
                c.setUnit(KIB);
            }
        }
    }

    private static void onByDefault(FeatureState s) {
        if (s != null && s.getState() == null) s.setState(Boolean.TRUE);
    }
}
