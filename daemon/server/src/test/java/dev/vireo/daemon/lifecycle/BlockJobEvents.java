package dev.vireo.daemon.lifecycle;

import dev.vireo.client.VireoClient;
import dev.vireo.protocol.DomainEvent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test's subscription to a domain's block job events, on a connection of its own. */
final class BlockJobEvents implements AutoCloseable {
    private final VireoClient client;
    private final LinkedBlockingQueue<DomainEvent> queue = new LinkedBlockingQueue<>();
    final List<DomainEvent> seen = new ArrayList<>();

    BlockJobEvents(Path socket, String domain) throws Exception {
        client = VireoClient.connect(socket);
        client.subscribe(null);   // the domain may not exist yet
        Thread.ofVirtual().start(() -> {
            try {
                client.eventLoop(null, e -> {
                    if (e.kind().equals("block-job") && e.domain().equals(domain)) queue.add(e);
                    return true;
                });
            } catch (Exception ignored) {
                // closed by the test
            }
        });
    }

    /** The next event of job {@code job} (others are kept in {@link #seen}). */
    DomainEvent next(String job, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            DomainEvent e = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) throw new AssertionError("no event of " + job + " within " + timeout + "; seen " + seen);
            seen.add(e);
            if (job.equals(e.fields().get("job"))) return e;
        }
    }

    /** Waits for the job's next event and returns its status (completed, failed, canceled, ready). */
    String status(String job) throws Exception {
        return next(job, Duration.ofMinutes(2)).fields().get("status");
    }

    /**
     * Waits for the job's end and returns its status (completed, failed, canceled), passing over a
     * {@code ready}: one may still be on its way when the job was already seen ready by a query.
     */
    String end(String job) throws Exception {
        for (;;) {
            String status = status(job);
            if (!"ready".equals(status)) return status;
        }
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
