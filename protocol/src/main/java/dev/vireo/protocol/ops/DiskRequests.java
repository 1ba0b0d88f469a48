package dev.vireo.protocol.ops;

import java.util.List;
import java.util.Map;

/** A domain's disks: sizes, counters, errors, limits, thresholds and statistics. */
public interface DiskRequests {

    /** The sizes of a disk's top image; {@code disk} (target or path) null for every local disk. */
    record DomBlkInfo(String domain, @Nullable String disk) implements Request {
        @Override public String op() { return "domblkinfo"; }
    }

    /** A running disk's I/O counters; {@code disk} null for the sum over every disk. */
    record DomBlkStat(String domain, @Nullable String disk) implements Request {
        @Override public String op() { return "domblkstat"; }
    }

    /**
     * Resizes a disk's top image to {@code size} bytes, or with {@code capacity} to its block
     * device's size (exactly one of the two); {@code shrink} allows making it smaller.
     */
    record BlockResize(String domain, String disk, boolean capacity, boolean shrink, @Nullable Long size)
            implements Request {
        @Override public String op() { return "blockresize"; }
    }

    /** The disks whose device QEMU stopped on an I/O error. */
    record DomBlkError(String domain) implements Request {
        @Override public String op() { return "domblkerror"; }
    }

    /**
     * A write threshold on a disk or one of its layers ({@code vda[N]}): {@code threshold} bytes or
     * {@code percent} of its size.
     */
    record DomBlkThreshold(String domain, String dev, @Nullable Long threshold, @Nullable Long percent)
            implements Request {
        @Override public String op() { return "domblkthreshold"; }
    }

    /**
     * A disk's I/O limits read (no values and no group) or changed, on the running guest and/or in
     * the stored definition.
     *
     * @param values    limits by libvirt's names ({@code total_bytes_sec}, ...)
     * @param groupName the throttle group, or null to leave it
     */
    record BlkDevIoTune(String domain, String disk, boolean live, boolean config, Map<String, Long> values,
                        @Nullable String groupName) implements Request.SnakeCase {
        @Override public String op() { return "blkdeviotune"; }
    }

    /**
     * libvirt's typed statistics of some domains (every one when {@code domains} is null or empty);
     * neither {@code state} nor {@code block} means both.
     */
    record DomStats(@Nullable List<String> domains, boolean state, boolean block, boolean backing) implements Request {
        @Override public String op() { return "domstats"; }
    }
}
