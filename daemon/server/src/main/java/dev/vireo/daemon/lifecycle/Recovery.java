package dev.vireo.daemon.lifecycle;

import dev.vireo.command.LaunchOptions;
import dev.vireo.conf.DomainXml;
import dev.vireo.conf.FormatMode;
import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.domain.AtomicFiles;
import dev.vireo.daemon.domain.DomainRegistry;
import dev.vireo.daemon.domain.DomainStatus;
import dev.vireo.daemon.domain.StateKind;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.guest.Swtpm;
import dev.vireo.monitor.RunStatus;
import dev.vireo.process.ManagedProcess;
import dev.vireo.process.ProcessIdentity;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * After a daemon restart: finds each guest that was running from its runtime record, adopts its
 * QEMU by pid and start time, reconnects its monitor and asks QEMU whether it runs or is paused.
 *
 * <ul>
 *   <li>a guest whose QEMU ended while the daemon was down is shut off and its files removed;</li>
 *   <li>a guest that powered off meanwhile (QEMU, run with {@code -no-shutdown}, reports
 *       {@code shutdown}) is shut off (shutdown) and its QEMU stopped, as libvirt does;</li>
 *   <li>a start the daemon was killed in (the record says "starting up" and QEMU never got
 *       {@code cont}) is undone: its QEMU is stopped, the domain shut off (failed);</li>
 *   <li>any other QEMU whose monitor socket is in this runtime folder belongs to a start killed
 *       before its pid was recorded (or to a record that is gone): it is stopped, so that it holds
 *       no image lock and no socket a new start needs;</li>
 *   <li>each running guest's swtpm is found again by its command line and stopped with the guest as
 *       before; a swtpm of this runtime folder that no running guest takes (its guest ended while
 *       the daemon was down, or its start was killed before QEMU existed) is stopped;</li>
 *   <li>temp files of interrupted record writes, and monitor and swtpm sockets no guest uses, are removed.</li>
 * </ul>
 */
public final class Recovery {
    private final Lifecycle lifecycle;
    private final DomainRegistry registry;
    private final MonitorConnector monitors;
    private final Path runDir;
    /** QEMUs taken over (or deliberately stopped): every other one of this runtime folder is a stray. */
    private final Set<Long> claimed = new HashSet<>();
    /** The swtpm processes serving a socket in this runtime folder, by socket; those claimed are removed. */
    private Map<Path, Long> swtpms = new HashMap<>();

    public Recovery(Lifecycle lifecycle, DomainRegistry registry, MonitorConnector monitors, Path runDir) {
        this.lifecycle = lifecycle;
        this.registry = registry;
        this.monitors = monitors;
        this.runDir = runDir;
    }

    /** Returns how many guests were found running. */
    public int run() throws IOException {
        removeTempFiles();
        swtpms = RuntimeSwtpms.find(runDir);
        int found = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.json")) {
            for (Path file : files) {
                if (recover(file)) found++;
            }
        }
        stopStrays();
        stopOrphanSwtpms();
        removeUnusedSockets();
        return found;
    }

    private boolean recover(Path file) {
        RuntimeRecord r;
        try {
            r = RuntimeRecord.read(file);
        } catch (IOException e) {
            Log.warn("ignoring " + file, e);
            return false;
        }
        if (r.pid() == 0) {
            // killed between writing the record and recording QEMU's pid: any QEMU is a stray
            Log.info("domain " + r.name() + " was starting when vireod stopped, before its QEMU was recorded: shut off");
            removeRuntimeFiles(file, Path.of(r.monitor()));
            return false;
        }
        Optional<ManagedProcess> process;
        try {
            process = ManagedProcess.adopt(new ProcessIdentity(r.pid(), r.startTicks()));
        } catch (IOException e) {
            Log.warn("cannot look for the QEMU of " + r.name() + " (pid " + r.pid() + ")", e);
            return false;
        }
        if (process.isEmpty()) {
            Log.info("domain " + r.name() + " ended while vireod was not running: shut off");
            removeRuntimeFiles(file, Path.of(r.monitor()));
            return false;
        }
        claimed.add(r.pid());
        try {
            Domain live = DomainXml.parse(r.liveXml(), FormatMode.LIVE);
            return registry.withReserved(r.name(), r.uuid(), "recovery", e -> {
                RunningGuest guest = new RunningGuest(e, process.get(), Path.of(r.monitor()), file);
                // before adopt: a QEMU that ends at once stops its swtpm with it
                guest.tpm = swtpmOf(r.name(), live, guest.monitorSocket);
                guest.completedJob = r.completedJob();
                e.markActive(live, r.id(), new DomainStatus(StateKind.valueOf(r.state()), r.reason()));
                lifecycle.adopt(guest);
                try {
                    guest.monitor = monitors.connect(guest.monitorSocket, new GuestEvents(lifecycle, guest),
                            Lifecycle.MONITOR_TIMEOUT, guest.process::isAlive);
                    guest.fdSets = GuestFdSets.read(guest.monitor, live);
                    // pty paths and channel states, as QEMU has them now (a channel may have opened meanwhile)
                    var chardevs = guest.monitor.queryChardev();
                    try {
                        lifecycle.changeLive(guest, changed -> GuestCharDevices.apply(changed, chardevs));
                    } catch (VireoError ex) {
                        Log.warn("domain " + r.name() + ": the pty paths and channel states stay as recorded", ex);
                    }
                    Log.info("domain " + r.name() + ": " + guest.fdSets);
                    RunStatus status = guest.monitor.queryStatus();
                    boolean running = status.running();
                    if (status.status().equals("shutdown")) {
                        Log.info("domain " + r.name() + " powered off while vireod was not running: shut off");
                        lifecycle.stopFound(guest, "shutdown");
                        return false;
                    }
                    if (!running && Lifecycle.STARTING_UP.equals(r.reason())) {
                        Log.info("domain " + r.name() + " was starting when vireod stopped (QEMU is " + status.status()
                                + ", never continued): stopped, shut off (failed)");
                        lifecycle.stopFound(guest, "failed");
                        return false;
                    }
                    if (running != (e.status().state() == StateKind.RUNNING)) {
                        lifecycle.setStatus(guest, running ? new DomainStatus(StateKind.RUNNING, "unpaused")
                                : new DomainStatus(StateKind.PAUSED, "unknown"));
                    }
                    // jobs that ended meanwhile are finished now, vanished ones dropped (saved in the record)
                    GuestBlockJobs blockJobs = GuestBlockJobs.attachListener(lifecycle, guest);
                    blockJobs.jobs().recover(r.blockJobs());
                    blockJobs.resumeFollowUps();
                    // devices the guest let go of while the daemon was down (a detach that timed out)
                    lifecycle.devicesRecovered(guest);
                } catch (IOException ex) {
                    Log.warn("domain " + r.name() + " runs (pid " + r.pid() + ") but its monitor does not answer", ex);
                }
                Log.info("domain " + r.name() + " found running again (id " + r.id() + ", pid " + r.pid() + ")");
                return true;
            });
        } catch (XmlProblemsException | VireoError e) {
            Log.warn("cannot take over domain " + r.name() + " (pid " + r.pid() + "): " + e.getMessage(), null);
            return false;
        }
    }

    /** Stops every QEMU with a monitor socket in this runtime folder that no record accounts for. */
    private void stopStrays() {
        for (long pid : StrayQemus.find(runDir)) {
            if (claimed.contains(pid)) continue;
            Log.info("stopping QEMU pid " + pid + ": its monitor socket is in " + runDir
                    + " but no domain's record names it (a start interrupted by the daemon's end)");
            StrayQemus.stop(pid);
        }
    }

    /** The guest's swtpm, taken over from the previous run of the daemon; null when it has none (or it is gone). */
    private Swtpm.Running swtpmOf(String name, Domain live, Path monitor) {
        if (Swtpm.emulated(live).isEmpty()) return null;
        Path socket = LaunchOptions.forMonitor(monitor).tpmSocket().toAbsolutePath();
        Long pid = swtpms.remove(socket);
        Optional<ManagedProcess> process = pid == null ? Optional.empty() : adopt(pid);
        if (process.isEmpty()) {
            Log.warn("domain " + name + ": its swtpm (" + socket + ") is no longer running; the guest's TPM does not answer", null);
            return null;
        }
        Log.info("domain " + name + ": swtpm found again (pid " + pid + ")");
        return Swtpm.Running.adopted(process.get(), socket);
    }

    /**
     * Every swtpm of this runtime folder that no running guest took: its QEMU ended while the daemon
     * was down, or was never spawned (the daemon died between starting swtpm and QEMU). Stopped, its
     * socket removed.
     */
    private void stopOrphanSwtpms() throws IOException {
        for (Map.Entry<Path, Long> orphan : swtpms.entrySet()) {
            Optional<ManagedProcess> process = adopt(orphan.getValue());
            if (process.isEmpty()) continue;
            Log.info("stopping swtpm pid " + orphan.getValue() + " (" + orphan.getKey() + "): no running guest uses it");
            Swtpm.Running.adopted(process.get(), orphan.getKey()).stop();
        }
        swtpms.clear();
        Set<Path> inUse = new HashSet<>();
        for (Swtpm.Running tpm : lifecycle.runningSwtpms()) inUse.add(tpm.socket().toAbsolutePath());
        try (DirectoryStream<Path> sockets = Files.newDirectoryStream(runDir, "*.swtpm")) {
            for (Path socket : sockets) {
                if (!inUse.contains(socket.toAbsolutePath())) Files.deleteIfExists(socket);
            }
        }
    }

    private static Optional<ManagedProcess> adopt(long pid) {
        try {
            Optional<ProcessIdentity> identity = ProcessIdentity.of(pid);
            return identity.isEmpty() ? Optional.empty() : ManagedProcess.adopt(identity.get());
        } catch (IOException e) {
            Log.warn("cannot look at pid " + pid, e);
            return Optional.empty();
        }
    }

    private void removeTempFiles() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir)) {
            for (Path f : files) {
                if (AtomicFiles.isTemp(f)) {
                    Log.info("removing " + f + ", left by an interrupted write");
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Monitor sockets of guests that are gone (the running ones are named by their records). */
    private void removeUnusedSockets() throws IOException {
        Set<Path> inUse = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.json")) {
            for (Path file : files) {
                try {
                    inUse.add(Path.of(RuntimeRecord.read(file).monitor()).toAbsolutePath());
                } catch (IOException unreadable) {
                    // reported above; its QEMU, if any, was stopped as a stray
                }
            }
        }
        try (DirectoryStream<Path> sockets = Files.newDirectoryStream(runDir, "*.monitor")) {
            for (Path socket : sockets) {
                if (!inUse.contains(socket.toAbsolutePath())) Files.deleteIfExists(socket);
            }
        }
    }

    private static void removeRuntimeFiles(Path record, Path monitor) {
        try {
            Files.deleteIfExists(monitor);
            Files.deleteIfExists(record);
        } catch (IOException e) {
            Log.warn("cannot remove " + record, e);
        }
    }
}
