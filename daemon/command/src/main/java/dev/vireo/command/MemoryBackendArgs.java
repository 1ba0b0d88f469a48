package dev.vireo.command;

import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.MemoryAllocation;
import dev.vireo.conf.model.MemoryAllocationMode;
import dev.vireo.conf.model.MemoryBacking;
import dev.vireo.conf.model.MemorySourceType;
import java.nio.file.Path;

/**
 * The guest's RAM as a named backend ({@code pc.ram}) when its {@code <memoryBacking>} asks for what
 * plain {@code -m} cannot give, as libvirt 9 writes it for QEMU 5.0 and later:
 * {@code -machine ...,memory-backend=pc.ram} and {@code -object memory-backend-TYPE,id=pc.ram,...}
 * (see {@link MemoryBackendObject} for the type and properties). A backing that changes nothing a
 * plain {@code -m} gives ({@code <source type='anonymous'/>}, {@code <allocation mode='ondemand'/>},
 * {@code <discard/>} on anonymous memory) keeps {@code -m} alone: libvirt's
 * {@code memory-backend-ram} without properties is the same memory. Guests with NUMA cells get the
 * settings on their per-node backends instead ({@link NumaBackend}).
 */
final class MemoryBackendArgs {
    static final String ID = "pc.ram";

    private MemoryBackendArgs() {
    }

    /** Whether the guest's RAM is a backend object of its own. */
    static boolean wanted(BuildContext ctx) {
        MemoryBacking mb = ctx.domain().getMemoryBacking();
        return mb != null && !numa(ctx) && needsBackend(mb);
    }

    /** Whether the backing asks for anything a plain {@code memory-backend-ram} does not have. */
    static boolean needsBackend(MemoryBacking mb) {
        MemoryAllocation alloc = mb.getAllocation();
        return mb.isHugepages()
                || mb.getSource() != null && mb.getSource().getType() != MemorySourceType.ANONYMOUS
                || mb.getAccess() != null && mb.getAccess().getMode() != null
                || alloc != null && (alloc.getMode() == MemoryAllocationMode.IMMEDIATE || alloc.getThreads() != null);
    }

    private static boolean numa(BuildContext ctx) {
        return ctx.domain().getCpu() != null && ctx.domain().getCpu().getNuma() != null
                && !ctx.domain().getCpu().getNuma().getCells().isEmpty();
    }

    /** The machine property naming the backend, or null. */
    static String machineProperty(BuildContext ctx) throws UnsupportedConfigurationException {
        if (!wanted(ctx)) return null;
        if (!ctx.qemuAtLeast(5_000_000)) {
            if (onlyHugepages(ctx.domain().getMemoryBacking())) return null; // -mem-path, as before QEMU 5.0
            throw new UnsupportedConfigurationException("<memoryBacking>: a memory backend for the guest's RAM (source, "
                    + "access, allocation) needs QEMU 5.0 or later; " + ctx.emulator() + " is older");
        }
        return "memory-backend=" + ID;
    }

    /** A backing that older binaries get with {@code -mem-path}: hugepages and nothing else. */
    static boolean onlyHugepages(MemoryBacking mb) {
        return mb != null && mb.isHugepages() && mb.getSource() == null && mb.getAccess() == null && mb.getAllocation() == null;
    }

    /** Whether the RAM is given by a backend object, here or per NUMA node, rather than {@code -mem-path}. */
    static boolean byBackend(BuildContext ctx) {
        return ctx.qemuAtLeast(numa(ctx) ? 5_001_000 : 5_000_000);
    }

    /** {@code -object memory-backend-...} for the RAM, when {@link #wanted}. */
    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        if (!wanted(ctx) || !ctx.qemuAtLeast(5_000_000)) return;
        Domain d = ctx.domain();
        long bytes = Memory.mibRoundedUp(Memory.kib(d.getMemory())) * 1024L * 1024L;
        out.option("-object", MemoryBackendObject.of(ctx, ID, null, null, true, String.valueOf(bytes)));
    }

    /** The folder of hugepage-backed RAM, or a refusal naming why there is none. */
    static Path hugepageFolder(BuildContext ctx) throws UnsupportedConfigurationException {
        Path path = ctx.options().hugepagePath();
        if (path == null) {
            throw new UnsupportedConfigurationException("<memoryBacking><hugepages/>: no hugetlbfs filesystem is mounted "
                    + "on this host (see /proc/mounts); mount one, e.g. 'mount -t hugetlbfs hugetlbfs /dev/hugepages', "
                    + "and reserve pages (vm.nr_hugepages)");
        }
        return path;
    }
}
