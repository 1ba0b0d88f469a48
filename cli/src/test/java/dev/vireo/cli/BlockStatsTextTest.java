package dev.vireo.cli;

import dev.vireo.protocol.DiskStats;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected texts are virsh 9.0's for the same counters ({@code virsh domblkstat GUEST vda [--human]}). */
class BlockStatsTextTest {
    private static final DiskStats VDA = new DiskStats("vda", 1, 512, 0, 0, 0, 59599, 0, 0);

    @Test
    void oneLinePerCounterInVirshsOrder() {
        assertEquals("""
                vda rd_req 1
                vda rd_bytes 512
                vda wr_req 0
                vda wr_bytes 0
                vda flush_operations 0
                vda rd_total_times 59599
                vda wr_total_times 0
                vda flush_total_times 0

                """, text(VDA, false));
    }

    @Test
    void theSumOverAllDisksHasAnEmptyDiskName() {
        DiskStats all = VDA.plus(new DiskStats("hdc", 2, 4096, 3, 1024, 1, 10, 20, 30));
        assertEquals("""
                 rd_req 3
                 rd_bytes 4608
                 wr_req 3
                 wr_bytes 1024
                 flush_operations 1
                 rd_total_times 59609
                 wr_total_times 20
                 flush_total_times 30

                """, text(all, false));
    }

    @Test
    void humanLabelsArePaddedToTheLongest() {
        assertEquals("""
                Device: vda
                 number of read operations:      1
                 number of bytes read:           512
                 number of write operations:     0
                 number of bytes written:        0
                 number of flush operations:     0
                 total duration of reads (ns):   59599
                 total duration of writes (ns):  0
                 total duration of flushes (ns): 0

                """, text(VDA, true));
    }

    private static String text(DiskStats stats, boolean human) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        BlockStatsText.print(stats, human, out);
        out.flush();
        return text.toString();
    }
}
