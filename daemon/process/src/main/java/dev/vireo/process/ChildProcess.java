package dev.vireo.process;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A child started by {@link ProcessSpawner}. One platform thread per child blocks in the kernel
 * until the child exits, then reaps it at once, so no zombie lingers and the exit status is
 * known immediately (a virtual thread would pin its carrier in the native call anyway).
 *
 * <p>Exit is detected in two steps under {@link #lock}: waitid(WNOWAIT) sees the exit while the
 * pid still belongs to the zombie, then {@link #kill} is shut off and only then is the child
 * reaped. So a signal can never hit a new process that reused the pid.
 */
final class ChildProcess implements ManagedProcess {
    private final ProcessIdentity identity;
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
    private final Object lock = new Object();
    private boolean reaped;

    private ChildProcess(ProcessIdentity identity) {
        this.identity = identity;
    }

    /** Takes charge of a just-spawned, not yet reaped child. */
    static ChildProcess watch(int pid) throws IOException {
        // A child that already exited is a zombie until we reap it: its /proc entry is still there.
        ProcessIdentity identity = ProcessIdentity.of(pid)
                .orElseThrow(() -> new IOException("child " + pid + " vanished before it was reaped"));
        ChildProcess child = new ChildProcess(identity);
        Thread.ofPlatform().daemon().name("vireo-reaper-" + pid).start(child::reap);
        return child;
    }

    private void reap() {
        int pid = (int) identity.pid();
        Libc.Result seen;
        do {
            seen = Libc.waitExitedNoReap(pid);
        } while (seen.failed() && seen.errno() == Libc.EINTR);
        ExitStatus status;
        synchronized (lock) {
            reaped = true;
            status = seen.failed() ? new ExitStatus.Unknown() : reapNow(pid);
        }
        exit.complete(status);
    }

    private static ExitStatus reapNow(int pid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment status = arena.allocate(JAVA_INT);
            Libc.Result r;
            do {
                r = Libc.waitpid(pid, status, 0);
            } while (r.failed() && r.errno() == Libc.EINTR);
            return r.failed() ? new ExitStatus.Unknown() : ExitStatus.fromWaitStatus(status.get(JAVA_INT, 0));
        }
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
    public boolean kill(Signal signal) throws IOException {
        synchronized (lock) {
            if (reaped) {
                return false;
            }
            Libc.Result r = Libc.kill((int) identity.pid(), signal.number());
            if (r.failed()) {
                throw new IOException("cannot send " + signal + " to process " + identity.pid() + ": "
                        + Libc.strerror(r.errno()));
            }
            return true;
        }
    }

    @Override
    public String toString() {
        return "child process " + identity.pid();
    }
}
