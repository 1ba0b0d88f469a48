package dev.vireo.cli;

import dev.vireo.protocol.BackingLayer;
import dev.vireo.protocol.DiskSummary;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BlockListDetailsTest {
    @Test
    void backingLayersFollowTheirDiskAsIndexedTargets() {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        BlockListDetails.print(List.of(
                new DiskSummary("vda", "/img/top.qcow2", "file", "disk", List.of(
                        new BackingLayer(1, "file", "qcow2", "/img/mid.qcow2"),
                        new BackingLayer(2, "block", "raw", "/dev/sdz"))),
                new DiskSummary("hdc", null, "file", "cdrom", List.of())), out);
        out.flush();
        assertEquals("""
                Type       Device     Target     Source
                ------------------------------------------------
                file       disk       vda        /img/top.qcow2
                file       disk       vda[1]     /img/mid.qcow2
                block      disk       vda[2]     /dev/sdz
                file       cdrom      hdc        -

                """, text.toString());
    }
}
