package dev.vireo.daemon.lifecycle;

import dev.vireo.daemon.disks.FdSetRegistry;
import dev.vireo.daemon.guest.Swtpm;
import dev.vireo.daemon.guest.Virtiofsd;
import dev.vireo.daemon.domain.DomainEntry;
import dev.vireo.jobs.BlockJobs;
import dev.vireo.monitor.Monitor;
import dev.vireo.process.ManagedProcess;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One running QEMU and what the daemon knows about it beyond the domain's status: its monitor, and
 * the intentions that decide the reason it will be shut off with.
 */
final class RunningGuest {
    final DomainEntry entry;
    final ManagedProcess process;
    final Path monitorSocket;
    final Path runtimeFile;
    /** Completes once the guest is shut off and cleaned up (whatever ended it). */
    final CompletableFuture<Void> stopped = new CompletableFuture<>();
    volatile Monitor monitor;
    /** Its block jobs; set with the monitor (touch it only under the domain's job slot). */
    volatile BlockJobs blockJobs;
    /** Which fd set holds which image, as QEMU reports it (read after the start and after a restart). */
    volatile FdSetRegistry fdSets;
    /** The guest itself powered off (QMP SHUTDOWN from the guest): shut off (shutdown). */
    volatile boolean guestShutdown;
    /** destroy asked for it: shut off (destroyed). */
    volatile boolean destroyRequested;
    /** The last finished domain job's figures, saved in the runtime record (null: none yet). */
    volatile CompletedJob completedJob;
    /** The guest's swtpm, or null when it has no emulated TPM (or this daemon found the guest again). */
    volatile Swtpm.Running tpm;
    /** Storage nodes whose write threshold was set as {@code vda[N]}: their event names the layer so. */
    final Set<String> thresholdsByIndex = ConcurrentHashMap.newKeySet();
    /** The devices operations wait to see released ({@code DEVICE_DELETED}). */
    final DeviceRemovals removals = new DeviceRemovals();
    /** The guest's virtiofsd processes, or null (none, or found again: they end with QEMU's connection). */
    volatile Virtiofsd.Running virtiofsd;
    /** Set by start until {@code cont} has run: the RESUME it causes is part of booting. */
    volatile boolean starting = true;

    RunningGuest(DomainEntry entry, ManagedProcess process, Path monitorSocket, Path runtimeFile) {
        this.entry = entry;
        this.process = process;
        this.monitorSocket = monitorSocket;
        this.runtimeFile = runtimeFile;
    }

    /** libvirt's shut-off reason for how this guest ended. */
    String stopReason() {
        if (destroyRequested) return "destroyed";
        if (guestShutdown) return "shutdown";
        return "failed";
    }
}
