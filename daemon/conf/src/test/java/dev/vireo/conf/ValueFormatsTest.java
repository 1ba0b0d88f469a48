package dev.vireo.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** libvirt's small value languages: CPU lists, memory units, disk names. */
class ValueFormatsTest {

    @Test
    void cpuListsPrintAsShortestRanges() {
        assertEquals("1-4,8-20,525", CpuSet.normalise("1-4,8-20,525"));
        assertEquals("0-3,5", CpuSet.normalise("0-5,^4"));
        assertEquals("0,2", CpuSet.normalise(" 2 , 0 "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("1,,2")).getMessage().contains("empty entry"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("a-3")).getMessage().contains("'a' is not a number"));
    }

    @Test
    void memoryUnitsScaleToKibRoundingUp() {
        assertEquals(1, MemoryUnits.toKiB(1, "b"));
        assertEquals(1024, MemoryUnits.toKiB(1, "M"));
        assertEquals(1024, MemoryUnits.toKiB(1, "MiB"));
        assertEquals(977, MemoryUnits.toKiB(1, "MB"), "10^6 bytes is 976.56 KiB, rounded up");
        assertEquals(1048576, MemoryUnits.toKiB(1, "GiB"));
        assertEquals(5, MemoryUnits.toKiB(5, null));
        var e = assertThrows(IllegalArgumentException.class, () -> MemoryUnits.toKiB(1, "furlongs"));
        assertTrue(e.getMessage().contains("allowed: b, bytes, KB"), e.getMessage());
    }

    @Test
    void diskNamesCountLikeSpreadsheetColumns() {
        assertEquals(0, DiskNames.index("hda"));
        assertEquals(25, DiskNames.index("sdz"));
        assertEquals(26, DiskNames.index("sdaa"));
        assertEquals(52, DiskNames.index("vdba"));
        assertEquals(2, DiskNames.index("xvdc"));
        assertEquals(-1, DiskNames.index("nvme0n1"));
        assertEquals(-1, DiskNames.index("hd"));
    }
}
