package dev.vireo.conf.defaults;

import dev.vireo.conf.MemoryUnits;
import dev.vireo.conf.model.Cpu;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.FeatureState;
import dev.vireo.conf.model.Features;
import dev.vireo.conf.model.FirmwareFeature;
import dev.vireo.conf.model.KvmFeatures;
import dev.vireo.conf.check.NumaChecks;
import dev.vireo.conf.model.NumaCell;
import dev.vireo.conf.model.NumaDistances;
import dev.vireo.conf.model.NumaSibling;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What libvirt 9 normalises in firmware, hypervisor features and NUMA cells, settings libvirt 0.10.2
 * did not have: firmware features are listed by name, a feature switch written without a state
 * ({@code <smm/>}) is on, a switched-off KVM dirty ring loses its size, a NUMA cell's memory written
 * with a unit is stored in KiB with {@code unit='KiB'}, and NUMA distances are completed.
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
            // a switched-off dirty ring has no size: libvirt 9 drops it
            if (kvm != null && kvm.getDirtyRing() != null && Boolean.FALSE.equals(kvm.getDirtyRing().getState())) {
                kvm.getDirtyRing().setSize(null);
            }
        }
        Cpu cpu = d.getCpu();
        if (cpu != null && cpu.getNuma() != null) {
            for (NumaCell c : cpu.getNuma().getCells()) {
                if (c.getUnit() == null || c.getMemory() == null) continue;
                c.setMemory(MemoryUnits.toKiB(c.getMemory(), c.getUnit()));
                c.setUnit(KIB);
            }
            distances(cpu.getNuma().getCells());
        }
    }

    /**
     * libvirt 9 completes the distance table as it reads it: a cell that has distances, or that
     * another cell gives a distance to, gets its own distance (10), and a distance i to j that cell i
     * does not give is j's distance to i, when j gives one. Each list is then in cell id order. Cell
     * ids and sibling ids were checked (NumaChecks) to be 0 to n-1.
     */
    private static void distances(List<NumaCell> cells) {
        int n = cells.size();
        NumaCell[] byId = new NumaCell[n];
        for (int i = 0; i < n; i++) byId[cells.get(i).getId() == null ? i : cells.get(i).getId()] = cells.get(i);
        Integer[][] table = new Integer[n][];
        for (int i = 0; i < n; i++) {
            NumaDistances d = byId[i].getDistances();
            if (d == null) continue;
            for (NumaSibling s : d.getSiblings()) {
                row(table, i)[s.getId()] = s.getValue();
                Integer[] back = row(table, s.getId());
                if (back[i] == null) back[i] = s.getValue();
            }
        }
        for (int i = 0; i < n; i++) {
            if (table[i] == null) continue;
            NumaDistances d = byId[i].getDistances() == null ? new NumaDistances() : byId[i].getDistances();
            d.getSiblings().clear();
            for (int j = 0; j < n; j++) {
                if (table[i][j] == null) continue;
                NumaSibling s = new NumaSibling();
                s.setId(j);
                s.setValue(table[i][j]);
                d.getSiblings().add(s);
            }
            byId[i].setDistances(d);
        }
    }

    private static Integer[] row(Integer[][] table, int cell) {
        if (table[cell] == null) {
            table[cell] = new Integer[table.length];
            table[cell][cell] = NumaChecks.LOCAL_DISTANCE;
        }
        return table[cell];
    }

    private static void onByDefault(FeatureState s) {
        if (s != null && s.getState() == null) s.setState(Boolean.TRUE);
    }
}
