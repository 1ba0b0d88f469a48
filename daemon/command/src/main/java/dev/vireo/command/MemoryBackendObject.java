package dev.vireo.command;

import dev.vireo.conf.model.MemoryAccessMode;
import dev.vireo.conf.model.MemoryAllocation;
import dev.vireo.conf.model.MemoryAllocationMode;
import dev.vireo.conf.model.MemoryBacking;
import dev.vireo.conf.model.MemorySourceType;

/**
 * One {@code -object memory-backend-*} for the guest's RAM or a NUMA node, from
 * {@code <memoryBacking>}, with the properties in libvirt 9's order for QEMU 7.2:
 * {@code mem-path}, {@code discard-data}, {@code share}, {@code x-use-canonical-path-for-ramblock-id}
 * (the whole RAM only), {@code prealloc}, {@code prealloc-threads}, {@code size}.
 *
 * <ul>
 * <li>{@code <hugepages/>}: {@code memory-backend-file} in the host's hugetlbfs folder, preallocated
 *     (libvirt refuses {@code <allocation mode='ondemand'/>} with hugepages, and so does Vireo); with
 *     {@code <source type='memfd'/>} a {@code memory-backend-memfd} with {@code hugetlb=on}. libvirt
 *     also writes {@code hugetlbsize=}, the default huge page size, which is QEMU's own default:
 *     Vireo leaves it out ({@code <hugepages>} has no {@code <page>} sizes here).</li>
 * <li>{@code <source type='file'/>}: {@code memory-backend-file} in the daemon's memory backing
 *     folder ({@link LaunchOptions#memoryBackingDir()}).</li>
 * <li>{@code <source type='memfd'/>}, or an {@code <access>} mode without a file source:
 *     {@code memory-backend-memfd}. libvirt makes the latter a file under
 *     {@code /var/lib/libvirt/qemu/ram}; an anonymous memfd shares (or keeps private) the same way
 *     without a file left on a disk.</li>
 * <li>otherwise {@code memory-backend-ram}.</li>
 * </ul>
 * A file backend gets a folder as {@code mem-path}, not a file: QEMU makes a temporary file there and
 * unlinks it at once, so nothing outlives the guest, not even after a crash (libvirt names a file per
 * domain and node and removes it when the guest stops). {@code <discard/>} is {@code discard-data=on},
 * a property only file backends have (libvirt drops it for the others, as Vireo does).
 */
final class MemoryBackendObject {

    private MemoryBackendObject() {
    }

    /**
     * @param cellShare   a NUMA cell's own {@code memAccess} ({@code share=on|off}), or null
     * @param cellDiscard a NUMA cell's own {@code discard}, or null
     * @param wholeRam    whether this is the guest's whole RAM ({@code pc.ram})
     * @param size        QEMU's size value ({@code 268435456}, {@code 128M})
     */
    static String of(BuildContext ctx, String id, Boolean cellShare, Boolean cellDiscard, boolean wholeRam, String size)
            throws UnsupportedConfigurationException {
        MemoryBacking mb = ctx.domain().getMemoryBacking();
        MemoryAllocation alloc = mb == null ? null : mb.getAllocation();
        boolean hugepages = mb != null && mb.isHugepages();
        boolean ondemand = alloc != null && alloc.getMode() == MemoryAllocationMode.ONDEMAND;
        if (hugepages && ondemand) {
            throw new UnsupportedConfigurationException("<memoryBacking><hugepages/> with <allocation mode='ondemand'/>: "
                    + "hugepages are always allocated at start (libvirt refuses this too)");
        }
        MemorySourceType source = mb == null || mb.getSource() == null ? null : mb.getSource().getType();
        Boolean share = cellShare;
        if (share == null && mb != null && mb.getAccess() != null && mb.getAccess().getMode() != null) {
            share = mb.getAccess().getMode() == MemoryAccessMode.SHARED;
        }
        boolean discard = cellDiscard != null ? cellDiscard : mb != null && Boolean.TRUE.equals(mb.getDiscard());
        OptionString o;
        if (hugepages && source == MemorySourceType.MEMFD) {
            // libvirt refuses this too without a hugetlbfs mount, though the memfd needs no folder
            MemoryBackendArgs.hugepageFolder(ctx);
            o = new OptionString("memory-backend-memfd").add("id", id).add("hugetlb", "on");
            discard = false;
        } else if (hugepages) {
            o = new OptionString("memory-backend-file").add("id", id)
                    .add("mem-path", MemoryBackendArgs.hugepageFolder(ctx).toString());
        } else if (source == MemorySourceType.FILE || Boolean.TRUE.equals(cellDiscard)) {
            // A cell's discard needs discard-data, which only file backends have.
            String dir = source == MemorySourceType.FILE ? ctx.options().memoryBackingDir().toString() : NumaBackend.DISCARD_FOLDER;
            o = new OptionString("memory-backend-file").add("id", id).add("mem-path", dir);
        } else if (source == MemorySourceType.MEMFD || share != null) {
            o = new OptionString("memory-backend-memfd").add("id", id);
            discard = false;
        } else {
            o = new OptionString("memory-backend-ram").add("id", id);
            discard = false;
        }
        if (discard) o.add("discard-data", "on");
        if (share != null) o.add("share", share ? "on" : "off");
        if (wholeRam && !o.toString().startsWith("memory-backend-ram")) {
            o.add("x-use-canonical-path-for-ramblock-id", "off");
        }
        if (hugepages || alloc != null && alloc.getMode() == MemoryAllocationMode.IMMEDIATE) o.add("prealloc", "on");
        if (alloc != null && alloc.getThreads() != null) o.add("prealloc-threads", alloc.getThreads());
        o.add("size", size);
        return o.toString();
    }
}
