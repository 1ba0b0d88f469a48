package dev.vireo.daemon.lifecycle;

import dev.vireo.conf.DomainXml;
import dev.vireo.conf.FormatMode;
import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.domain.DomainRegistry;
import dev.vireo.daemon.domain.DomainStatus;
import dev.vireo.daemon.domain.StateKind;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.process.ManagedProcess;
import dev.vireo.process.ProcessIdentity;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * After a daemon restart: finds each guest that was running from its runtime record, adopts its
 * QEMU by pid and start time, reconnects its monitor and asks QEMU whether it runs or is paused.
 * A guest whose QEMU ended while the daemon was down is shut off and its runtime files removed.
 */
public final class Recovery {
    private final Lifecycle lifecycle;
    private final DomainRegistry registry;
    private final MonitorConnector monitors;
    private final Path runDir;

    public Recovery(Lifecycle lifecycle, DomainRegistry registry, MonitorConnector monitors, Path runDir) {
        this.lifecycle = lifecycle;
        this.registry = registry;
        this.monitors = monitors;
        this.runDir = runDir;
    }

    /** Returns how many guests were found running. */
    public int run() throws IOException {
        int found = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.json")) {
            for (Path file : files) {
                if (recover(file)) found++;
            }
        }
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
        try {
            Domain live = DomainXml.parse(r.liveXml(), FormatMode.LIVE);
            return registry.withReserved(r.name(), r.uuid(), "recovery", e -> {
                RunningGuest guest = new RunningGuest(e, process.get(), Path.of(r.monitor()), file);
                e.markActive(live, r.id(), new DomainStatus(StateKind.valueOf(r.state()), r.reason()));
                lifecycle.adopt(guest);
                try {
                    guest.monitor = monitors.connect(guest.monitorSocket, new GuestEvents(lifecycle, guest),
                            Lifecycle.MONITOR_TIMEOUT, guest.process::isAlive);
                    boolean running = guest.monitor.queryStatus().running();
                    if (running != (e.status().state() == StateKind.RUNNING)) {
                        lifecycle.setStatus(guest, running ? new DomainStatus(StateKind.RUNNING, "unpaused")
                                : new DomainStatus(StateKind.PAUSED, "unknown"));
                    }
                    // jobs that ended meanwhile are finished now, vanished ones dropped (saved in the record)
                    GuestBlockJobs.attach(lifecycle, guest).recover(r.blockJobs());
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

    private static void removeRuntimeFiles(Path record, Path monitor) {
        try {
            Files.deleteIfExists(monitor);
            Files.deleteIfExists(record);
        } catch (IOException e) {
            Log.warn("cannot remove " + record, e);
        }
    }
}
