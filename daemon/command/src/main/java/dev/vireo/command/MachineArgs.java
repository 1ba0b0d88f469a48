package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.caps.UnsupportedMachineException;
import dev.vireo.conf.model.Cpu;
import dev.vireo.conf.model.CpuTopology;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.Features;
import dev.vireo.conf.model.DomainVirtType;
import dev.vireo.conf.model.MemoryBacking;
import dev.vireo.conf.model.NumaCell;
import dev.vireo.conf.model.Vcpu;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The head of the command line: name, {@code -S}, machine type, CPU model and accelerator,
 * firmware, memory, vCPUs and NUMA cells, uuid, domain id, SMBIOS tables.
 */
final class MachineArgs {

    private MachineArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        Domain domain = ctx.domain();
        if (ctx.has(Capability.NAME) && domain.getName() != null) {
            out.option("-name", domain.getName());
        }
        // Always start paused: the daemon resumes the guest once everything around it is set up.
        out.add("-S");
        FirmwareArgs.writeNodes(ctx, out);
        machine(ctx, out);
        String cpu = CpuOption.of(ctx);
        if (cpu != null) {
            out.option("-cpu", cpu);
        }
        accelerator(ctx, out);
        if (ctx.os().getLoader() != null && !FirmwareArgs.flash(ctx)) {
            out.option("-bios", ctx.os().getLoader().getPath());
        }
        FirmwareArgs.writeGlobals(ctx, out);
        memory(ctx, out);
        out.option("-smp", smp(ctx));
        IothreadArgs.write(ctx, out);
        numa(ctx, out);
        if (ctx.has(Capability.UUID) && domain.getUuid() != null) {
            out.option("-uuid", domain.getUuid());
        }
        domainId(ctx, out);
        SmbiosArgs.write(ctx, out);
    }

    /** QEMU 2.2 gave the PC machines their vmport property. */
    private static final int VMPORT_SINCE = 2_002_000;

    private static void machine(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        String machine = ctx.machine();
        if (machine == null) {
            return;
        }
        try {
            ctx.caps().requireMachine(machine); // a binary whose machine types are known refuses others by name
        } catch (UnsupportedMachineException e) {
            throw new UnsupportedConfigurationException(e.getMessage());
        }
        Boolean dumpCore = ctx.domain().getMemory() == null ? null : ctx.domain().getMemory().getDumpCore();
        List<String> props = new ArrayList<>();
        vmport(ctx, props);
        props.addAll(FirmwareArgs.machineProperties(ctx));
        String irqchip = KvmFeatureArgs.kernelIrqchip(ctx.domain().getFeatures());
        if (irqchip != null) props.add(irqchip);
        if (dumpCore != null) {
            if (!ctx.has(Capability.DUMP_GUEST_CORE)) {
                throw new UnsupportedConfigurationException("<memory dumpCore='" + (dumpCore ? "on" : "off")
                        + "'>: dump-guest-core is not available with this QEMU binary (capability 'dump-guest-core')");
            }
            props.add("dump-guest-core=" + (dumpCore ? "on" : "off"));
        }
        props.addAll(FirmwareArgs.flashProperties(ctx));
        String ram = MemoryBackendArgs.machineProperty(ctx);
        if (ram != null) props.add(ram);
        if (props.isEmpty()) {
            out.option("-M", machine);
            return;
        }
        // -M cannot carry machine properties; -machine can.
        out.option("-machine", machine + "," + String.join(",", props));
    }

    /** The VMware I/O port of a PC machine ({@code <features><vmport state=.../>}), before libvirt's other properties. */
    private static void vmport(BuildContext ctx, List<String> props) throws UnsupportedConfigurationException {
        Features f = ctx.domain().getFeatures();
        if (f == null || f.getVmport() == null || f.getVmport().getState() == null) {
            return;
        }
        if (!ctx.qemuAtLeast(VMPORT_SINCE)) {
            throw new UnsupportedConfigurationException("<features><vmport>: the machine property vmport needs QEMU 2.2 or later");
        }
        props.add("vmport=" + (f.getVmport().getState() ? "on" : "off"));
    }

    private static void accelerator(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        DomainVirtType type = ctx.domain().getType() == null ? DomainVirtType.QEMU : ctx.domain().getType();
        switch (type) {
            case QEMU -> {
                if (ctx.has(Capability.KQEMU)) out.add("-no-kqemu");
                // A qemu-kvm binary accelerates by default; a 'qemu' domain must not be.
                if (ctx.has(Capability.KVM)) out.add("-no-kvm");
            }
            case KQEMU -> {
                if (ctx.has(Capability.ENABLE_KQEMU)) {
                    out.add("-enable-kqemu", "-kernel-kqemu");
                } else if (!ctx.has(Capability.KQEMU)) {
                    throw new UnsupportedConfigurationException("domain type 'kqemu': the QEMU binary "
                            + ctx.emulator() + " does not support kqemu");
                }
                if (ctx.has(Capability.KVM)) out.add("-no-kvm");
            }
            case KVM -> {
                if (ctx.has(Capability.KQEMU)) out.add("-no-kqemu");
                String dirtyRing = KvmFeatureArgs.kvmAccel(ctx.domain().getFeatures(), type);
                if (dirtyRing != null) {
                    // -enable-kvm cannot carry accelerator properties; -accel can (QEMU 2.10 and later)
                    out.option("-accel", dirtyRing);
                } else if (ctx.has(Capability.ENABLE_KVM)) {
                    out.add("-enable-kvm");
                } else if (!ctx.has(Capability.KVM)) {
                    throw new UnsupportedConfigurationException("domain type 'kvm': the QEMU binary "
                            + ctx.emulator() + " does not support kvm (neither 'enable-kvm' nor 'kvm')");
                }
            }
            case XEN -> {
                // xenner guests: the accelerator is the binary itself.
            }
            default -> throw new UnsupportedConfigurationException("domain type '" + type.xml()
                    + "' cannot run on QEMU; allowed: qemu, kqemu, kvm");
        }
    }

    private static void memory(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        Domain domain = ctx.domain();
        // -m is the maximum; the balloon brings the guest down to currentMemory after start.
        out.option("-m", Memory.mibRoundedUp(Memory.kib(domain.getMemory())));
        MemoryBackendArgs.write(ctx, out);
        MemoryBacking backing = domain.getMemoryBacking();
        if (backing != null && backing.isHugepages() && !MemoryBackendArgs.byBackend(ctx)) {
            // Before memory backends (QEMU 5.0; 5.1 for NUMA nodes): all of the RAM from hugetlbfs.
            if (!ctx.has(Capability.MEM_PATH)) {
                throw new UnsupportedConfigurationException("<memoryBacking><hugepages/>: hugepage backing is not "
                        + "supported by " + ctx.emulator() + " (capability 'mem-path')");
            }
            Path folder = MemoryBackendArgs.hugepageFolder(ctx);
            out.add("-mem-prealloc");
            out.option("-mem-path", folder);
        }
        boolean locked = backing != null && backing.isLocked();
        if (locked && !ctx.has(Capability.MLOCK)) {
            throw new UnsupportedConfigurationException("<memoryBacking><locked/>: memory locking is not supported "
                    + "by this QEMU binary (capability 'mlock')");
        }
        if (ctx.has(Capability.MLOCK)) {
            out.option("-realtime", "mlock=" + (locked ? "on" : "off"));
        }
    }

    static String smp(BuildContext ctx) throws UnsupportedConfigurationException {
        Vcpu vcpu = ctx.domain().getVcpu();
        int max = vcpu == null || vcpu.getCount() == null ? 1 : vcpu.getCount();
        int current = vcpu == null || vcpu.getCurrent() == null ? max : vcpu.getCurrent();
        StringBuilder smp = new StringBuilder().append(current);
        if (!ctx.has(Capability.SMP_TOPOLOGY)) {
            if (current != max) {
                throw new UnsupportedConfigurationException("<vcpu current='" + current + "'>" + max
                        + "</vcpu>: a current vcpu count below the maximum is not supported by this QEMU binary "
                        + "(capability 'smp-topology')");
            }
            return smp.toString();
        }
        if (current != max) {
            smp.append(",maxcpus=").append(max);
        }
        Cpu cpu = ctx.domain().getCpu();
        CpuTopology topology = cpu == null ? null : cpu.getTopology();
        if (topology != null && topology.getSockets() != null) {
            smp.append(",sockets=").append(topology.getSockets());
            if (ctx.modern()) {
                // QEMU 4.1 and later group cores in dies; libvirt 9 always names them (1 when not set).
                smp.append(",dies=").append(topology.getDies() == null ? 1 : topology.getDies());
            } else if (topology.getDies() != null && topology.getDies() > 1) {
                throw new UnsupportedConfigurationException("<topology dies='" + topology.getDies() + "'>: dies are "
                        + "supported with QEMU 4.2 or later");
            }
            smp.append(",cores=").append(topology.getCores())
                    .append(",threads=").append(topology.getThreads());
        } else {
            smp.append(",sockets=").append(max).append(",cores=1,threads=1");
        }
        return smp.toString();
    }

    private static void numa(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        Cpu cpu = ctx.domain().getCpu();
        if (cpu == null || cpu.getNuma() == null) {
            return;
        }
        List<NumaCell> cells = cpu.getNuma().getCells();
        for (int i = 0; i < cells.size(); i++) {
            NumaCell cell = cells.get(i);
            long mib = Memory.mibRoundedUp(cell.getMemory() == null ? 0 : cell.getMemory());
            if (ctx.qemuAtLeast(5_001_000)) {
                // Machine types of QEMU 5.1 and later take a node's memory only from a backend.
                out.option("-object", NumaBackend.of(ctx, cell, i, mib));
                out.option("-numa", "node,nodeid=" + i + ",cpus=" + cell.getCpus() + ",memdev=ram-node" + i);
            } else {
                MemoryBacking mb = ctx.domain().getMemoryBacking();
                if (mb != null && MemoryBackendArgs.needsBackend(mb) && !MemoryBackendArgs.onlyHugepages(mb)) {
                    throw new UnsupportedConfigurationException("<memoryBacking> with NUMA cells: per-node memory "
                            + "backends need QEMU 5.1 or later");
                }
                if (cell.getMemAccess() != null || cell.getDiscard() != null) {
                    throw new UnsupportedConfigurationException("<numa><cell id='" + i + "' memAccess|discard>: per-node "
                            + "memory backends need QEMU 5.1 or later");
                }
                out.option("-numa", "node,nodeid=" + i + ",cpus=" + cell.getCpus() + ",mem=" + mib);
            }
        }
        NumaDistanceArgs.write(ctx, cells, out);
    }

    /** A Xen guest (run by xenner) is told its domain id; -1 when the domain is not running. */
    private static void domainId(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        String osType = ctx.os().getType() == null ? null : ctx.os().getType().getValue();
        if (!"xen".equals(osType) && !"linux".equals(osType)) {
            return;
        }
        Integer id = ctx.options().domainId();
        int value = id == null ? -1 : id;
        if (ctx.has(Capability.DOMID)) {
            out.option("-domid", value);
        } else if (ctx.has(Capability.XEN_DOMID)) {
            out.add("-xen-attach");
            out.option("-xen-domid", value);
        } else {
            throw new UnsupportedConfigurationException("<os><type>" + osType + "</type>: the QEMU binary "
                    + ctx.emulator() + " does not support Xen guests (capability 'domid' or 'xen-domid')");
        }
    }
}
