package dev.vireo.command;

import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.MemoryAccessMode;
import dev.vireo.conf.model.MemoryBacking;
import dev.vireo.conf.model.MemorySourceType;

/**
 * The guest's RAM as a named backend ({@code pc.ram}) when its memory backing asks for one that plain
 * {@code -m} cannot give: {@code <source type='memfd'/>} and/or {@code <access mode='shared'/>} (what
 * vhost-user devices such as virtiofs need), as libvirt 9 writes it for QEMU 5.0 and later:
 * {@code -machine ...,memory-backend=pc.ram} and {@code -object memory-backend-memfd,id=pc.ram,share=on,...}.
 * Guests with NUMA cells keep their per-node backends.
 */
final class MemoryBackendArgs {
    static final String ID = "pc.ram";

    private MemoryBackendArgs() {
    }

    /** Whether the guest's RAM is a backend object of its own. */
    static boolean wanted(BuildContext ctx) {
        MemoryBacking mb = ctx.domain().getMemoryBacking();
        boolean numa = ctx.domain().getCpu() != null && ctx.domain().getCpu().getNuma() != null
                && !ctx.domain().getCpu().getNuma().getCells().isEmpty();
        return mb != null && !numa && (mb.getSource() != null && mb.getSource().getType() == MemorySourceType.MEMFD
                || mb.getAccess() != null && mb.getAccess().getMode() == MemoryAccessMode.SHARED);
    }

    /** The machine property naming the backend, or null. */
    static String machineProperty(BuildContext ctx) throws UnsupportedConfigurationException {
        if (!wanted(ctx)) return null;
        if (!ctx.qemuAtLeast(5_000_000)) {
            throw new UnsupportedConfigurationException("<memoryBacking><source type='memfd'/> or <access mode='shared'/>: "
                    + "a memory backend for the guest's RAM needs QEMU 5.0 or later; " + ctx.emulator() + " is older");
        }
        return "memory-backend=" + ID;
    }

    /** {@code -object memory-backend-memfd,...} for the RAM, when {@link #wanted}. */
    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        if (!wanted(ctx)) return;
        Domain d = ctx.domain();
        MemoryBacking mb = d.getMemoryBacking();
        boolean shared = mb.getAccess() != null && mb.getAccess().getMode() == MemoryAccessMode.SHARED;
        long bytes = Memory.mibRoundedUp(Memory.kib(d.getMemory())) * 1024L * 1024L;
        out.option("-object", "memory-backend-memfd,id=" + ID + (shared ? ",share=on" : "")
                + ",x-use-canonical-path-for-ramblock-id=off,size=" + bytes);
    }
}
