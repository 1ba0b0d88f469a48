package dev.vireo.daemon.lifecycle;

import dev.vireo.command.storage.StoragePlan;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.disks.FdSetRegistry;
import dev.vireo.daemon.domain.DomainEntry;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.jobs.BlockJobs;
import dev.vireo.monitor.Monitor;
import dev.vireo.qmp.QmpCommandException;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What an operation on a running guest may use and change (snapshots, block jobs, hotplug,
 * resize, throttling ...), handed out only inside the domain's synchronous job slot
 * ({@link Lifecycle#withRunning}, {@link Lifecycle#running}) and valid only while it is held.
 *
 * <p>Changes to the definitions go through {@link #changeLive} and {@link #changeStored}: each
 * applies the change to a copy, makes it durable (runtime record, stored file), and only then
 * lets the daemon see it, so a crash leaves either the old or the new definition, never half of it.
 */
public final class LiveGuest {
    private final Lifecycle lifecycle;
    private final RunningGuest guest;

    LiveGuest(Lifecycle lifecycle, RunningGuest guest) {
        this.lifecycle = lifecycle;
        this.guest = guest;
    }

    public DomainEntry entry() {
        return guest.entry;
    }

    public String name() {
        return guest.entry.name();
    }

    /** The live definition: read it, never change it in place (use {@link #changeLive}). */
    public Domain live() {
        return guest.entry.live();
    }

    /** The storage plan of the live definition: every disk's layers with their image indexes and node names. */
    public StoragePlan plan() {
        return StoragePlan.of(live(), Map.of());
    }

    /** The guest's monitor; refused when a restarted daemon could not reconnect to it. */
    public Monitor monitor() throws VireoError {
        return Lifecycle.monitorOf(guest);
    }

    /**
     * Runs one monitor command; a refusal by QEMU becomes "COMMAND refused by QEMU: CLASS: DESC",
     * a broken monitor "COMMAND on domain 'NAME': WHY".
     */
    public <T> T qmp(String command, MonitorFunction<T> call) throws VireoError {
        try {
            return call.apply(monitor());
        } catch (QmpCommandException ex) {
            throw VireoError.failed(command + " refused by QEMU: " + ex.errorClass() + ": " + ex.description(), ex);
        } catch (IOException ex) {
            throw VireoError.failed(command + " on domain '" + name() + "': " + ex.getMessage(), ex);
        }
    }

    @FunctionalInterface
    public interface MonitorFunction<T> {
        T apply(Monitor monitor) throws IOException;
    }

    /** Which fd set holds which image, as QEMU reported it at the start (or after a daemon restart). */
    public FdSetRegistry fdSets() {
        return guest.fdSets;
    }

    /** Reads the fd sets again ({@code query-fdsets}) after images were added or removed, and returns them. */
    public FdSetRegistry rereadFdSets() throws VireoError {
        FdSetRegistry now = qmp("query-fdsets", m -> GuestFdSets.read(m, live()));
        guest.fdSets = now;
        return now;
    }

    /** The last finished domain job ({@code domjobinfo --completed}), or null. */
    public CompletedJob completedJob() {
        return guest.completedJob;
    }

    /** Keeps {@code job} as the last finished domain job, saved in the runtime record first. */
    public void recordCompletedJob(CompletedJob job) throws VireoError {
        CompletedJob before = guest.completedJob;
        guest.completedJob = job;
        try {
            BlockJobs jobs = guest.blockJobs;
            lifecycle.writeRecord(guest, jobs == null ? List.of() : jobs.list());
        } catch (IOException e) {
            guest.completedJob = before;
            throw VireoError.failed("cannot save the runtime record of domain '" + guest.entry.name() + "': " + e.getMessage(), e);
        }
    }

    /** The guest's block jobs (null only when a restarted daemon could not reconnect to its monitor). */
    public BlockJobs blockJobs() {
        return guest.blockJobs;
    }

    /**
     * Changes the live definition: {@code change} edits a private copy, which is written to the
     * guest's runtime record and then becomes the live definition (a daemon restart finds it).
     * On a failure to record, nothing changed.
     */
    public void changeLive(Consumer<Domain> change) throws VireoError {
        lifecycle.changeLive(guest, change);
    }

    /**
     * Changes the stored definition, where libvirt updates it too (a new snapshot overlay, a
     * pivoted copy, {@code --config}); does nothing for a transient domain. The file is replaced
     * atomically before the daemon sees the change.
     */
    public void changeStored(Consumer<Domain> change) throws VireoError {
        lifecycle.changeStored(guest.entry, change);
    }

    /**
     * Waits up to {@code timeout} for QEMU to report the device with this id deleted; {@code
     * request} (the {@code device_del}) runs after the wait is registered, so a fast guest's
     * event is not missed.
     *
     * @return whether the device was deleted in time
     */
    public boolean removeDevice(String id, java.time.Duration timeout, DeviceRequest request) throws VireoError {
        java.util.concurrent.CompletableFuture<Void> deleted = guest.removals.expect(id);
        try {
            request.send();
            deleted.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException late) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw VireoError.internal("waiting for the removal of device '" + id + "': " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VireoError.failed("interrupted while waiting for the guest to release device '" + id + "'", e);
        } finally {
            guest.removals.forget(id);
        }
    }

    /** The request that makes QEMU delete a device ({@code device_del}). */
    @FunctionalInterface
    public interface DeviceRequest {
        void send() throws VireoError;
    }

    /**
     * Remembers how {@code domblkthreshold} named the layer of storage node {@code node}
     * ({@code vda[N]} or the bare target), so its one-shot event names it the same way.
     */
    public void thresholdNamedByIndex(String node, boolean byIndex) {
        if (byIndex) guest.thresholdsByIndex.add(node);
        else guest.thresholdsByIndex.remove(node);
    }

    /** Announces an event to the clients that listen ({@code vireo event}). */
    public void publish(EventPayload payload) {
        lifecycle.events().publish(name(), payload);
    }
}
