package dev.vireo.daemon.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.caps.CapsCache;
import dev.vireo.caps.QemuCaps;
import dev.vireo.command.CommandBuilder;
import dev.vireo.command.CommandLine;
import dev.vireo.command.HostModelCpu;
import dev.vireo.command.LaunchOptions;
import dev.vireo.command.LiveAliases;
import dev.vireo.command.UnsupportedConfigurationException;
import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.FileWork;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.disks.DiskLaunch;
import dev.vireo.daemon.disks.DiskThrottles;
import dev.vireo.daemon.disks.PreparedDisks;
import dev.vireo.daemon.domain.DefinitionCodec;
import dev.vireo.daemon.domain.DomainEntry;
import dev.vireo.daemon.domain.DomainRegistry;
import dev.vireo.daemon.domain.DomainStatus;
import dev.vireo.daemon.domain.StateKind;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.guest.FirmwareSelection;
import dev.vireo.daemon.guest.GuestFiles;
import dev.vireo.daemon.guest.GuestVsock;
import dev.vireo.daemon.guest.HostFacilities;
import dev.vireo.daemon.guest.Swtpm;
import dev.vireo.daemon.guest.ThreadPinning;
import dev.vireo.daemon.guest.Virtiofsd;
import dev.vireo.jobs.BlockJob;
import dev.vireo.jobs.BlockJobKind;
import dev.vireo.jobs.BlockJobs;
import dev.vireo.jobs.DomainJobs;
import dev.vireo.monitor.Monitor;
import dev.vireo.process.ManagedProcess;
import dev.vireo.process.ProcessSpawner;
import dev.vireo.process.Signal;
import dev.vireo.process.SpawnSpec;
import dev.vireo.qmp.QmpCommandException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs guests: start (QEMU paused with its monitor, then {@code cont}), destroy, shutdown, suspend,
 * resume, reboot, and the bookkeeping when a guest ends, however it ends. Every operation runs in
 * the domain's synchronous job slot; waiting for a guest to power off does not hold it.
 */
public final class Lifecycle {
    static final Duration MONITOR_TIMEOUT = Duration.ofSeconds(30);
    /** The paused reason of a guest whose start has not reached {@code cont}. */
    static final String STARTING_UP = "starting up";
    /** How long destroy lets QEMU handle SIGTERM before SIGKILL. */
    private static final Duration TERM_GRACE = Duration.ofSeconds(3);

    private final DomainRegistry registry;
    private final DefinitionCodec codec;
    private final CapsCache caps;
    private final EventBus events;
    private final MonitorConnector monitors;
    private final Path runDir;
    private final DomainLogs logs;
    private final DiskLaunch disks;
    private final FileWork files;
    private final GuestFiles guestFiles;
    private final AtomicInteger lastId = new AtomicInteger();
    private final GraphicsPorts displays = new GraphicsPorts();
    private final Map<String, RunningGuest> running = new ConcurrentHashMap<>();
    private final Map<BlockJobKind, JobConclusion> conclusions = new ConcurrentHashMap<>();
    private final Map<String, JobFollowUp> followUps = new ConcurrentHashMap<>();
    private volatile ReleasedDevices releasedDevices;

    public Lifecycle(DomainRegistry registry, DefinitionCodec codec, CapsCache caps, EventBus events,
                     MonitorConnector monitors, Path runDir, DomainLogs logs, DiskLaunch disks, FileWork files,
                     GuestFiles guestFiles) {
        this.guestFiles = guestFiles;
        this.registry = registry;
        this.codec = codec;
        this.caps = caps;
        this.events = events;
        this.monitors = monitors;
        this.runDir = runDir;
        this.logs = logs;
        this.disks = disks;
        this.files = files;
    }

    public EventBus events() {
        return events;
    }

    /**
     * Runs {@code action} on the running guest in the domain's job slot: the way every operation
     * on a running guest (block jobs, snapshots, hotplug, resize, ...) reaches it.
     *
     * @param operation the command, named in the error of whoever finds the domain busy meanwhile
     */
    public <T> T withRunning(String key, String operation, GuestAction<T> action) throws VireoError {
        return registry.withJob(key, operation, e -> action.run(new LiveGuest(this, requireRunning(e))));
    }

    @FunctionalInterface
    public interface GuestAction<T> {
        T run(LiveGuest guest) throws VireoError;
    }

    /**
     * The running guest of a domain whose job slot the caller holds (from {@link DomainRegistry#withJob}),
     * or empty when it does not run: for operations that work on running and shut-off domains alike.
     */
    public Optional<LiveGuest> running(DomainEntry e) {
        if (!e.jobs().heldByCurrentThread()) throw new IllegalStateException("the job slot of '" + e.name() + "' is not held");
        RunningGuest g = running.get(e.name());
        return g == null || !e.status().active() ? Optional.empty() : Optional.of(new LiveGuest(this, g));
    }

    /** Registers what a kind of block job changes when it concludes (once, by the command that starts such jobs). */
    public void onConcluded(BlockJobKind kind, JobConclusion conclusion) {
        if (conclusions.putIfAbsent(kind, conclusion) != null) {
            throw new IllegalStateException("the conclusion of " + kind + " jobs is already registered");
        }
    }

    /** Registers what follows QEMU's deletion of a device (once, by the hotplug commands). */
    public void onDeviceReleased(ReleasedDevices released) {
        if (releasedDevices != null) throw new IllegalStateException("the device release is already registered");
        releasedDevices = released;
    }

    /** {@link ReleasedDevices#deleted}, in the job slot; a failure is logged (the event cannot be refused). */
    void deviceDeleted(RunningGuest guest, String id) {
        ReleasedDevices released = releasedDevices;
        if (released == null || id == null) return;
        withGuestLock(guest, "device removal", () -> {
            try {
                released.deleted(new LiveGuest(this, guest), id);
            } catch (VireoError | RuntimeException e) {
                Log.warn("domain " + guest.entry.name() + ": device '" + id + "' was deleted by QEMU, but not all it used was released", e);
            }
        });
    }

    /** {@link ReleasedDevices#recovered}, by the recovery of a restarted daemon (job slot held). */
    void devicesRecovered(RunningGuest guest) {
        ReleasedDevices released = releasedDevices;
        if (released == null) return;
        try {
            released.recovered(new LiveGuest(this, guest));
        } catch (VireoError | RuntimeException e) {
            Log.warn("domain " + guest.entry.name() + ": devices QEMU deleted meanwhile were not all released", e);
        }
    }

    /** The conclusion registered for a kind of job, if any. */
    Optional<JobConclusion> conclusionOf(BlockJobKind kind) {
        return Optional.ofNullable(conclusions.get(kind));
    }

    /** Registers a follow-up that jobs name in their record under {@link JobFollowUp#KEY} (once per name). */
    public void onFollowUp(String name, JobFollowUp followUp) {
        if (followUps.putIfAbsent(name, followUp) != null) {
            throw new IllegalStateException("the follow-up '" + name + "' is already registered");
        }
    }

    /** The follow-up a job's record names, if any. */
    Optional<JobFollowUp> followUpOf(BlockJob job) {
        String name = job.nodes().get(JobFollowUp.KEY);
        return name == null ? Optional.empty() : Optional.ofNullable(followUps.get(name));
    }

    /** {@link LiveGuest#changeLive}: the runtime record first, then the entry. */
    void changeLive(RunningGuest guest, Consumer<Domain> change) throws VireoError {
        DomainEntry e = guest.entry;
        Domain changed;
        try {
            changed = codec.copyLive(e.live());
        } catch (XmlProblemsException ex) {
            throw VireoError.internal("the live definition of '" + e.name() + "' no longer parses: " + ex.getMessage(), ex);
        }
        change.accept(changed);
        BlockJobs jobs = guest.blockJobs;
        try {
            writeRecord(guest, jobs == null ? List.of() : jobs.list(), changed);
        } catch (IOException ex) {
            throw failed("cannot record the change of domain '" + e.name() + "' in " + guest.runtimeFile + " (nothing was changed)", ex);
        }
        e.markActive(changed, e.id(), e.status());
    }

    /**
     * {@link LiveGuest#changeStored}, also for a shut-off domain (its job slot held): nothing for a
     * transient domain.
     */
    public void changeStored(DomainEntry e, Consumer<Domain> change) throws VireoError {
        if (!e.isPersistent()) return;
        Domain changed = copyOf(e.persistent());
        change.accept(changed);
        registry.replaceStored(e, changed);
    }

    /** Starts a defined domain from its stored definition. */
    public DomainEntry start(String key) throws VireoError {
        return registry.withJob(key, "start", e -> {
            requireInactive(e);
            if (!e.isPersistent()) throw VireoError.wrongState("domain '" + e.name() + "' has no stored definition");
            launch(e, e.persistent());
            return e;
        });
    }

    /** Starts a transient domain (nothing stored), or an inactive defined one from this XML. */
    public DomainEntry create(Domain definition) throws VireoError {
        DomainRegistry.checkNewName(codec.name(definition));
        return registry.withReserved(codec.name(definition), codec.uuid(definition), "create", e -> {
            requireInactive(e);
            try {
                launch(e, definition);
            } finally {
                registry.dropIfUnused(e);
            }
            return e;
        });
    }

    private void launch(DomainEntry e, Domain definition) throws VireoError {
        long began = System.nanoTime();
        Domain live = copyOf(definition);
        int id = lastId.incrementAndGet();
        live.setId(id);
        QemuCaps qemuCaps = Emulators.caps(caps, Emulators.of(live));
        // <os firmware='efi'>: the image comes from the host's firmware descriptors, into the live XML
        FirmwareSelection.fill(live, qemuCaps);
        Path monitor = RuntimePaths.monitor(runDir, id, e.name());
        Path record = RuntimePaths.record(runDir, e.name());
        CommandLine cmd;
        PreparedDisks opened;
        try {
            Files.deleteIfExists(monitor);
            GuestVsock.host().prepare(live, running.values().stream().map(g -> g.entry.live()).toList());
            GuestCharDevices.nameChannelSockets(live, GuestCharDevices.channelFolder(runDir, id, e.name()));
            displays.assign(e.name(), live);
            // names the UEFI variable store in the live XML and creates it from its template at the first start
            files.run("creating the UEFI variable store of domain '" + e.name() + "'", () -> {
                guestFiles.nvram().prepare(live, e.name());
                return null;
            });
            // walks every disk chain (refusals stop the start here), numbers the images in the live
            // XML and opens them for QEMU (on the file pool: an image on a hung mount or a FIFO must
            // not pin an RPC carrier); the command line renders that storage plan
            PreparedDisks prepared = files.run("opening the disks of domain '" + e.name() + "'", () -> disks.prepare(live));
            opened = prepared;
            try {
                LaunchOptions options = HostFacilities.apply(LaunchOptions.forMonitor(monitor))
                        .withDomainId(id).withFdSets(prepared.fdSets());
                cmd = displays.withChosenPorts(live, () -> CommandBuilder.build(live, qemuCaps, options));
                LiveAliases.fill(live, qemuCaps, options);
                // <cpu mode='host-model'> shows the CPU it became, as libvirt 9's live XML does
                HostModelCpu.fillLive(live, qemuCaps);
            } catch (UnsupportedConfigurationException | RuntimeException ex) {
                prepared.close();
                throw ex;
            }
        } catch (UnsupportedConfigurationException ex) {
            displays.release(e.name());
            throw VireoError.unsupported(ex.getMessage());
        } catch (VireoError ex) {
            displays.release(e.name());
            throw ex;
        } catch (IOException ex) {
            displays.release(e.name());
            throw failed("cannot prepare the start of domain '" + e.name() + "'", ex);
        }
        Swtpm.Running tpm;
        Virtiofsd.Running fsd = null;
        try {
            tpm = guestFiles.swtpm().start(live, e.name(), e.uuid(), LaunchOptions.forMonitor(monitor).tpmSocket()).orElse(null);
            try {
                fsd = guestFiles.virtiofsd().start(live, e.name(), LaunchOptions.forMonitor(monitor)).orElse(null);
            } catch (VireoError ex) {
                if (tpm != null) tpm.stop();
                throw ex;
            }
        } catch (VireoError ex) {
            opened.close();
            displays.release(e.name());
            throw ex;
        }
        ManagedProcess process;
        try (opened) {
            // Recorded before QEMU exists: a daemon killed from here on finds this QEMU again by
            // its monitor path (Recovery), and a start that cannot be recorded does not happen.
            try {
                new RuntimeRecord(e.name(), e.uuid(), 0, 0, monitor.toString(), id, StateKind.PAUSED.name(), STARTING_UP,
                        e.isPersistent(), codec.formatLive(live), List.of()).write(record);
            } catch (IOException ex) {
                if (tpm != null) tpm.stop();
                if (fsd != null) fsd.stop();
                displays.release(e.name());
                throw failed("cannot record the start of domain '" + e.name() + "' in " + record + " (nothing was started)", ex);
            }
            StartHold.at("recorded", e.name());
            Path log = logs.starting(e.name(), cmd.toShellLine());
            process = ProcessSpawner.spawn(opened.configure(SpawnSpec.command(cmd.argv()).environment(environmentOf(cmd)).log(log)).build());
        } catch (IOException ex) {
            if (tpm != null) tpm.stop();
            if (fsd != null) fsd.stop();
            displays.release(e.name());
            removeQuietly(record);
            throw failed("cannot start " + cmd.emulator() + " for domain '" + e.name() + "'", ex);
        }
        RunningGuest guest = new RunningGuest(e, process, monitor, record);
        guest.tpm = tpm;
        guest.virtiofsd = fsd;
        running.put(e.name(), guest);
        e.markActive(live, id, new DomainStatus(StateKind.PAUSED, STARTING_UP));
        process.onExit().thenRunAsync(() -> guestEnded(guest), r -> Thread.ofVirtual().start(r));
        StartHold.at("spawned", e.name());
        try {
            writeRecord(guest, List.of());
        } catch (IOException ex) {
            abortStart(guest);
            throw failed("cannot record the start of domain '" + e.name() + "' in " + record + " (QEMU was stopped)", ex);
        }
        try {
            guest.monitor = monitors.connect(monitor, new GuestEvents(this, guest), MONITOR_TIMEOUT, process::isAlive);
            StartHold.at("connected", e.name());
            GuestBlockJobs.attach(this, guest);
            GraphicsPasswords.set(live, guest.monitor);
            DiskThrottles.applyAtStart(live, guest.monitor);
            GuestCharDevices.refresh(live, guest.monitor);
            guest.fdSets = GuestFdSets.read(guest.monitor, live);
            ThreadPinning.apply(live, guest.monitor, process.pid());
            guest.monitor.cont();
        } catch (IOException ex) {
            String why = whyStartFailed(guest, cmd.emulator(), ex);
            abortStart(guest);
            throw VireoError.failed(why);
        }
        guest.starting = false;
        e.status(new DomainStatus(StateKind.RUNNING, "booted"));
        try {
            writeRecord(guest, List.of());
        } catch (IOException ex) {
            abortStart(guest);
            throw failed("cannot record the start of domain '" + e.name() + "' in " + record + " (QEMU was stopped)", ex);
        }
        events.lifecycle(e.name(), "Started", "Booted");
        Log.info("domain " + e.name() + " started (id " + id + ", pid " + process.pid() + ") in "
                + (System.nanoTime() - began) / 1_000_000 + " ms");
    }

    /**
     * QEMU's own reason leads: the last error it wrote to the log when it exited (e.g. {@code
     * Bus 'pci.0' not found}); otherwise what went wrong with the monitor.
     */
    private String whyStartFailed(RunningGuest guest, String emulator, Exception ex) {
        String name = guest.entry.name();
        String where = " (log: " + logs.file(name) + ")";
        try {
            // QEMU's error is on its stderr before it exits; give an exiting QEMU a moment to finish
            guest.process.onExit().get(1, TimeUnit.SECONDS);
        } catch (TimeoutException | InterruptedException | ExecutionException stillRuns) {
            return "domain '" + name + "' did not start: " + ex.getMessage() + where + logs.tail(name);
        }
        return logs.emulatorError(name, Path.of(emulator).getFileName().toString())
                .map(error -> "QEMU refused the command line: " + error + where)
                .orElse("QEMU exited while domain '" + name + "' was starting: " + ex.getMessage() + where + logs.tail(name));
    }

    /** Stops the QEMU of a start that cannot complete; the domain is shut off (failed). */
    private void abortStart(RunningGuest guest) {
        guest.destroyRequested = true;
        kill(guest);
        finish(guest, "failed");
    }

    private static void removeQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ex) {
            Log.warn("cannot remove " + file, ex);
        }
    }

    /** Kills QEMU at once (SIGTERM, then SIGKILL) and waits until the domain is shut off. */
    public void destroy(String key) throws VireoError {
        registry.withJob(key, "destroy", e -> {
            RunningGuest guest = requireRunning(e);
            guest.destroyRequested = true;
            kill(guest);
            finish(guest, guest.stopReason());
            return null;
        });
    }

    /**
     * Presses the guest's ACPI power button.
     *
     * @param timeout when not null, wait this long for the guest to shut off, then fail
     */
    public void shutdown(String key, Duration timeout) throws VireoError {
        RunningGuest guest = registry.withJob(key, "shutdown", e -> {
            RunningGuest g = requireRunning(e);
            monitorCommand(g, "system_powerdown", Monitor::systemPowerdown);
            return g;
        });
        if (timeout == null) return;
        try {
            guest.stopped.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException ex) {
            throw VireoError.failed("domain '" + guest.entry.name() + "' did not shut off within "
                    + timeout.toSeconds() + " s (the guest may ignore the ACPI power button; destroy stops it at once)");
        } catch (InterruptedException | ExecutionException ex) {
            throw failed("waiting for domain '" + guest.entry.name() + "' to shut off", ex);
        }
    }

    public void suspend(String key) throws VireoError {
        registry.withJob(key, "suspend", e -> {
            RunningGuest g = requireRunning(e);
            if (e.status().state() == StateKind.PAUSED) throw VireoError.wrongState("domain '" + e.name() + "' is already paused");
            monitorCommand(g, "stop", Monitor::stop);
            setStatus(g, new DomainStatus(StateKind.PAUSED, "user"));
            events.lifecycle(e.name(), "Suspended", "Paused");
            return null;
        });
    }

    public void resume(String key) throws VireoError {
        registry.withJob(key, "resume", e -> {
            RunningGuest g = requireRunning(e);
            if (e.status().state() != StateKind.PAUSED) throw VireoError.wrongState("domain '" + e.name() + "' is not paused");
            monitorCommand(g, "cont", Monitor::cont);
            setStatus(g, new DomainStatus(StateKind.RUNNING, "unpaused"));
            events.lifecycle(e.name(), "Resumed", "Unpaused");
            return null;
        });
    }

    /** Resets the guest (like pressing its reset button). */
    public void reboot(String key) throws VireoError {
        registry.withJob(key, "reboot", e -> {
            monitorCommand(requireRunning(e), "system_reset", Monitor::systemReset);
            return null;
        });
    }

    /** Passes a QMP command through; QMP's whole reply comes back, an error included. */
    public JsonNode monitorPassThrough(String key, ObjectNode command) throws VireoError {
        return registry.withJob(key, "qemu-monitor-command", e -> {
            try {
                return monitorOf(requireRunning(e)).passThrough(command);
            } catch (IOException ex) {
                throw failed("monitor of domain '" + e.name() + "'", ex);
            }
        });
    }

    // --- bookkeeping --------------------------------------------------------------------------

    /** QEMU ended (reaped or, for an adopted one, seen through its pidfd). */
    void guestEnded(RunningGuest guest) {
        withGuestLock(guest, "guest ended", () -> finish(guest, guest.stopReason()));
    }

    /**
     * Runs {@code action} in the domain's job slot unless the guest has already stopped. The
     * daemon's own bookkeeping waits as long as it takes: every other holder is itself bounded.
     *
     * @param operation what the daemon does, for the error of whoever waits meanwhile
     */
    void withGuestLock(RunningGuest guest, String operation, Runnable action) {
        try (DomainJobs.SyncJob job = guest.entry.jobs().beginInternal(operation)) {
            if (!guest.stopped.isDone()) action.run();
        }
    }

    /** Marks the domain shut off and removes its runtime files; idempotent (call with the lock held). */
    void finish(RunningGuest guest, String reason) {
        if (guest.stopped.isDone()) return;
        DomainEntry e = guest.entry;
        if (guest.monitor != null) guest.monitor.close();
        if (guest.blockJobs != null) guest.blockJobs.guestStopped();
        try {
            Files.deleteIfExists(guest.monitorSocket);
            Files.deleteIfExists(guest.runtimeFile);
        } catch (IOException ex) {
            Log.warn("cannot remove runtime files of " + e.name(), ex);
        }
        if (guest.tpm != null) guest.tpm.stop();
        if (guest.virtiofsd != null) guest.virtiofsd.stop();
        try {
            GuestCharDevices.removeChannelFolder(GuestCharDevices.channelFolder(runDir, e.id(), e.name()));
        } catch (IOException ex) {
            Log.warn("cannot remove the channel sockets of " + e.name(), ex);
        }
        running.remove(e.name(), guest);
        displays.release(e.name());
        Domain ran = e.live();
        e.markInactive(new DomainStatus(StateKind.SHUTOFF, reason));
        if (!e.isPersistent() && ran != null) removeGuestFiles(e, ran);
        logs.stopped(e.name(), reason);
        registry.dropIfUnused(e);
        guest.stopped.complete(null);
        events.lifecycle(e.name(), "Stopped", Character.toUpperCase(reason.charAt(0)) + reason.substring(1));
        Log.info("domain " + e.name() + " shut off (" + reason + ")");
    }

    /** A domain without definition (undefined while it ran, or created transient) leaves no state behind. */
    private void removeGuestFiles(DomainEntry e, Domain ran) {
        try {
            guestFiles.remove(ran, e.name(), e.uuid());
        } catch (VireoError ex) {
            Log.warn("cannot remove the variable store or TPM state of " + e.name(), ex);
        }
    }

    /** Records a status change and persists it for recovery (call with the lock held). */
    void setStatus(RunningGuest guest, DomainStatus status) {
        guest.entry.status(status);
        persist(guest);
    }

    void persist(RunningGuest guest) {
        BlockJobs jobs = guest.blockJobs;
        try {
            writeRecord(guest, jobs == null ? List.of() : jobs.list());
        } catch (IOException ex) {
            Log.warn("cannot write runtime state of " + guest.entry.name() + "; a daemon restart would not find it", ex);
        }
    }

    /** Writes the guest's runtime record, with these block jobs, in one atomic replace. */
    void writeRecord(RunningGuest guest, List<BlockJob> blockJobs) throws IOException {
        writeRecord(guest, blockJobs, guest.entry.live());
    }

    /** The same, with the live definition that is about to replace the entry's. */
    private void writeRecord(RunningGuest guest, List<BlockJob> blockJobs, Domain live) throws IOException {
        DomainEntry e = guest.entry;
        if (guest.stopped.isDone() || live == null) return;
        new RuntimeRecord(e.name(), e.uuid(), guest.process.pid(), guest.process.identity().startTicks(),
                guest.monitorSocket.toString(), e.id(), e.status().state().name(), e.status().reason(),
                e.isPersistent(), codec.formatLive(live), blockJobs, guest.completedJob).write(guest.runtimeFile);
    }

    /** The swtpm processes of the running guests (for recovery: every other one is an orphan). */
    List<Swtpm.Running> runningSwtpms() {
        return running.values().stream().map(g -> g.tpm).filter(java.util.Objects::nonNull).toList();
    }

    /** A guest found again after a restart becomes managed like one this daemon started. */
    void adopt(RunningGuest guest) {
        running.put(guest.entry.name(), guest);
        lastId.accumulateAndGet(guest.entry.id(), Math::max);
        guest.starting = false;
        guest.process.onExit().thenRunAsync(() -> guestEnded(guest), r -> Thread.ofVirtual().start(r));
    }

    /**
     * Stops a guest found again after a restart that must not go on (it powered off while the
     * daemon was down, or its start never reached {@code cont}); call with the domain's lock held.
     */
    void stopFound(RunningGuest guest, String reason) {
        if (reason.equals("shutdown")) guest.guestShutdown = true;
        else guest.destroyRequested = true;
        kill(guest);
        finish(guest, reason);
    }

    /** Whether a guest of that name runs (or is paused). */
    public boolean isActive(String name) {
        return running.containsKey(name);
    }

    /**
     * CPU time the guest's QEMU has used (user + system), or null when it does not run. Read from
     * {@code /proc/PID/stat} (fields 14 and 15, in clock ticks of 1/100 s on Linux).
     */
    public Double cpuSeconds(String name) {
        RunningGuest g = running.get(name);
        if (g == null) return null;
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(g.process.pid()), "stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void kill(RunningGuest guest) {
        kill(guest.process);
    }

    /** SIGTERM, then SIGKILL when QEMU has not ended after {@link #TERM_GRACE}; waits for the end. */
    static void kill(ManagedProcess process) {
        try {
            process.kill(Signal.SIGTERM);
            process.onExit().get(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            try {
                process.kill(Signal.SIGKILL);
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException | ExecutionException | TimeoutException ex) {
                Log.warn("cannot kill pid " + process.pid(), ex);
            }
        } catch (IOException | InterruptedException | ExecutionException ex) {
            Log.warn("cannot stop pid " + process.pid(), ex);
        }
    }

    /** One of the guest's monitor commands that return nothing. */
    @FunctionalInterface
    private interface MonitorCall {
        void run(Monitor monitor) throws IOException;
    }

    private void monitorCommand(RunningGuest g, String command, MonitorCall call) throws VireoError {
        try {
            call.run(monitorOf(g));
        } catch (QmpCommandException ex) {
            throw VireoError.failed(command + " refused by QEMU: " + ex.errorClass() + ": " + ex.description());
        } catch (IOException ex) {
            throw failed(command + " on domain '" + g.entry.name() + "'", ex);
        }
    }

    /** The guest's monitor; missing only when a restarted daemon could not reconnect to it. */
    static Monitor monitorOf(RunningGuest g) throws VireoError {
        Monitor m = g.monitor;
        if (m == null) {
            throw VireoError.failed("the monitor of domain '" + g.entry.name()
                    + "' is not connected (see the daemon's log); destroy still stops it");
        }
        return m;
    }

    private RunningGuest requireRunning(DomainEntry e) throws VireoError {
        RunningGuest g = running.get(e.name());
        if (g == null || !e.status().active()) throw VireoError.wrongState("domain '" + e.name() + "' is not running");
        return g;
    }

    private static void requireInactive(DomainEntry e) throws VireoError {
        if (e.status().active()) throw VireoError.wrongState("domain '" + e.name() + "' is already active");
    }

    /** A private copy of the definition for the running guest (it gains an id and runtime details). */
    private Domain copyOf(Domain d) throws VireoError {
        try {
            return codec.parse(codec.format(d));
        } catch (XmlProblemsException ex) {
            throw VireoError.internal("the stored definition of '" + d.getName() + "' no longer parses: " + ex.getMessage());
        }
    }

    /** QEMU gets exactly the environment the command line names, like libvirt (nothing inherited). */
    private static Map<String, String> environmentOf(CommandLine cmd) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : cmd.env()) {
            int eq = entry.indexOf('=');
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return env;
    }

    private static VireoError failed(String what, Exception cause) {
        return VireoError.failed(cause == null ? what : what + ": " + cause.getMessage(), cause);
    }
}
