package dev.vireo.daemon;

import dev.vireo.caps.CapsCache;
import dev.vireo.caps.CapsProber;
import dev.vireo.caps.MachineTypesProbe;
import dev.vireo.daemon.config.DaemonConfig;
import dev.vireo.daemon.guest.GuestFiles;
import dev.vireo.daemon.guest.NvramStore;
import dev.vireo.daemon.guest.Swtpm;
import dev.vireo.daemon.guest.Virtiofsd;
import dev.vireo.daemon.disks.DiskLaunch;
import dev.vireo.daemon.domain.AutostartMarks;
import dev.vireo.daemon.domain.DefinitionCodec;
import dev.vireo.daemon.domain.DomainRegistry;
import dev.vireo.daemon.lifecycle.DomainLogs;
import dev.vireo.daemon.lifecycle.EventBus;
import dev.vireo.daemon.lifecycle.Emulators;
import dev.vireo.daemon.lifecycle.Lifecycle;
import dev.vireo.daemon.lifecycle.MonitorConnector;
import dev.vireo.daemon.lifecycle.QmpMonitorConnector;
import dev.vireo.daemon.lifecycle.Recovery;
import dev.vireo.daemon.ops.BackupOps;
import dev.vireo.daemon.ops.BlockCopyOps;
import dev.vireo.daemon.ops.BlockInfoOps;
import dev.vireo.daemon.ops.BlockJobOps;
import dev.vireo.daemon.ops.DiskAdminOps;
import dev.vireo.daemon.ops.DomainStatsOps;
import dev.vireo.daemon.ops.IoTuneOps;
import dev.vireo.daemon.ops.DefinitionOps;
import dev.vireo.daemon.ops.EmulatorOps;
import dev.vireo.daemon.ops.HotplugOps;
import dev.vireo.daemon.ops.ImageOps;
import dev.vireo.daemon.ops.ConsoleOps;
import dev.vireo.daemon.ops.LifecycleOps;
import dev.vireo.daemon.ops.SnapshotOps;
import dev.vireo.daemon.snapshots.SnapshotStore;
import dev.vireo.daemon.lifecycle.GuestConsoles;
import dev.vireo.daemon.rpc.Operations;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.rpc.RpcServer;

import java.io.IOException;
import java.nio.file.Files;

/**
 * A running vireod: definitions loaded from the state dir, running guests taken over from the
 * runtime dir, and the RPC server in front of them.
 */
public final class Daemon implements AutoCloseable {
    private final RpcServer server;

    private Daemon(RpcServer server) {
        this.server = server;
    }

    public static Daemon start(DaemonOptions options) throws IOException {
        Files.createDirectories(options.stateDir());
        DaemonConfig config = DaemonConfig.load(options.stateDir().resolve(DaemonConfig.FILE_NAME));
        // every folder has its final mode before a guest can start (socket or autostart)
        DaemonFolders folders = DaemonFolders.prepare(options, config.qemuIdentity());
        CapsCache caps = new CapsCache(options.stateDir().resolve("caps"), new CapsProber());
        // define's machine names and start's command line read one probe of each binary
        DefinitionCodec codec = new DefinitionCodec(new MachineTypesProbe(caps));
        DomainRegistry registry = DomainRegistry.load(folders.domains(), codec, config.jobWait());
        MonitorConnector monitors = new QmpMonitorConnector();
        FileWork files = new FileWork(FileWork.DEFAULT_TIMEOUT);
        GuestFiles guestFiles = new GuestFiles(new NvramStore(folders.nvram(), config.qemuIdentity()),
                new Swtpm(folders.swtpm(), folders.logs(), config.qemuIdentity()),
                new Virtiofsd(folders.logs(), Virtiofsd.DESCRIPTOR_FOLDERS));
        DiskLaunch diskLaunch = new DiskLaunch(config, config.chainPolicy());
        Lifecycle lifecycle = new Lifecycle(registry, codec, caps, new EventBus(), monitors, folders.qemuRun(),
                new DomainLogs(folders.logs()), diskLaunch, files, guestFiles);
        AutostartMarks autostart = new AutostartMarks(folders.autostart());

        // Operations register what their block jobs change when they conclude (Lifecycle.onConcluded)
        // before recovery, which finishes the jobs that concluded while the daemon was away.
        Operations operations = new Operations();
        DefinitionOps definitions = new DefinitionOps(registry, codec, autostart, lifecycle.events(), lifecycle::cpuSeconds,
                d -> Emulators.checkMachine(caps, d), guestFiles, lifecycle::isActive);
        definitions.register(operations);
        new EmulatorOps(caps, definitions, options.runtimeDir()).register(operations);
        new LifecycleOps(lifecycle, registry, definitions).register(operations);
        new ConsoleOps(new GuestConsoles(registry)).register(operations);
        new ImageOps(config.chainPolicy(), files).register(operations);
        new BlockInfoOps(registry, lifecycle, files).register(operations);
        BlockJobOps blockJobs = new BlockJobOps(lifecycle);
        blockJobs.register(operations);
        new DiskAdminOps(registry, lifecycle, files).register(operations);
        new IoTuneOps(registry, lifecycle).register(operations);
        new DomainStatsOps(registry, lifecycle, files).register(operations);
        new BlockCopyOps(lifecycle, files).register(operations);
        new BackupOps(lifecycle, files).register(operations);
        new HotplugOps(registry, lifecycle, codec, caps, diskLaunch, files).register(operations);
        SnapshotStore snapshots = SnapshotStore.load(options.stateDir().resolve("snapshot"));
        new SnapshotOps(registry, lifecycle, snapshots, codec, blockJobs::startCommit).register(operations);
        definitions.onUndefine(new SnapshotOps.Undefine(snapshots));
        int recovered = new Recovery(lifecycle, registry, monitors, folders.qemuRun()).run();
        RpcServer server = new RpcServer(options.socket(), operations, config.rpcLimits());
        server.start();
        Thread.ofVirtual().name("autostart").start(() -> startMarked(autostart, lifecycle));
        Log.info("listening on " + options.socket() + "; state in " + options.stateDir()
                + ", runtime files in " + options.runtimeDir() + "; " + registry.list().size()
                + " domains known, " + recovered + " found running");
        return new Daemon(server);
    }

    /** Starts the domains marked for autostart that are not running yet (each failure is logged, not fatal). */
    private static void startMarked(AutostartMarks autostart, Lifecycle lifecycle) {
        try {
            for (String name : autostart.marked()) {
                try {
                    if (!lifecycle.isActive(name)) lifecycle.start(name);
                } catch (VireoError e) {
                    Log.info("autostart of domain " + name + " failed: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            Log.warn("cannot read the autostart marks", e);
        }
    }

    /** Stops serving clients; running guests are left running (a restarted daemon finds them again). */
    @Override
    public void close() {
        try {
            server.close();
            Log.info("stopped");
        } catch (IOException e) {
            Log.warn("error while stopping", e);
        }
    }
}
