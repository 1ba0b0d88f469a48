package dev.vireo.cli;

import dev.vireo.protocol.DiskInfo;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Expected texts are virsh 9.0's for the same sizes (a 64 MiB qcow2 and an empty cdrom:
 * {@code virsh domblkinfo GUEST vda [--human]}, {@code virsh domblkinfo GUEST --all [--human]}).
 */
class BlockInfoTextTest {
    private static final DiskInfo VDA = new DiskInfo("vda", 67108864L, 200704L, 196616L);
    private static final DiskInfo HDC = new DiskInfo("hdc", null, null, null);

    @Test
    void oneDisk() {
        assertEquals("""
                Capacity:       67108864
                Allocation:     200704
                Physical:       196616

                """, text(out -> BlockInfoText.printOne(VDA, false, out)));
        assertEquals("""
                Capacity:       64.000 MiB
                Allocation:     196.000 KiB
                Physical:       192.008 KiB

                """, text(out -> BlockInfoText.printOne(VDA, true, out)));
    }

    @Test
    void everyDiskAsATableWithDashesForAnEmptyDrive() {
        assertEquals("""
                 Target   Capacity   Allocation   Physical
                --------------------------------------------
                 vda      67108864   200704       196616
                 hdc      -          -            -

                """, text(out -> BlockInfoText.printAll(List.of(VDA, HDC), false, out)));
        assertEquals("""
                 Target   Capacity     Allocation    Physical
                --------------------------------------------------
                 vda      64.000 MiB   196.000 KiB   192.008 KiB
                 hdc      -            -             -

                """, text(out -> BlockInfoText.printAll(List.of(VDA, HDC), true, out)));
    }

    @Test
    void humanSizesTakeTheLargestUnitReached() {
        assertEquals("512.000 B", BlockInfoText.size(512, true));
        assertEquals("1.000 KiB", BlockInfoText.size(1024, true));
        assertEquals("1.500 GiB", BlockInfoText.size(3L << 29, true));
    }

    private static String text(Consumer<PrintWriter> print) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        print.accept(out);
        out.flush();
        return text.toString();
    }
}
