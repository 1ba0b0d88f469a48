package dev.vireo.cli;

import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.protocol.BlockJobState;
import dev.vireo.protocol.DomainEvent;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Waits for a block job to end (or to be in sync), driven by the daemon's {@code block-job}
 * events: it listens on a connection of its own, opened and subscribed <em>before</em> the job
 * starts ({@link #listen}), so that no end can be missed and the wait ends as soon as the daemon
 * announces it. With {@code verbose} it refreshes the progress line ({@link JobProgress}) from
 * {@code blockjob-info} while no event arrives; the end itself is never polled for.
 *
 * <p>Ctrl-C (SIGINT) while it waits aborts the job, as virsh does: the wait asks the daemon to
 * cancel it, waits (at most {@link #ABORT_BOUND}) for its end and reports it aborted (exit 1). A
 * second Ctrl-C ends the command at once (the job then goes on). The handler is installed by
 * {@link #listen}, before the job starts, so an interrupt while it is being started still aborts it.
 *
 * <p>Used by blockpull, blockcommit, blockjob --wait, and the copy and backup commands.
 */
final class BlockJobWait implements AutoCloseable {
    /** How often the progress line is refreshed while nothing happens. */
    private static final Duration REFRESH = Duration.ofMillis(500);
    private static final DomainEvent CLOSED = new DomainEvent("", "", "", "");
    /** Queued by the SIGINT handler: wakes the waiter, which aborts the job. */
    private static final DomainEvent INTERRUPTED = new DomainEvent("", "", "", "");
    /** How long an abort asked for by Ctrl-C is awaited before the command gives up waiting. */
    static final Duration ABORT_BOUND = Duration.ofSeconds(30);
    private static final Signal SIGINT = new Signal("INT");

    /** How long {@link #close} waits for the reader thread to leave its read. */
    private static final Duration READER_EXIT = Duration.ofMillis(500);

    private final VireoClient events;
    private Thread reader;
    private final LinkedBlockingQueue<DomainEvent> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    /** The SIGINT handler before ours, put back at the first Ctrl-C and by {@link #close}. */
    private SignalHandler previous;

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
        // A platform thread, not a virtual one: a virtual thread's socket read leaves the JDK's
        // poller thread in epoll_wait, and the JVM's exit waits up to 300 ms for threads in native
        // code, so every waiting command ended 0.3 s late (scripts/bench-blockjobs, "after").
        // close() ends this thread's read and waits for it, so the exit finds none in native.
        wait.reader = Thread.ofPlatform().daemon().name("block-job-events").start(wait::read);
        wait.previous = Signal.handle(SIGINT, sig -> wait.interrupt());
        return wait;
    }

    /** SIGINT: the first one wakes the waiter to abort the job; the handler before ours takes the next. */
    private void interrupt() {
        if (!interrupted.compareAndSet(false, true)) return;
        restoreHandler();
        queue.add(INTERRUPTED);
    }

    private synchronized void restoreHandler() {
        if (previous == null) return;
        Signal.handle(SIGINT, previous);
        previous = null;
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
            wait = Math.min(wait, Math.max(0, deadline - System.nanoTime()));
            DomainEvent e = wait == Long.MAX_VALUE ? queue.take() : queue.poll(wait, TimeUnit.NANOSECONDS);
            if (e == INTERRUPTED) {
                if (progress != null) {
                    err.println();
                    progress = null;
                }
                if (!aborted) {
                    aborted = abortOnInterrupt(client, domain, disk, err);
                    if (o.asyncAbort()) return end(End.CANCELED, null, last, start, null);
                }
                deadline = System.nanoTime() + ABORT_BOUND.toNanos();
                continue;
            }
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
                    case "io-error" -> {
                        // QEMU paused the job (on-error stop): say so, and go on waiting for what the user decides
                        if (progress != null) err.println();
                        err.println(o.label() + " paused: " + e.fields().getOrDefault("error", "I/O error")
                                + "; resume it with 'blockjob " + domain + " " + disk + " --resume' or end it with 'blockjob "
                                + domain + " " + disk + " --abort'");
                        err.flush();
                    }
                    default -> {
                    }
                }
                continue;
            }
            if (System.nanoTime() >= deadline) {
                if (interrupted.get()) {
                    err.println("error: block job '" + job + "' did not end within " + ABORT_BOUND.toSeconds()
                            + " s of Ctrl-C; see blockjob " + domain + " " + disk + " --info");
                    err.flush();
                    return end(End.CANCELED, null, last, start, null);
                }
                if (!aborted) {
                    client.blockJobAbort(domain, disk);
                    aborted = true;
                    if (o.asyncAbort()) return end(End.CANCELED, null, last, start, null);
                    deadline = Long.MAX_VALUE;
                }
            }
        }
    }

    /**
     * Ctrl-C: cancels the job as the timeout does. A job already ending (a pivot or an abort under
     * way) cannot be cancelled: that is said, and its end awaited. Returns whether the abort was asked.
     */
    private static boolean abortOnInterrupt(VireoClient client, String domain, String disk, PrintWriter err)
            throws IOException {
        try {
            client.blockJobAbort(domain, disk);
            return true;
        } catch (VireoException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return false;
        }
    }

    private static Result end(End end, String error, BlockJobState last, long start, JobProgress progress) {
        if (progress != null) progress.finished();
        return new Result(end, error, last, System.nanoTime() - start);
    }

    @Override
    public void close() throws IOException {
        restoreHandler();
        events.close();
        try {
            reader.join(READER_EXIT);   // bounded: a reader still in its read only delays the exit
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
