package dev.vireo.process;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A running process the daemon watches: either its own child ({@link ProcessSpawner#spawn}),
 * reaped the moment it exits, or a process found again after a daemon restart ({@link #adopt}).
 * Signals never reach a different process that later got the same pid.
 */
public sealed interface ManagedProcess permits ChildProcess, AdoptedProcess {

    /** Pid and start time: what the daemon persists to find the process again. */
    ProcessIdentity identity();

    default long pid() {
        return identity().pid();
    }

    /**
     * Completes once the process has ended (for a child: once it is reaped). Each call returns a
     * new future, so callers cannot complete it for others. Dependent actions registered without
     * an executor run on the watcher thread, which has nothing else to do by then.
     */
    CompletableFuture<ExitStatus> onExit();

    /**
     * Sends {@code signal}. Returns false, sending nothing, when the process has already ended.
     *
     * @throws IOException when the system refuses (e.g. EPERM for another user's process)
     */
    boolean kill(Signal signal) throws IOException;

    default boolean isAlive() {
        return !onExit().isDone();
    }

    /**
     * Finds a process again, typically a guest's QEMU after a daemon restart. Empty when no
     * process runs with that pid, or a different one does (its start time differs). Its end is
     * seen through a pidfd; being no longer our child, its exit status is {@link ExitStatus.Unknown}.
     */
    static Optional<ManagedProcess> adopt(ProcessIdentity identity) throws IOException {
        return AdoptedProcess.adopt(identity).map(p -> p);
    }
}
