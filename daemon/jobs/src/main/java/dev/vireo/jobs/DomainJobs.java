package dev.vireo.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One domain's job slots, after libvirt's job model.
 *
 * <p>The <b>synchronous slot</b> holds one state-changing operation at a time (define, start,
 * destroy, suspend, ...). Waiting for it is bounded: a start that hangs cannot block every later
 * command for ever, and the error names the operation that holds the slot and for how long.
 * Queries (domstate, dumpxml, list) take no slot at all.
 *
 * <p><b>Asynchronous jobs</b> (a block job per disk, later a backup or a migration) run for as long
 * as they need without holding the synchronous slot, so lifecycle commands still run beside them;
 * each says which synchronous operations it refuses beside it (libvirt's job mask), and at most
 * one runs per disk.
 */
public final class DomainJobs {
    /** libvirt's default wait for a domain's job (QEMU_JOB_WAIT_TIME). */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    private final String domain;
    private final Duration waitBound;
    private final ReentrantLock slot = new ReentrantLock();
    /** Who holds the slot (written by the holder only, read by waiters for their error). */
    private volatile Holder holder;
    private final List<AsyncJob> async = new ArrayList<>();

    private record Holder(String operation, long sinceNanos) {
    }

    public DomainJobs(String domain, Duration waitBound) {
        this.domain = domain;
        this.waitBound = waitBound;
    }

    public String domain() {
        return domain;
    }

    /**
     * Takes the synchronous slot, waiting at most the configured bound. The holder may take it
     * again (nested calls keep the outer operation's name).
     *
     * @throws DomainBusyException when it is still held after the bound, or a running async job refuses {@code operation}
     */
    public SyncJob begin(String operation) throws DomainBusyException, InterruptedException {
        refusedByAsync(operation);
        long waitStart = System.nanoTime();
        if (!slot.tryLock(waitBound.toNanos(), TimeUnit.NANOSECONDS)) {
            Holder h = holder;
            long waited = Math.round((System.nanoTime() - waitStart) / 1e9);
            throw new DomainBusyException(h == null
                    ? "domain '" + domain + "' is busy (waited " + waited + " s)"
                    : "domain '" + domain + "' is busy: operation '" + h.operation() + "' has held it for "
                    + Math.round((System.nanoTime() - h.sinceNanos()) / 1e9) + " s (waited " + waited + " s)");
        }
        boolean outer = slot.getHoldCount() == 1;
        if (outer) holder = new Holder(operation, System.nanoTime());
        try {
            refusedByAsync(operation);   // one may have begun while this caller waited
        } catch (DomainBusyException e) {
            release(outer);
            throw e;
        }
        return new SyncJob(outer);
    }

    /**
     * Takes the slot without a bound, for the daemon's own bookkeeping after QEMU ended or sent an
     * event: it must happen, and every other holder is itself bounded.
     */
    public SyncJob beginInternal(String operation) {
        slot.lock();
        boolean outer = slot.getHoldCount() == 1;
        if (outer) holder = new Holder(operation, System.nanoTime());
        return new SyncJob(outer);
    }

    /** Whether the calling thread holds the synchronous slot. */
    public boolean heldByCurrentThread() {
        return slot.isHeldByCurrentThread();
    }

    private void release(boolean outer) {
        if (outer) holder = null;
        slot.unlock();
    }

    /** The synchronous slot while held; closing releases it. */
    public final class SyncJob implements AutoCloseable {
        private final boolean outer;
        private boolean released;

        private SyncJob(boolean outer) {
            this.outer = outer;
        }

        @Override
        public void close() {
            if (released) return;
            released = true;
            release(outer);
        }
    }

    // --- asynchronous jobs -------------------------------------------------------------------

    /**
     * Registers a long job. Call it while holding the synchronous slot (the job is started under
     * it, then runs without it).
     *
     * @param disk            the disk it works on (at most one job per disk), or null for the whole domain
     * @param refusedBeside   synchronous operations that must wait until it ends
     * @throws DomainBusyException when a job already runs on that disk (or on the whole domain)
     */
    public synchronized AsyncJob beginAsync(String operation, String disk, Set<String> refusedBeside)
            throws DomainBusyException {
        for (AsyncJob j : async) {
            if (j.disk == null || disk == null || j.disk.equals(disk)) {
                throw new DomainBusyException("domain '" + domain + "' is busy: " + j.describe()
                        + "; '" + operation + "'" + (disk == null ? "" : " on " + disk) + " must wait until it ends");
            }
        }
        AsyncJob job = new AsyncJob(operation, disk, Set.copyOf(refusedBeside), System.nanoTime());
        async.add(job);
        return job;
    }

    /** The long jobs that run now, oldest first. */
    public synchronized List<AsyncJob> asyncJobs() {
        return List.copyOf(async);
    }

    private synchronized void refusedByAsync(String operation) throws DomainBusyException {
        for (AsyncJob j : async) {
            if (j.refusedBeside.contains(operation)) {
                throw new DomainBusyException("domain '" + domain + "' is busy: " + j.describe()
                        + "; '" + operation + "' cannot run beside it");
            }
        }
    }

    private synchronized void end(AsyncJob job) {
        async.remove(job);
    }

    /** A long job's place in the async slot; closing (at its end) frees it. */
    public final class AsyncJob implements AutoCloseable {
        private final String operation;
        private final String disk;
        private final Set<String> refusedBeside;
        private final long sinceNanos;

        private AsyncJob(String operation, String disk, Set<String> refusedBeside, long sinceNanos) {
            this.operation = operation;
            this.disk = disk;
            this.refusedBeside = refusedBeside;
            this.sinceNanos = sinceNanos;
        }

        public String operation() {
            return operation;
        }

        /** The disk, or null for a job on the whole domain. */
        public String disk() {
            return disk;
        }

        String describe() {
            return "operation '" + operation + "'" + (disk == null ? "" : " on " + disk) + " runs (for "
                    + Math.round((System.nanoTime() - sinceNanos) / 1e9) + " s)";
        }

        @Override
        public void close() {
            end(this);
        }
    }
}
