package dev.vireo.process;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A process that is not our child, found again by pid and start time. A pidfd pins it: signals
 * through the pidfd cannot reach a later process with the same pid, and the pidfd turns readable
 * when the process ends, which one platform thread waits for in poll().
 */
final class AdoptedProcess implements ManagedProcess {
    private final ProcessIdentity identity;
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
    private final int pidfd;
    private boolean closed;

    private AdoptedProcess(ProcessIdentity identity, int pidfd) {
        this.identity = identity;
        this.pidfd = pidfd;
    }

    static Optional<AdoptedProcess> adopt(ProcessIdentity identity) throws IOException {
        Libc.Result opened = Libc.pidfdOpen((int) identity.pid());
        if (opened.failed()) {
            if (opened.errno() == Libc.ESRCH) {
                return Optional.empty();
            }
            throw new IOException("cannot watch process " + identity.pid() + ": " + Libc.strerror(opened.errno()));
        }
        // Checked after pidfd_open: had the pid been reused in between, the start time would differ.
        if (!identity.isRunning()) {
            Libc.close(opened.value());
            return Optional.empty();
        }
        AdoptedProcess process = new AdoptedProcess(identity, opened.value());
        Thread.ofPlatform().daemon().name("vireo-watch-" + identity.pid()).start(process::awaitEnd);
        return Optional.of(process);
    }

    private void awaitEnd() {
        Libc.Result r;
        do {
            r = Libc.pollReadable(pidfd);
        } while (r.failed() && r.errno() == Libc.EINTR);
        synchronized (this) {
            closed = true;
            Libc.close(pidfd);
        }
        exit.complete(new ExitStatus.Unknown());
    }

    @Override
    public ProcessIdentity identity() {
        return identity;
    }

    @Override
    public CompletableFuture<ExitStatus> onExit() {
        return exit.copy();
    }

    @Override
    public synchronized boolean kill(Signal signal) throws IOException {
        if (closed) {
            return false;
        }
        Libc.Result r = Libc.pidfdSendSignal(pidfd, signal.number());
        if (r.failed()) {
            if (r.errno() == Libc.ESRCH) {
                return false;
            }
            throw new IOException("cannot send " + signal + " to process " + identity.pid() + ": "
                    + Libc.strerror(r.errno()));
        }
        return true;
    }

    @Override
    public String toString() {
        return "adopted process " + identity.pid();
    }
}
