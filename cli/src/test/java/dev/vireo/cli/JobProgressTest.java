package dev.vireo.cli;

import dev.vireo.protocol.BlockJobState;
import dev.vireo.protocol.DomainEvent;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** virsh's progress line and event lines for block jobs. */
class JobProgressTest {
    @Test
    void percentIsVirshsAndNeverShows100BeforeTheEnd() {
        assertEquals(0, JobProgress.percent(0, 100));
        assertEquals(45, JobProgress.percent(45, 100));
        assertEquals(99, JobProgress.percent(99_999, 100_000));
        assertEquals(100, JobProgress.percent(100, 100));
        assertEquals(0, JobProgress.percent(0, 0));
    }

    @Test
    void theLineIsVirshsFormatOnStderrThen100OnlyAtTheEnd() {
        StringWriter err = new StringWriter();
        JobProgress p = new JobProgress(new PrintWriter(err), "Block Pull");
        p.show(state(45, 100, false));
        p.show(state(100, 100, false));
        p.finished();
        String text = err.toString();
        assertTrue(text.startsWith("\rBlock Pull: [ 45 %]"), text);
        assertTrue(text.contains("\rBlock Pull: [ 99 %]"), "100 % only once it is over: " + text);
        assertTrue(text.endsWith("\rBlock Pull: [100 %]") || text.matches("(?s).*\\rBlock Pull: \\[100 %] *$"), text);
    }

    @Test
    void aPausedJobSaysSo() {
        StringWriter err = new StringWriter();
        new JobProgress(new PrintWriter(err), "Block commit").show(state(10, 100, true));
        assertEquals("\rBlock commit: [ 10 %]  paused", err.toString());
    }

    @Test
    void blockJobEventsAreVirshsBlockJobAndBlockJob2Lines() {
        DomainEvent e = new DomainEvent("vm", "block-job", "Block Pull", "for vda completed",
                Map.of("job", "pull-vda-libvirt-1-format", "disk", "vda", "path", "/img/top.qcow2", "status", "completed"));
        assertEquals(List.of("event 'block-job' for domain 'vm': Block Pull for /img/top.qcow2 completed",
                "event 'block-job-2' for domain 'vm': Block Pull for vda completed"), LifecycleCommands.describe(e, null));
        assertEquals(List.of("event 'block-job-2' for domain 'vm': Block Pull for vda completed"),
                LifecycleCommands.describe(e, "block-job-2"));
        assertEquals(List.of(), LifecycleCommands.describe(e, "lifecycle"));
        assertEquals(List.of(), LifecycleCommands.describe(new DomainEvent("vm", "lifecycle", "Started", "Booted"), "block-job"));
    }

    private static BlockJobState state(long cur, long end, boolean paused) {
        return new BlockJobState("pull-vda-libvirt-1-format", "PULL", "Block Pull", "vda", paused ? "paused" : "running",
                cur, end, 0, false, paused, "ok", false, null);
    }
}
