package dev.vireo.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** virsh's scaled integers (blockresize SIZE, blkdeviotune --*-bytes-sec, domblkthreshold THRESHOLD). */
class ScaledNumbersTest {

    @Test
    void suffixesScaleAsVirshScalesThem() throws Exception {
        assertEquals(100 * 1024L, ScaledNumbers.scaled("100", 1024, "size"));
        assertEquals(100L, ScaledNumbers.scaled("100B", 1024, "size"));
        assertEquals(100L, ScaledNumbers.scaled("100bytes", 1024, "size"));
        assertEquals(1L << 20, ScaledNumbers.scaled("1M", 1, "x"));
        assertEquals(1L << 20, ScaledNumbers.scaled("1MiB", 1, "x"));
        assertEquals(1_000_000L, ScaledNumbers.scaled("1MB", 1, "x"));
        assertEquals(3L << 30, ScaledNumbers.scaled("3g", 1, "x"));
        assertEquals(1L << 40, ScaledNumbers.scaled("1T", 1, "x"));
    }

    @Test
    void malformedOrTooLargeIsRefusedWithVirshsMessage() {
        assertEquals("Scaled numeric value '1x' for <total-bytes-sec> option is malformed or out of range",
                assertThrows(UsageException.class, () -> ScaledNumbers.scaled("1x", 1, "total-bytes-sec")).getMessage());
        assertThrows(UsageException.class, () -> ScaledNumbers.scaled("-1", 1, "size"));
        assertThrows(UsageException.class, () -> ScaledNumbers.scaled("9E", 1, "size"));
        assertThrows(UsageException.class, () -> ScaledNumbers.scaled("1KiBB", 1, "size"));
        assertEquals("Numeric value '1k' for <total-iops-sec> option is malformed or out of range",
                assertThrows(UsageException.class, () -> ScaledNumbers.plain("1k", "total-iops-sec")).getMessage());
    }
}
