package dev.vireo.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code domblkstat}: a running disk's I/O counters since QEMU started, as QEMU's
 * {@code query-blockstats} reports them for the disk's device (times in nanoseconds). The wire
 * and {@code --json} use virsh's field names, in virsh's order ({@link #FIELDS}).
 *
 * @param disk the disk's target ({@code vda}), or empty for the sum over every disk
 */
public record DiskStats(String disk, long rdReq, long rdBytes, long wrReq, long wrBytes, long flushOperations,
                        long rdTotalTimes, long wrTotalTimes, long flushTotalTimes) {

    /** virsh's names of the counters, in its order. */
    public static final List<String> FIELDS = List.of("rd_req", "rd_bytes", "wr_req", "wr_bytes",
            "flush_operations", "rd_total_times", "wr_total_times", "flush_total_times");

    public DiskStats {
        if (disk == null) throw new IllegalArgumentException("disk is null (empty for every disk)");
    }

    /** The counters by virsh's name, in virsh's order. */
    public Map<String, Long> fields() {
        long[] values = {rdReq, rdBytes, wrReq, wrBytes, flushOperations, rdTotalTimes, wrTotalTimes, flushTotalTimes};
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) out.put(FIELDS.get(i), values[i]);
        return out;
    }

    /** The inverse of {@link #fields()}; every one of {@link #FIELDS} must be present. */
    public static DiskStats of(String disk, Map<String, Long> fields) {
        long[] v = new long[FIELDS.size()];
        for (int i = 0; i < v.length; i++) {
            Long value = fields.get(FIELDS.get(i));
            if (value == null) throw new IllegalArgumentException("block statistics without '" + FIELDS.get(i) + "'");
            v[i] = value;
        }
        return new DiskStats(disk, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /** The counters of both added up (the whole-domain form, {@code disk} empty). */
    public DiskStats plus(DiskStats o) {
        return new DiskStats("", rdReq + o.rdReq, rdBytes + o.rdBytes, wrReq + o.wrReq, wrBytes + o.wrBytes,
                flushOperations + o.flushOperations, rdTotalTimes + o.rdTotalTimes, wrTotalTimes + o.wrTotalTimes,
                flushTotalTimes + o.flushTotalTimes);
    }
}
