package dev.vireo.command.iotune;

import dev.vireo.conf.model.DiskIoTune;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;


/**
 * One {@code blkdeviotune} setting, merged into a disk's limits as libvirt 9 merges it:
 * <ul>
 *   <li>limits come in families (bytes, iops, bytes max, iops max): naming one member of a family
 *       sets all three, the ones not named to 0, so a new read/write limit replaces a total one
 *       and the other way round; a family not named keeps its values, as do the I/O size and
 *       the group;</li>
 *   <li>a total and a read or write limit of the same family together are refused;</li>
 *   <li>the burst lengths are a family per kind (bytes, iops) too, but a length that had a value
 *       and is not named becomes 1 when its limit or burst is still set (QEMU refuses 0 for
 *       a burst in use), else 0.</li>
 * </ul>
 *
 * @param values the limits given, by field (0 clears a limit)
 * @param group  the group name given, or null to keep the current one
 */
public record IoTuneChange(Map<IoTuneField, Long> values, String group) {

    private record Family(String name, List<IoTuneField> members) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("bytes_sec", List.of(IoTuneField.TOTAL_BYTES_SEC, IoTuneField.READ_BYTES_SEC, IoTuneField.WRITE_BYTES_SEC)),
            new Family("iops_sec", List.of(IoTuneField.TOTAL_IOPS_SEC, IoTuneField.READ_IOPS_SEC, IoTuneField.WRITE_IOPS_SEC)),
            new Family("bytes_sec_max", List.of(IoTuneField.TOTAL_BYTES_SEC_MAX, IoTuneField.READ_BYTES_SEC_MAX, IoTuneField.WRITE_BYTES_SEC_MAX)),
            new Family("iops_sec_max", List.of(IoTuneField.TOTAL_IOPS_SEC_MAX, IoTuneField.READ_IOPS_SEC_MAX, IoTuneField.WRITE_IOPS_SEC_MAX)),
            new Family("size_iops_sec", List.of(IoTuneField.SIZE_IOPS_SEC)),
            new Family("bytes_sec_max_length", List.of(IoTuneField.TOTAL_BYTES_SEC_MAX_LENGTH,
                    IoTuneField.READ_BYTES_SEC_MAX_LENGTH, IoTuneField.WRITE_BYTES_SEC_MAX_LENGTH)),
            new Family("iops_sec_max_length", List.of(IoTuneField.TOTAL_IOPS_SEC_MAX_LENGTH,
                    IoTuneField.READ_IOPS_SEC_MAX_LENGTH, IoTuneField.WRITE_IOPS_SEC_MAX_LENGTH)));

    /** Each burst length with the limit and burst it lengthens. */
    private static final Map<IoTuneField, List<IoTuneField>> LENGTH_OF = Map.of(
            IoTuneField.TOTAL_BYTES_SEC_MAX_LENGTH, List.of(IoTuneField.TOTAL_BYTES_SEC, IoTuneField.TOTAL_BYTES_SEC_MAX),
            IoTuneField.READ_BYTES_SEC_MAX_LENGTH, List.of(IoTuneField.READ_BYTES_SEC, IoTuneField.READ_BYTES_SEC_MAX),
            IoTuneField.WRITE_BYTES_SEC_MAX_LENGTH, List.of(IoTuneField.WRITE_BYTES_SEC, IoTuneField.WRITE_BYTES_SEC_MAX),
            IoTuneField.TOTAL_IOPS_SEC_MAX_LENGTH, List.of(IoTuneField.TOTAL_IOPS_SEC, IoTuneField.TOTAL_IOPS_SEC_MAX),
            IoTuneField.READ_IOPS_SEC_MAX_LENGTH, List.of(IoTuneField.READ_IOPS_SEC, IoTuneField.READ_IOPS_SEC_MAX),
            IoTuneField.WRITE_IOPS_SEC_MAX_LENGTH, List.of(IoTuneField.WRITE_IOPS_SEC, IoTuneField.WRITE_IOPS_SEC_MAX));

    public IoTuneChange {
        values = Map.copyOf(values.isEmpty() ? Map.of() : new EnumMap<>(values));
    }

    /** Whether nothing is set: the command then only reports the limits. */
    public boolean isQuery() {
        return values.isEmpty() && group == null;
    }

    /**
     * libvirt's refusal of a total and a read/write limit of one family in one change
     * ({@code total and read/write of bytes_sec cannot be set at the same time}), or null.
     */
    public String refusal() {
        for (Family f : FAMILIES.subList(0, 4)) {
            boolean total = values.getOrDefault(f.members().get(0), 0L) != 0;
            boolean rw = values.getOrDefault(f.members().get(1), 0L) != 0 || values.getOrDefault(f.members().get(2), 0L) != 0;
            if (total && rw) return "total and read/write of " + f.name() + " cannot be set at the same time";
        }
        return null;
    }

    /** The limits after this change (a new object; {@code old} may be null and is not changed). */
    public DiskIoTune applyTo(DiskIoTune old) {
        DiskIoTune out = IoTunes.copy(old);
        for (Family f : FAMILIES) {
            if (f.members().stream().noneMatch(values::containsKey)) continue;
            for (IoTuneField m : f.members()) {
                long given = values.getOrDefault(m, 0L);
                long before = m.get(old);
                if (LENGTH_OF.containsKey(m) && !values.containsKey(m) && before != 0) {
                    boolean inUse = false;
                    for (IoTuneField related : LENGTH_OF.get(m)) inUse |= related.get(out) != 0 || related.get(old) != 0;
                    given = inUse ? 1 : 0;
                }
                m.set(out, given);
            }
        }
        if (group != null) out.setGroupName(group.isEmpty() ? null : group);
        return out;
    }

}
