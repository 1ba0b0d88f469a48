package dev.vireo.cli;

import dev.vireo.client.SnapshotCalls;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * snapshot-list's table and tree and --diskspec's XML, against what virsh 9.0 printed here
 * ({@code virsh -c qemu:///system snapshot-list snapcmp --parent / --tree}, {@code snapshot-create-as
 * --print-xml}).
 */
class SnapshotTextTest {
    private static String table(List<List<String>> rows) {
        StringWriter s = new StringWriter();
        try (PrintWriter out = new PrintWriter(s)) {
            SnapshotCommands.printTable(out, rows);
        }
        return s.toString();
    }

    @Test
    void tableAsVirshPrintsIt() {
        assertEquals("""
                 Name         Creation Time               State     Parent
                ----------------------------------------------------------------
                 1796302612   2026-12-03 12:56:52 +0000   shutoff   \n\
                 s2           2026-12-03 12:57:04 +0000   shutoff   1796302612
                """, table(List.of(List.of("Name", "Creation Time", "State", "Parent"),
                List.of("1796302612", "2026-12-03 12:56:52 +0000", "shutoff", ""),
                List.of("s2", "2026-12-03 12:57:04 +0000", "shutoff", "1796302612"))));
        assertEquals("""
                 Name   Creation Time   State
                -------------------------------
                """, table(List.of(List.of("Name", "Creation Time", "State"))));
    }

    @Test
    void treeAsVirshPrintsIt() {
        List<SnapshotCalls.Row> rows = List.of(new SnapshotCalls.Row("1796302612", null, 1, "shutoff", false, 1),
                new SnapshotCalls.Row("s2", "1796302612", 2, "shutoff", false, 1),
                new SnapshotCalls.Row("s3", "s2", 3, "shutoff", true, 0));
        StringWriter s = new StringWriter();
        try (PrintWriter out = new PrintWriter(s)) {
            SnapshotCommands.tree(out, rows, null);
        }
        assertEquals("1796302612\n  |\n  +- s2\n      |\n      +- s3\n        \n", s.toString());
    }

    @Test
    void diskspecAsVirshWritesIt() throws Exception {
        assertEquals("""
                    <disk name='vda'>
                      <driver type='qcow2'/>
                      <source file='/tmp/x,y.qcow2'/>
                    </disk>
                """, SnapshotCommands.diskXml("vda,file=/tmp/x,,y.qcow2,driver=qcow2"));
        assertEquals("    <disk name='vdb' snapshot='no'/>\n", SnapshotCommands.diskXml("vdb,snapshot=no"));
    }
}
