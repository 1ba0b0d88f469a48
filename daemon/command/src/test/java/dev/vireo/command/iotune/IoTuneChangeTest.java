package dev.vireo.command.iotune;

import dev.vireo.conf.model.DiskIoTune;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * blkdeviotune's merge, checked against what libvirt 9.0 stored for the same sequence of
 * {@code virsh -c qemu:///system blkdeviotune DOM vda ... --config} calls (dumpxml --inactive after each).
 */
class IoTuneChangeTest {

    @Test
    void aSequenceMergesAsLibvirtStoredIt() {
        // <iotune> as defined: total_bytes_sec 1048576, read_iops_sec 100, total_bytes_sec_max 2097152,
        // total_bytes_sec_max_length 5, group_name g1, size_iops_sec 4096
        DiskIoTune t = new DiskIoTune();
        t.setTotalBytesSec(1048576L);
        t.setReadIopsSec(100L);
        t.setTotalBytesSecMax(2097152L);
        t.setTotalBytesSecMaxLength(5L);
        t.setGroupName("g1");
        t.setSizeIopsSec(4096L);

        // --read-bytes-sec-max 100: the bytes-max family is replaced, the rest kept
        t = change(Map.of(IoTuneField.READ_BYTES_SEC_MAX, 100L), null).applyTo(t);
        assertEquals("total_bytes_sec=1048576 read_iops_sec=100 read_bytes_sec_max=100 size_iops_sec=4096 "
                + "group_name=g1 total_bytes_sec_max_length=5", text(t));
        // --read-bytes-sec-max-length 100: a length that was set and is not named becomes 1 while its limit is set
        t = change(Map.of(IoTuneField.READ_BYTES_SEC_MAX_LENGTH, 100L), null).applyTo(t);
        assertEquals("total_bytes_sec=1048576 read_iops_sec=100 read_bytes_sec_max=100 size_iops_sec=4096 "
                + "group_name=g1 total_bytes_sec_max_length=1 read_bytes_sec_max_length=100", text(t));
        // --total-bytes-sec-max-length 7
        t = change(Map.of(IoTuneField.TOTAL_BYTES_SEC_MAX_LENGTH, 7L), null).applyTo(t);
        assertEquals("total_bytes_sec=1048576 read_iops_sec=100 read_bytes_sec_max=100 size_iops_sec=4096 "
                + "group_name=g1 total_bytes_sec_max_length=7 read_bytes_sec_max_length=1", text(t));
        // --total-bytes-sec 0 clears the bytes family; --group-name g2; --total-bytes-sec-max 9 --read-iops-sec-max-length 3
        t = change(Map.of(IoTuneField.TOTAL_BYTES_SEC, 0L), null).applyTo(t);
        t = change(Map.of(), "g2").applyTo(t);
        t = change(Map.of(IoTuneField.TOTAL_BYTES_SEC_MAX, 9L, IoTuneField.READ_IOPS_SEC_MAX_LENGTH, 3L), null).applyTo(t);
        assertEquals("read_iops_sec=100 total_bytes_sec_max=9 size_iops_sec=4096 group_name=g2 "
                + "total_bytes_sec_max_length=7 read_bytes_sec_max_length=1 read_iops_sec_max_length=3", text(t));
    }

    @Test
    void totalsWithReadOrWriteOfOneFamilyAreRefusedAsLibvirtRefusesThem() {
        assertEquals("total and read/write of bytes_sec cannot be set at the same time",
                change(Map.of(IoTuneField.TOTAL_BYTES_SEC, 10L, IoTuneField.READ_BYTES_SEC, 5L), null).refusal());
        assertEquals("total and read/write of iops_sec cannot be set at the same time",
                change(Map.of(IoTuneField.TOTAL_IOPS_SEC, 10L, IoTuneField.WRITE_IOPS_SEC, 5L), null).refusal());
        assertEquals("total and read/write of bytes_sec_max cannot be set at the same time",
                change(Map.of(IoTuneField.TOTAL_BYTES_SEC_MAX, 10L, IoTuneField.READ_BYTES_SEC_MAX, 5L), null).refusal());
        assertEquals("total and read/write of iops_sec_max cannot be set at the same time",
                change(Map.of(IoTuneField.TOTAL_IOPS_SEC_MAX, 10L, IoTuneField.READ_IOPS_SEC_MAX, 5L), null).refusal());
        assertNull(change(Map.of(IoTuneField.TOTAL_BYTES_SEC, 10L, IoTuneField.READ_IOPS_SEC, 5L), null).refusal());
        assertNull(change(Map.of(IoTuneField.TOTAL_BYTES_SEC, 0L, IoTuneField.READ_BYTES_SEC, 5L), null).refusal(),
                "a total of 0 clears it: not a mix");
    }

    @Test
    void zeroEverywhereIsEmptyAndAQueryChangesNothing() {
        assertTrue(change(Map.of(), null).isQuery());
        DiskIoTune t = change(Map.of(IoTuneField.WRITE_BYTES_SEC, 1024L), null).applyTo(null);
        assertFalse(IoTunes.empty(t));
        assertTrue(IoTunes.empty(change(Map.of(IoTuneField.WRITE_BYTES_SEC, 0L), null).applyTo(t)));
        assertEquals(1024L, IoTunes.qemuLimits(t).get("bps_wr"));
        assertEquals(19, IoTunes.qemuLimits(t).size());
    }

    private static IoTuneChange change(Map<IoTuneField, Long> values, String group) {
        return new IoTuneChange(new LinkedHashMap<>(values), group);
    }

    /** The set elements in libvirt's XML order, as NAME=VALUE. */
    private static String text(DiskIoTune t) {
        StringBuilder s = new StringBuilder();
        for (IoTuneField f : IoTuneField.values()) {
            if (f == IoTuneField.TOTAL_BYTES_SEC_MAX_LENGTH && t.getGroupName() != null) s.append(" group_name=").append(t.getGroupName());
            if (f.get(t) != 0) s.append(' ').append(f.libvirtName()).append('=').append(f.get(t));
        }
        return s.toString().trim();
    }
}
