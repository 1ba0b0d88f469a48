package dev.vireo.command;

import dev.vireo.conf.model.NumaCell;
import dev.vireo.conf.model.NumaSibling;
import java.util.List;

/**
 * {@code <numa><cell><distances>} as libvirt 9 writes them, after every {@code -numa node}: once any
 * cell has distances, the whole table, {@code -numa dist,src=I,dst=J,val=D} for every pair of cells in
 * id order, a distance no cell gives being 10 to itself and 20 to another (ACPI's defaults). The
 * table was completed when the XML was read (a distance one way is the other way's too).
 */
final class NumaDistanceArgs {
    private static final int LOCAL = 10;
    private static final int REMOTE = 20;
    /** {@code -numa dist} came with QEMU 2.10. */
    private static final int SINCE = 2_010_000;

    private NumaDistanceArgs() {
    }

    static void write(BuildContext ctx, List<NumaCell> cells, ArgvWriter out) throws UnsupportedConfigurationException {
        int n = cells.size();
        Integer[][] table = new Integer[n][n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            NumaCell cell = cells.get(i);
            if (cell.getDistances() == null) continue;
            int src = cell.getId() == null ? i : cell.getId();
            for (NumaSibling s : cell.getDistances().getSiblings()) {
                table[src][s.getId()] = s.getValue();
                any = true;
            }
        }
        if (!any) return;
        if (!ctx.qemuAtLeast(SINCE)) {
            throw new UnsupportedConfigurationException("<numa><cell><distances>: -numa dist needs QEMU 2.10 or later");
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int value = table[i][j] != null ? table[i][j] : i == j ? LOCAL : REMOTE;
                out.option("-numa", "dist,src=" + i + ",dst=" + j + ",val=" + value);
            }
        }
    }
}
