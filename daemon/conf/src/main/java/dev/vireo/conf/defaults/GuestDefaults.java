package dev.vireo.conf.defaults;

import dev.vireo.conf.CpuSet;
import dev.vireo.conf.MemoryUnits;
import dev.vireo.conf.model.BootDevice;
import dev.vireo.conf.model.Clock;
import dev.vireo.conf.model.ClockOffset;
import dev.vireo.conf.model.Cpu;
import dev.vireo.conf.model.CpuFallback;
import dev.vireo.conf.model.CpuFeature;
import dev.vireo.conf.model.CpuFeaturePolicy;
import dev.vireo.conf.model.CpuMatch;
import dev.vireo.conf.model.CpuMode;
import dev.vireo.conf.model.CpuPlacement;
import dev.vireo.conf.model.CrashAction;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.LifecycleAction;
import dev.vireo.conf.model.MemTune;
import dev.vireo.conf.model.MemoryAmount;
import dev.vireo.conf.model.NumaMemory;
import dev.vireo.conf.model.NumaMode;
import dev.vireo.conf.model.NumaTune;
import dev.vireo.conf.model.Os;
import dev.vireo.conf.model.OsBoot;
import dev.vireo.conf.model.OsType;
import dev.vireo.conf.model.SecLabel;
import dev.vireo.conf.model.SecLabelType;
import dev.vireo.conf.model.SysInfoBlock;
import dev.vireo.conf.model.SysInfoEntry;
import dev.vireo.conf.model.Vcpu;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Defaults of the guest as a whole: memory, vCPUs, NUMA placement, OS and boot, CPU, clock, lifecycle. */
final class GuestDefaults {
    /** The order libvirt prints SMBIOS entries in, whatever order they were written in. */
    private static final List<String> BIOS_ENTRIES = List.of("vendor", "version", "date", "release");
    private static final List<String> SYSTEM_ENTRIES = List.of("manufacturer", "product", "version", "serial", "uuid", "sku", "family");

    private GuestDefaults() {
    }

    static void apply(Domain d) {
        if (d.getUuid() == null) d.setUuid(UUID.randomUUID().toString());
        else d.setUuid(Uuids.canonical(d.getUuid()));
        memory(d);
        vcpus(d);
        os(d);
        cpu(d.getCpu());
        clock(d);
        lifecycle(d);
        sysinfo(d);
        d.getSeclabels().forEach(GuestDefaults::seclabel);
    }

    private static void memory(Domain d) {
        MemoryAmount max = d.getMemory();
        toKiB(max);
        MemoryAmount cur = d.getCurrentMemory();
        if (cur == null) {
            cur = new MemoryAmount();
            cur.setValue(max.getValue());
            d.setCurrentMemory(cur);
        }
        toKiB(cur);
        // Older libvirt could round currentMemory a little above memory; libvirt clamps a gap under
        // 1 MiB and refuses anything larger (the semantic check reports that).
        if (cur.getValue() > max.getValue() && cur.getValue() - max.getValue() < 1024) cur.setValue(max.getValue());
        MemTune t = d.getMemtune();
        if (t != null) {
            toKiB(t.getHardLimit());
            toKiB(t.getSoftLimit());
            toKiB(t.getMinGuarantee());
            toKiB(t.getSwapHardLimit());
        }
    }

    static void toKiB(MemoryAmount m) {
        if (m == null || m.getValue() == null) return;
        m.setValue(MemoryUnits.toKiB(m.getValue(), m.getUnit()));
        m.setUnit("KiB");
    }

    private static void vcpus(Domain d) {
        Vcpu v = d.getVcpu();
        if (v == null) {
            v = new Vcpu();
            v.setCount(1);
            d.setVcpu(v);
        }
        if (v.getCount() == null) v.setCount(1);
        if (v.getCurrent() != null && v.getCurrent().equals(v.getCount())) v.setCurrent(null);
        if (v.getPlacement() == null) v.setPlacement(CpuPlacement.STATIC);
        if (v.getPlacement() == CpuPlacement.AUTO) v.setCpuset(null);
        if (v.getCpuset() != null) {
            String set = CpuSet.normalise(v.getCpuset());
            v.setCpuset(set);
        }
        NumaTune nt = d.getNumatune();
        if (nt != null && nt.getMemory() != null) {
            NumaMemory m = nt.getMemory();
            if (m.getMode() == null) m.setMode(NumaMode.STRICT);
            // unstated, memory placement follows the nodeset if there is one, else the vCPUs
            if (m.getPlacement() == null) m.setPlacement(m.getNodeset() != null ? CpuPlacement.STATIC : v.getPlacement());
            if (m.getPlacement() == CpuPlacement.AUTO) {
                m.setNodeset(null);
                // numad decides memory placement, so it decides vCPU placement too unless they are pinned
                if (v.getCpuset() == null) v.setPlacement(CpuPlacement.AUTO);
            } else {
                m.setNodeset(CpuSet.normalise(m.getNodeset()));
                m.setPlacement(null);
            }
        } else if (v.getPlacement() == CpuPlacement.AUTO) {
            NumaMemory m = new NumaMemory();
            m.setMode(NumaMode.STRICT);
            m.setPlacement(CpuPlacement.AUTO);
            if (nt == null) {
                nt = new NumaTune();
                d.setNumatune(nt);
            }
            nt.setMemory(m);
        }
        if (d.getCputune() != null) {
            d.getCputune().getVcpupins().forEach(p -> p.setCpuset(CpuSet.normalise(p.getCpuset())));
            if (d.getCputune().getEmulatorpin() != null) {
                d.getCputune().getEmulatorpin().setCpuset(CpuSet.normalise(d.getCputune().getEmulatorpin().getCpuset()));
            }
        }
    }

    private static void os(Domain d) {
        Os os = d.getOs();
        if (os == null) {
            os = new Os();
            d.setOs(os);
        }
        OsType type = os.getType();
        if (type == null) {
            type = new OsType();
            type.setValue("hvm");
            os.setType(type);
        }
        if (type.getValue() != null) type.setValue(type.getValue().strip());
        if (type.getArch() == null) type.setArch(defaultArch());
        if (type.getMachine() == null) type.setMachine(defaultMachine(type.getArch()));
        boolean deviceBoot = d.getDevices().getDisks().stream().anyMatch(x -> x.getBoot() != null)
                || d.getDevices().getInterfaces().stream().anyMatch(x -> x.getBoot() != null)
                || d.getDevices().getHostdevs().stream().anyMatch(x -> x.getBoot() != null)
                || d.getDevices().getRedirdevs().stream().anyMatch(x -> x.getBoot() != null);
        if (d.getBootloader() != null) {
            // the host-side bootloader decides; libvirt keeps no BIOS boot settings beside it
            os.getBoots().clear();
            os.setBootmenu(null);
            os.setBios(null);
        } else if (DomainDefaults.isHvm(d) && os.getBoots().isEmpty() && !deviceBoot) {
            OsBoot hd = new OsBoot();
            hd.setDev(BootDevice.HD);
            os.getBoots().add(hd);
        }
    }

    /** The host's architecture, which libvirt prefers when the document names none. */
    private static String defaultArch() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "x86", "i386", "i686" -> "i686";
            case "aarch64" -> "aarch64";
            default -> arch;
        };
    }

    /** The first machine type QEMU lists for an architecture. */
    private static String defaultMachine(String arch) {
        return switch (arch) {
            case "ppc64" -> "pseries";
            case "s390x" -> "s390-virtio";
            case "i686", "x86_64" -> "pc";
            default -> null;
        };
    }

    private static void cpu(Cpu cpu) {
        if (cpu == null) return;
        if (cpu.getMode() == null) cpu.setMode(CpuMode.CUSTOM);
        boolean custom = cpu.getMode() == CpuMode.CUSTOM;
        if (cpu.getModel() != null && cpu.getModel().getName() != null) cpu.getModel().setName(cpu.getModel().getName().strip());
        boolean hasModel = cpu.getModel() != null && cpu.getModel().getName() != null && !cpu.getModel().getName().isEmpty();
        if (custom && hasModel && cpu.getMatch() == null) cpu.setMatch(CpuMatch.EXACT);
        if (!custom || !hasModel) cpu.setMatch(null);
        // libvirt prints the mode only when it says something: a custom CPU without a model is just a topology
        if (custom && !hasModel) cpu.setMode(null);
        // a guest CPU always states its fallback when it names a model, and a host-model CPU always does
        if (cpu.getMode() == CpuMode.HOST_MODEL && cpu.getModel() == null) cpu.setModel(new dev.vireo.conf.model.CpuModel());
        if (cpu.getModel() != null && (hasModel || cpu.getMode() == CpuMode.HOST_MODEL) && cpu.getModel().getFallback() == null) {
            cpu.getModel().setFallback(CpuFallback.ALLOW);
        }
        if (cpu.getMode() == CpuMode.HOST_PASSTHROUGH || cpu.getMode() == CpuMode.MAXIMUM) {
            cpu.setModel(null);
            cpu.setVendor(null);
            cpu.getFeatures().clear();
        }
        for (CpuFeature f : cpu.getFeatures()) {
            if (f.getPolicy() == null) f.setPolicy(CpuFeaturePolicy.REQUIRE);
        }
        if (cpu.getTopology() != null) {
            var t = cpu.getTopology();
            if (t.getSockets() == null || t.getCores() == null || t.getThreads() == null) cpu.setTopology(null);
        }
    }

    private static void clock(Domain d) {
        Clock c = d.getClock();
        if (c == null) {
            c = new Clock();
            d.setClock(c);
        }
        if (c.getOffset() == null) c.setOffset(ClockOffset.UTC);
        // libvirt always prints the adjustment of a variable clock
        if (c.getOffset() == ClockOffset.VARIABLE && c.getAdjustment() == null) c.setAdjustment("0");
    }

    private static void lifecycle(Domain d) {
        if (d.getOnPoweroff() == null) d.setOnPoweroff(LifecycleAction.DESTROY);
        if (d.getOnReboot() == null) d.setOnReboot(LifecycleAction.RESTART);
        if (d.getOnCrash() == null) d.setOnCrash(CrashAction.DESTROY);
    }

    private static void sysinfo(Domain d) {
        if (d.getSysinfo() == null) return;
        sortEntries(d.getSysinfo().getBios(), BIOS_ENTRIES);
        sortEntries(d.getSysinfo().getSystem(), SYSTEM_ENTRIES);
    }

    private static void sortEntries(SysInfoBlock block, List<String> order) {
        if (block == null) return;
        block.getEntries().sort(Comparator.comparingInt((SysInfoEntry e) -> {
            int i = order.indexOf(e.getName());
            return i < 0 ? order.size() : i;
        }));
    }

    /**
     * Labels: a dynamic label (and the image label of any relabelled one) is generated at start, so an
     * inactive definition keeps neither; a static label is not relabelled unless asked.
     */
    private static void seclabel(SecLabel s) {
        if (s.getType() == null) s.setType(SecLabelType.DYNAMIC);
        if (s.getType() == SecLabelType.NONE) {
            s.setRelabel(null);
            s.setLabel(null);
            s.setImagelabel(null);
            s.setBaselabel(null);
            return;
        }
        if (s.getRelabel() == null) s.setRelabel(s.getType() != SecLabelType.STATIC);
        if (s.getType() == SecLabelType.DYNAMIC) s.setLabel(null);
        else s.setBaselabel(null);
        s.setImagelabel(null);
    }
}
