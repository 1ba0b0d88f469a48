package dev.vireo.command.iotune;

import dev.vireo.conf.model.DiskIoTune;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The numeric limits of a disk's {@code <iotune>}, in libvirt's order (the order of its XML and of
 * virsh's {@code blkdeviotune} table): libvirt's name (XML element, typed parameter, virsh option
 * without dashes and with {@code _}) and QEMU's (QAPI {@code BlockIOThrottle}, {@code query-block},
 * legacy {@code -drive}). The group name is the one limit that is not a number.
 */
public enum IoTuneField {
    TOTAL_BYTES_SEC("total_bytes_sec", "bps", DiskIoTune::getTotalBytesSec, DiskIoTune::setTotalBytesSec),
    READ_BYTES_SEC("read_bytes_sec", "bps_rd", DiskIoTune::getReadBytesSec, DiskIoTune::setReadBytesSec),
    WRITE_BYTES_SEC("write_bytes_sec", "bps_wr", DiskIoTune::getWriteBytesSec, DiskIoTune::setWriteBytesSec),
    TOTAL_IOPS_SEC("total_iops_sec", "iops", DiskIoTune::getTotalIopsSec, DiskIoTune::setTotalIopsSec),
    READ_IOPS_SEC("read_iops_sec", "iops_rd", DiskIoTune::getReadIopsSec, DiskIoTune::setReadIopsSec),
    WRITE_IOPS_SEC("write_iops_sec", "iops_wr", DiskIoTune::getWriteIopsSec, DiskIoTune::setWriteIopsSec),
    TOTAL_BYTES_SEC_MAX("total_bytes_sec_max", "bps_max", DiskIoTune::getTotalBytesSecMax, DiskIoTune::setTotalBytesSecMax),
    READ_BYTES_SEC_MAX("read_bytes_sec_max", "bps_rd_max", DiskIoTune::getReadBytesSecMax, DiskIoTune::setReadBytesSecMax),
    WRITE_BYTES_SEC_MAX("write_bytes_sec_max", "bps_wr_max", DiskIoTune::getWriteBytesSecMax, DiskIoTune::setWriteBytesSecMax),
    TOTAL_IOPS_SEC_MAX("total_iops_sec_max", "iops_max", DiskIoTune::getTotalIopsSecMax, DiskIoTune::setTotalIopsSecMax),
    READ_IOPS_SEC_MAX("read_iops_sec_max", "iops_rd_max", DiskIoTune::getReadIopsSecMax, DiskIoTune::setReadIopsSecMax),
    WRITE_IOPS_SEC_MAX("write_iops_sec_max", "iops_wr_max", DiskIoTune::getWriteIopsSecMax, DiskIoTune::setWriteIopsSecMax),
    SIZE_IOPS_SEC("size_iops_sec", "iops_size", DiskIoTune::getSizeIopsSec, DiskIoTune::setSizeIopsSec),
    TOTAL_BYTES_SEC_MAX_LENGTH("total_bytes_sec_max_length", "bps_max_length", DiskIoTune::getTotalBytesSecMaxLength, DiskIoTune::setTotalBytesSecMaxLength),
    READ_BYTES_SEC_MAX_LENGTH("read_bytes_sec_max_length", "bps_rd_max_length", DiskIoTune::getReadBytesSecMaxLength, DiskIoTune::setReadBytesSecMaxLength),
    WRITE_BYTES_SEC_MAX_LENGTH("write_bytes_sec_max_length", "bps_wr_max_length", DiskIoTune::getWriteBytesSecMaxLength, DiskIoTune::setWriteBytesSecMaxLength),
    TOTAL_IOPS_SEC_MAX_LENGTH("total_iops_sec_max_length", "iops_max_length", DiskIoTune::getTotalIopsSecMaxLength, DiskIoTune::setTotalIopsSecMaxLength),
    READ_IOPS_SEC_MAX_LENGTH("read_iops_sec_max_length", "iops_rd_max_length", DiskIoTune::getReadIopsSecMaxLength, DiskIoTune::setReadIopsSecMaxLength),
    WRITE_IOPS_SEC_MAX_LENGTH("write_iops_sec_max_length", "iops_wr_max_length", DiskIoTune::getWriteIopsSecMaxLength, DiskIoTune::setWriteIopsSecMaxLength);

    private final String libvirtName;
    private final String qemuName;
    private final Function<DiskIoTune, Long> getter;
    private final BiConsumer<DiskIoTune, Long> setter;

    IoTuneField(String libvirtName, String qemuName, Function<DiskIoTune, Long> getter, BiConsumer<DiskIoTune, Long> setter) {
        this.libvirtName = libvirtName;
        this.qemuName = qemuName;
        this.getter = getter;
        this.setter = setter;
    }

    /** {@code total_bytes_sec}: the XML element and typed parameter. */
    public String libvirtName() {
        return libvirtName;
    }

    /** {@code bps}: QEMU's key. */
    public String qemuName() {
        return qemuName;
    }

    /** The value, 0 when absent. */
    public long get(DiskIoTune t) {
        Long v = t == null ? null : getter.apply(t);
        return v == null ? 0 : v;
    }

    /** Sets the value; 0 removes the element, as libvirt stores no zero limit. */
    public void set(DiskIoTune t, long value) {
        setter.accept(t, value == 0 ? null : value);
    }

    /** The field called {@code name} by libvirt, or null. */
    public static IoTuneField byLibvirtName(String name) {
        for (IoTuneField f : values()) {
            if (f.libvirtName.equals(name)) return f;
        }
        return null;
    }
}
