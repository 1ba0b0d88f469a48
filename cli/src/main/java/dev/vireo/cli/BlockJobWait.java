package dev.vireo.cli;

import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.protocol.BlockJobState;
import dev.vireo.protocol.DomainEvent;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a block job to end (or to be in sync), driven by the daemon's {@code block-job}
 * events: it listens on a connection of its own, opened and subscribed <em>before</em> the job
 * starts ({@link #listen}), so that no end can be missed and the wait ends as soon as the daemon
 * announces it. With {@code verbose} it refreshes the progress line ({@link JobProgress}) from
 * {@code blockjob-info} while no event arrives; the end itself is never polled for.
 *
 * <p>Used by blockpull, blockcommit, blockjob --wait, and the copy and backup commands.
 */
final class BlockJobWait implements AutoCloseable {
    /** How often the progress line is refreshed while nothing happens. */
    private static final Duration REFRESH = Duration.ofMillis(500);
    private static final DomainEvent CLOSED = new DomainEvent("", "", "", "");

    private final VireoClient events;
    private final LinkedBlockingQueue<DomainEvent> queue = new LinkedBlockingQueue<>();

    /** How a wait ended: the job's end ({@code completed}, {@code failed}, {@code canceled}) or {@code ready}. */
    enum End {
        COMPLETED, FAILED, CANCELED, READY
    }

    /**
     * @param error the job's error when it failed
     * @param last  the job's last known state (null when it was never seen running)
     */
    record Result(End end, String error, BlockJobState last, long waitedNanos) {
    }

    /**
     * @param label      the progress line's label ({@code Block Pull}, {@code Block commit}, ...)
     * @param verbose    show the progress line on stderr
     * @param timeout    abort the job after this long, or null
     * @param asyncAbort on timeout, do not wait for the aborted job to end
     * @param pastReady  wait for the end even when the job is READY (after a pivot or an abort was asked for)
     */
    record Options(String label, boolean verbose, Duration timeout, boolean asyncAbort, boolean pastReady) {
        Options(String label, boolean verbose, Duration timeout, boolean asyncAbort) {
            this(label, verbose, timeout, asyncAbort, false);
        }

        /** For the wait after a pivot or abort of a READY job: to its end, the progress line already at 100 %. */
        Options waitingPastReady() {
            return new Options(label, false, timeout, asyncAbort, true);
        }
    }

    private BlockJobWait(VireoClient events) {
        this.events = events;
    }

    /** Starts listening for the domain's block job events on a new connection: call before starting the job. */
    static BlockJobWait listen(VireoClient client, String domain) throws IOException, VireoException {
        VireoClient events = client.reconnect();
        try {
            events.subscribe(domain);
        } catch (IOException | VireoException | RuntimeException e) {
            events.close();
            throw e;
        }
        BlockJobWait wait = new BlockJobWait(events);
        Thread.ofVirtual().name("block-job-events").start(wait::read);
        return wait;
    }

    private void read() {
        try {
            events.eventLoop(null, e -> {
                if ("block-job".equals(e.kind())) queue.add(e);
                return true;
            });
        } catch (IOException ignored) {
            // closed by close(), or the daemon went away: the waiter hears CLOSED
        } finally {
            queue.add(CLOSED);
        }
    }

    /**
     * Waits for job {@code job} of {@code disk} to end or become READY (a job READY already
     * returns at once). On timeout the job is aborted and, unless {@code asyncAbort}, its end awaited.
     */
    Result await(VireoClient client, String domain, String disk, String job, Options o, PrintWriter err)
            throws IOException, VireoException, InterruptedException {
        long start = System.nanoTime();
        long deadline = o.timeout() == null ? Long.MAX_VALUE : start + o.timeout().toNanos();
        JobProgress progress = o.verbose() ? new JobProgress(err, o.label()) : null;
        BlockJobState last = null;
        boolean aborted = false;
        for (;;) {
            if (progress != null || last == null) {
                BlockJobState now = client.blockJobInfo(domain, disk);
                if (now != null && now.job().equals(job)) {
                    last = now;
                    if (progress != null) progress.show(now);
                    if (now.ready() && !aborted && !o.pastReady()) return end(End.READY, null, last, start, progress);
                }
            }
            long wait = progress != null ? REFRESH.toNanos() : Long.MAX_VALUE;
            if (!aborted) wait = Math.min(wait, Math.max(0, deadline - System.nanoTime()));
            DomainEvent e = wait == Long.MAX_VALUE ? queue.take() : queue.poll(wait, TimeUnit.NANOSECONDS);
            if (e == CLOSED) {
                throw new IOException("vireod closed the connection while waiting for block job '" + job + "'");
            }
            if (e != null) {
                if (!job.equals(e.fields().get("job"))) continue;
                String status = e.fields().getOrDefault("status", "");
                switch (status) {
                    case "completed" -> {
                        return end(aborted ? End.CANCELED : End.COMPLETED, null, last, start, progress);
                    }
                    case "failed" -> {
                        return end(End.FAILED, e.fields().get("error"), last, start, null);
                    }
                    case "canceled" -> {
                        return end(End.CANCELED, null, last, start, null);
                    }
                    case "ready" -> {
                        if (!aborted && !o.pastReady()) return end(End.READY, null, last, start, progress);
                    }
                    default -> {
                    }
                }
                continue;
            }
            if (!aborted && System.nanoTime() >= deadline) {
                client.blockJobAbort(domain, disk);
                aborted = true;
                if (o.asyncAbort()) return end(End.CANCELED, null, last, start, null);
            }
        }
    }

    private static Result end(End end, String error, BlockJobState last, long start, JobProgress progress) {
        if (progress != null) progress.finished();
        return new Result(end, error, last, System.nanoTime() - start);
    }

    @Override
    public void close() throws IOException {
        events.close();
    }
}
