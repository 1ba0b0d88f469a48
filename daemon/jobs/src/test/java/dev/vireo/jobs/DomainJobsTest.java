package dev.vireo.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainJobsTest {

    @Test
    void aBoundedWaitNamesTheHolder() throws Exception {
        DomainJobs jobs = new DomainJobs("web", Duration.ofMillis(200));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread starter = Thread.ofVirtual().start(() -> {
            try (DomainJobs.SyncJob ignored = jobs.begin("start")) {
                held.countDown();
                done.await();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        held.await();
        DomainBusyException e = assertThrows(DomainBusyException.class, () -> jobs.begin("destroy"));
        assertTrue(e.getMessage().matches("domain 'web' is busy: operation 'start' has held it for 0 s \\(waited 0 s\\)"),
                e.getMessage());
        done.countDown();
        starter.join();
        try (DomainJobs.SyncJob ignored = jobs.begin("destroy")) {
            assertTrue(jobs.heldByCurrentThread());
        }
    }

    @Test
    void theHolderMayNestAndKeepsItsName() throws Exception {
        DomainJobs jobs = new DomainJobs("web", Duration.ofMillis(100));
        AtomicReference<String> seen = new AtomicReference<>();
        try (DomainJobs.SyncJob outer = jobs.begin("start")) {
            try (DomainJobs.SyncJob inner = jobs.beginInternal("guest event")) {
                assertTrue(jobs.heldByCurrentThread());
            }
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    jobs.begin("suspend").close();
                } catch (Exception e) {
                    seen.set(e.getMessage());
                }
            });
            t.join();
        }
        assertTrue(seen.get().startsWith("domain 'web' is busy: operation 'start' has held it for"), seen.get());
        assertTrue(!jobs.heldByCurrentThread());
    }

    @Test
    void asyncJobsRunBesideLifecycleCommandsButNotBesideWhatTheyRefuse() throws Exception {
        DomainJobs jobs = new DomainJobs("web", Duration.ofMillis(100));
        DomainJobs.AsyncJob pull;
        try (DomainJobs.SyncJob ignored = jobs.begin("blockpull")) {
            pull = jobs.beginAsync("blockpull", "vda", Set.of("snapshot-create"));
        }
        // the sync slot is free while the job runs: suspend, destroy ... go ahead
        jobs.begin("suspend").close();
        DomainBusyException refused = assertThrows(DomainBusyException.class, () -> jobs.begin("snapshot-create"));
        assertTrue(refused.getMessage().startsWith("domain 'web' is busy: operation 'blockpull' on vda runs (for 0 s);"
                + " 'snapshot-create' cannot run beside it"), refused.getMessage());
        // one job per disk; another disk is free
        DomainBusyException sameDisk = assertThrows(DomainBusyException.class,
                () -> jobs.beginAsync("blockcommit", "vda", Set.of()));
        assertTrue(sameDisk.getMessage().endsWith("'blockcommit' on vda must wait until it ends"), sameDisk.getMessage());
        DomainJobs.AsyncJob other = jobs.beginAsync("blockcommit", "vdb", Set.of());
        assertEquals(2, jobs.asyncJobs().size());
        // a whole-domain job excludes all disk jobs
        assertThrows(DomainBusyException.class, () -> jobs.beginAsync("backup", null, Set.of()));
        pull.close();
        other.close();
        assertEquals(0, jobs.asyncJobs().size());
        jobs.begin("snapshot-create").close();
    }
}
