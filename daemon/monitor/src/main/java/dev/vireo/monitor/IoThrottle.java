package dev.vireo.monitor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A device's I/O limits, as {@code block_set_io_throttle} takes them and {@code query-block}
 * reports them: QEMU's keys ({@code bps}, {@code bps_rd_max}, {@code iops_size} ...), 0 meaning
 * unlimited.
 *
 * @param id     the guest device's qdev id
 * @param limits QEMU's numeric keys and values; the six base limits are always sent (QEMU requires
 *               them), the others only when not 0 (QEMU refuses a burst length of 0)
 * @param group  the throttle group shared with other devices, or null for the device's own
 */
public record IoThrottle(String id, Map<String, Long> limits, String group) {

    /** The limits QEMU requires in every {@code block_set_io_throttle}. */
    public static final List<String> REQUIRED = List.of("bps", "bps_rd", "bps_wr", "iops", "iops_rd", "iops_wr");

    /** Every numeric key of QAPI's BlockIOThrottle. */
    public static final List<String> KEYS = List.of("bps", "bps_rd", "bps_wr", "iops", "iops_rd", "iops_wr",
            "bps_max", "bps_rd_max", "bps_wr_max", "iops_max", "iops_rd_max", "iops_wr_max",
            "bps_max_length", "bps_rd_max_length", "bps_wr_max_length", "iops_max_length", "iops_rd_max_length",
            "iops_wr_max_length", "iops_size");

    public IoThrottle {
        for (String k : limits.keySet()) {
            if (!KEYS.contains(k)) throw new IllegalArgumentException("not an I/O limit of QEMU: " + k);
        }
        limits = Map.copyOf(new LinkedHashMap<>(limits));
    }

    /** The value of {@code key}, 0 when unset. */
    public long limit(String key) {
        return limits.getOrDefault(key, 0L);
    }
}
