package dev.vireo.daemon;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where the daemon opens and reads files a client names (disk images, their backing layers): a
 * few platform threads, a bounded queue and a time limit.
 *
 * <p>RPCs run on virtual threads, and {@code open()} of a FIFO, a device or a file on a hung
 * network mount blocks inside the kernel while pinning the virtual thread's carrier; the JDK does
 * not make up for it. Two such opens on a 2-core machine pinned every carrier and no RPC, not even
 * {@code list}, was answered again. Here they block a thread of this pool instead: the caller gives
 * up after the time limit, at most {@link #THREADS} such threads can ever be stuck, and once they
 * are, further file work waits in the queue (and times out) or is refused, while every other RPC
 * goes on.
 */
public final class FileWork {
    static final int THREADS = 4;
    static final int QUEUED = 32;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final ThreadPoolExecutor pool;
    private final Duration timeout;

    public FileWork(Duration timeout) {
        this.timeout = timeout;
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUED),
                Thread.ofPlatform().daemon().name("vireo-file-", 1).factory(), new ThreadPoolExecutor.AbortPolicy());
    }

    /** File work that may throw its own checked exception. */
    @FunctionalInterface
    public interface Task<T, X extends Exception> {
        T run() throws X, IOException;
    }

    /**
     * Runs {@code task} on the pool and waits for it for at most the time limit. A result that
     * arrives after the caller gave up is closed if it is {@link AutoCloseable} (e.g. opened images).
     *
     * @param what what the task does, for the error ("reading /path/to/image")
     * @throws IOException when the task failed so, did not finish in time, or the pool is saturated
     */
    public <T, X extends Exception> T run(String what, Task<T, X> task) throws X, IOException {
        Handoff<T> handoff = new Handoff<>();
        Future<T> future;
        try {
            future = pool.submit(() -> handoff.offer(task.run()));
        } catch (RejectedExecutionException full) {
            throw new StuckException(what + ": refused, " + THREADS + " file operations are blocked (a FIFO, a device or a"
                    + " hung network mount?) and " + QUEUED + " more wait for them");
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            giveUp(future, handoff);
            throw new StuckException(what + " did not finish within " + timeout.toSeconds() + " s (a FIFO, a device or a"
                    + " hung network mount?); given up");
        } catch (InterruptedException e) {
            giveUp(future, handoff);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + " interrupted");
        } catch (ExecutionException e) {
            throw this.<X>rethrow(e.getCause());
        }
    }

    /** A queued task leaves the queue (its place is free again); a running one is interrupted. */
    private void giveUp(Future<?> future, Handoff<?> handoff) {
        future.cancel(true);
        pool.remove((Runnable) future);
        handoff.abandon();
    }

    @SuppressWarnings("unchecked")
    private <X extends Exception> X rethrow(Throwable cause) throws IOException {
        if (cause instanceof IOException io) throw io;
        if (cause instanceof RuntimeException r) throw r;
        if (cause instanceof Error err) throw err;
        return (X) cause;  // the task's own checked exception
    }

    /** The work did not finish in time, or could not even be queued. */
    public static final class StuckException extends IOException {
        StuckException(String message) {
            super(message);
        }
    }

    /** Passes a result to a caller who may have given up; then it is closed instead. */
    private static final class Handoff<T> {
        private boolean abandoned;
        private T result;

        synchronized T offer(T value) throws Exception {
            if (abandoned && value instanceof AutoCloseable c) c.close();
            result = value;
            return value;
        }

        synchronized void abandon() {
            abandoned = true;
            if (result instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    Log.warn("cannot close the late result of abandoned file work", e);
                }
            }
        }
    }
}
