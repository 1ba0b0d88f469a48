package dev.vireo.daemon.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.client.VireoClient;
import dev.vireo.daemon.Json;
import dev.vireo.process.TestGuest;
import dev.vireo.protocol.BlockJobState;
import dev.vireo.protocol.DomainEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.vireo.daemon.lifecycle.BlockPullE2ETest.backingOf;
import static dev.vireo.daemon.lifecycle.BlockPullE2ETest.chainOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of the daemon while block jobs run on a real guest (QEMU 7.2, TCG, the guest writing):
 * after the restart the job is listed and can be controlled; a job that ended while the daemon was
 * down, or in the window between its conclusion and its dismissal, is applied then and its end
 * reaches clients that subscribe afterwards as {@code completed}.
 */
class BlockJobRestartE2ETest {
    @TempDir
    Path tmp;
    DaemonProcess daemon;

    @BeforeEach
    void start() throws Exception {
        daemon = DaemonProcess.start(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        daemon.close();
    }

    private void boot(VireoClient c, String name) throws Exception {
        c.create(BlockPullE2ETest.guestXml(tmp, name, "rewrite"));
        daemon.awaitConsole(name, TestGuest.ROUND);
    }

    private static int qemuJobs(VireoClient c, String domain) throws Exception {
        JsonNode r = Json.MAPPER.readTree(c.qemuMonitorCommand(domain, "{\"execute\":\"query-jobs\"}"));
        return r.path("return").size();
    }

    @Test
    void runningPullAndCommitAreFollowedAgainAndControllable() throws Exception {
        try (VireoClient c = daemon.client()) {
            boot(c, "run");
            c.blockPull("run", "vda", "vda[3]", 1 << 20, false);
        }
        daemon.kill9();
        daemon.start();
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events("run")) {
            BlockJobState s = c.blockJobInfo("run", "vda");
            assertNotNull(s, "the pull is listed after the restart");
            assertEquals("pull-vda-libvirt-1-format", s.job());
            assertEquals(1 << 20, s.bandwidth());
            c.blockJobPause("run", "vda");
            assertTrue(c.blockJobInfo("run", "vda").paused());
            c.blockJobResume("run", "vda");
            c.blockJobSetSpeed("run", "vda", 0);
            assertEquals("completed", events.status(s.job()));
            assertEquals(List.of("vda " + tmp.resolve("run-top.qcow2"), "vda[3] " + tmp.resolve("run-base.qcow2")), chainOf(c, "run"));

            // now a slow active commit, killed while it runs
            c.blockCommit("run", "vda", new VireoClient.CommitOptions(null, null, false, true, false, false, 1 << 20));
        }
        daemon.kill9();
        daemon.start();
        try (VireoClient c = daemon.client(); BlockJobEvents events = daemon.events("run")) {
            BlockJobState s = c.blockJobInfo("run", "vda");
            assertNotNull(s, "the commit is listed after the restart");
            assertEquals("ACTIVE_COMMIT", s.kind());
            c.blockJobSetSpeed("run", "vda", 0);
            if (!c.blockJobInfo("run", "vda").ready()) assertEquals("ready", events.status(s.job()));
            c.blockJobPivot("run", "vda");
            assertEquals("completed", events.end(s.job()));
            assertEquals(List.of("vda " + tmp.resolve("run-base.qcow2")), chainOf(c, "run"));
            assertEquals("running", c.domState("run").state());
            c.destroy("run");
        }
    }

    @Test
    void aPullThatEndedWhileTheDaemonWasDownIsAppliedAndAnnouncedToLaterSubscribers() throws Exception {
        try (VireoClient c = daemon.client()) {
            boot(c, "away");
            c.blockPull("away", "vda", null, 16 << 20, false);   // 64 MiB at 16 MiB/s: ends within seconds
        }
        daemon.kill9();
        Thread.sleep(8000);
        daemon.start();
        assertRecoveredCompletion("away");
    }

    @Test
    void aCrashBetweenTheConclusionAndTheDismissalIsFinishedAtTheRestart() throws Exception {
        daemon.kill9();   // (removes the socket, so that start() waits for the new daemon's)
        daemon.jvmOptions = List.of("-Dvireo.test.holdConclusion=60000");
        daemon.start();
        try (VireoClient c = daemon.client()) {
            boot(c, "window");
            c.blockPull("window", "vda", null, 0, false);
        }
        daemon.awaitLog("test hook: holding the conclusion of block job pull-vda-libvirt-1-format");
        daemon.kill9();
        daemon.jvmOptions = List.of();
        daemon.start();
        assertRecoveredCompletion("window");
    }

    /** The whole chain was pulled while the daemon was away: applied, dismissed, and announced. */
    private void assertRecoveredCompletion(String name) throws Exception {
        try (VireoClient c = daemon.client()) {
            VireoClient listener = daemon.client();
            listener.subscribe(name);
            DomainEvent[] heard = new DomainEvent[1];
            listener.eventLoop(Duration.ofSeconds(30), e -> {
                if (!e.kind().equals("block-job")) return true;
                heard[0] = e;
                return false;
            });
            listener.close();
            assertNotNull(heard[0], "a client that subscribes after the restart hears of the end");
            assertEquals("completed", heard[0].fields().get("status"));
            assertEquals("pull-vda-libvirt-1-format", heard[0].fields().get("job"));
            assertNull(c.blockJobInfo(name, "vda"));
            assertEquals(0, qemuJobs(c, name), "dismissed in QEMU");
            assertEquals(List.of("vda " + tmp.resolve(name + "-top.qcow2")), chainOf(c, name));
            assertNull(backingOf(tmp.resolve(name + "-top.qcow2")));
            assertEquals(List.of(), RuntimeRecord.read(tmp.resolve("run/qemu/" + name + ".json")).blockJobs());
            String log = Files.readString(tmp.resolve("vireod.log"));
            assertTrue(log.contains("block job pull-vda-libvirt-1-format of " + name + " on vda concluded: completed"), log);
            c.destroy(name);
        }
    }
}
