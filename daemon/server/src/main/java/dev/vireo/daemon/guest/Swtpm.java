package dev.vireo.daemon.guest;

import dev.vireo.command.TpmArgs;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.Tpm;
import dev.vireo.conf.model.TpmBackendType;
import dev.vireo.conf.model.TpmVersion;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.config.QemuIdentity;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.process.ExitStatus;
import dev.vireo.process.ManagedProcess;
import dev.vireo.process.ProcessSpawner;
import dev.vireo.process.SpawnSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The emulated TPMs of the domains ({@code <tpm><backend type='emulator'>}): one swtpm process per
 * running guest, its state in {@code STATE/swtpm/UUID/} (created by {@code swtpm_setup} at the first
 * start, an endorsement key included), its control socket where the command line says
 * ({@link dev.vireo.command.LaunchOptions#tpmSocket()}), its log in the daemon's log folder.
 * swtpm runs as the daemon's user and ends by itself when QEMU closes the connection
 * ({@code --terminate}); the daemon stops it too when the guest ends. A daemon restarted after
 * being killed finds each running guest's swtpm again by its command line and stops those whose
 * guest is gone (lifecycle {@code Recovery}). The state is removed with the definition.
 */
public final class Swtpm {

    /** swtpm_setup creates keys (RSA and EC): seconds, not minutes. */
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(60);
    /** From spawn to a listening control socket. */
    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(10);
    private static final Map<String, String> ENVIRONMENT = Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL", "C");

    private final Path stateFolder;
    private final Path logFolder;
    private final Optional<QemuIdentity> qemu;

    /**
     * @param stateFolder the daemon's folder for TPM states (it exists, owner only)
     * @param logFolder   where each domain's swtpm log goes
     * @param qemu        who QEMU runs as, when not the daemon's user: it gets the control socket
     */
    public Swtpm(Path stateFolder, Path logFolder, Optional<QemuIdentity> qemu) {
        this.stateFolder = stateFolder;
        this.logFolder = logFolder;
        this.qemu = qemu;
    }

    /** The emulated TPM of the domain, or empty when it has none. */
    public static Optional<Tpm> emulated(Domain d) {
        if (d.getDevices() == null) return Optional.empty();
        return d.getDevices().getTpms().stream()
                .filter(t -> t.getBackend() != null && t.getBackend().getType() == TpmBackendType.EMULATOR)
                .findFirst();
    }

    /** The folder holding a domain's TPM state. */
    public Path stateOf(String uuid) {
        return stateFolder.resolve(uuid);
    }

    /**
     * Starts the domain's swtpm listening on {@code socket}, setting up its state first when it has
     * none; empty when the domain has no emulated TPM.
     *
     * @throws VireoError naming what failed and where its log is; nothing keeps running then
     */
    public Optional<Running> start(Domain live, String name, String uuid, Path socket) throws VireoError {
        Optional<Tpm> tpm = emulated(live);
        if (tpm.isEmpty()) return Optional.empty();
        boolean tpm2 = TpmArgs.version(tpm.get()) == TpmVersion.V2_0;
        Path state = stateOf(uuid);
        Path log = logFolder.resolve(name + "-swtpm.log");
        try {
            Files.createDirectories(state);
            Files.setAttribute(state, "unix:mode", 0700);
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw VireoError.failed("cannot prepare the TPM state folder " + state + ": " + e.getMessage(), e);
        }
        if (!hasState(state, tpm2)) setUp(state, tpm2, name, uuid, log);
        List<String> argv = new ArrayList<>(List.of("swtpm", "socket", "--ctrl", control(socket),
                "--tpmstate", "dir=" + state + ",mode=0600", "--log", "file=" + log, "--terminate"));
        if (tpm2) argv.add("--tpm2");
        ManagedProcess process;
        try {
            process = ProcessSpawner.spawn(SpawnSpec.command(argv).environment(ENVIRONMENT).log(log).build());
        } catch (IOException e) {
            throw VireoError.failed("cannot start swtpm for domain '" + name + "': " + e.getMessage(), e);
        }
        Running running = new Running(process, socket);
        long deadline = System.nanoTime() + LISTEN_TIMEOUT.toNanos();
        while (!Files.exists(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                running.stop();
                throw VireoError.failed("swtpm for domain '" + name + "' did not listen on " + socket + " within "
                        + LISTEN_TIMEOUT.toSeconds() + " s; see " + log);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.stop();
                throw VireoError.failed("interrupted while starting swtpm for domain '" + name + "'");
            }
        }
        Log.info("swtpm of domain " + name + " listening on " + socket + " (pid " + process.pid() + ")");
        return Optional.of(running);
    }

    /** Removes a domain's TPM state (at undefine); quiet when there is none. */
    public void remove(String uuid) throws VireoError {
        Path state = stateOf(uuid);
        if (!Files.exists(state)) return;
        try (Stream<Path> all = Files.walk(state)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw VireoError.failed("cannot remove the TPM state " + state + ": " + e.getMessage(), e);
        }
    }

    private String control(Path socket) {
        String ctrl = "type=unixio,path=" + socket + ",mode=0600";
        // QEMU under qemu_user must be able to connect; nobody else may
        if (qemu.isPresent()) ctrl += ",uid=" + qemu.get().uid() + ",gid=" + qemu.get().gid();
        return ctrl;
    }

    /** swtpm keeps a TPM's permanent state in this file once it has run. */
    private static boolean hasState(Path state, boolean tpm2) {
        return Files.exists(state.resolve(tpm2 ? "tpm2-00.permall" : "tpm-00.permall"));
    }

    private static void setUp(Path state, boolean tpm2, String name, String uuid, Path log) throws VireoError {
        List<String> argv = new ArrayList<>(List.of("swtpm_setup"));
        if (tpm2) argv.add("--tpm2");
        argv.addAll(List.of("--tpmstate", state.toString(), "--vmid", name + ":" + uuid, "--logfile", log.toString(),
                "--createek", "--lock-nvram", "--not-overwrite"));
        try {
            ManagedProcess setup = ProcessSpawner.spawn(SpawnSpec.command(argv).environment(ENVIRONMENT).log(log).build());
            ExitStatus status;
            try {
                status = setup.onExit().get(SETUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                setup.kill(dev.vireo.process.Signal.SIGKILL);
                throw VireoError.failed("swtpm_setup for domain '" + name + "' took more than "
                        + SETUP_TIMEOUT.toSeconds() + " s; see " + log);
            }
            if (!(status instanceof ExitStatus.Exited(int code) && code == 0)) {
                throw VireoError.failed("swtpm_setup for domain '" + name + "' " + status.describe() + "; see " + log);
            }
        } catch (IOException | ExecutionException e) {
            throw VireoError.failed("cannot set up the TPM state of domain '" + name + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VireoError.failed("interrupted while setting up the TPM of domain '" + name + "'");
        }
    }

    /** A domain's swtpm process. */
    public static final class Running {
        private static final Duration TERM_GRACE = Duration.ofSeconds(3);
        private final ManagedProcess process;
        private final Path socket;

        Running(ManagedProcess process, Path socket) {
            this.process = process;
            this.socket = socket;
        }

        /** A swtpm a previous run of the daemon started, found again (by its command line) after a restart. */
        public static Running adopted(ManagedProcess process, Path socket) {
            return new Running(process, socket);
        }

        public Path socket() {
            return socket;
        }

        public ManagedProcess process() {
            return process;
        }

        /** Stops it (if QEMU's end has not already) and removes its socket; idempotent. */
        public void stop() {
            try {
                if (process.isAlive()) {
                    process.kill(dev.vireo.process.Signal.SIGTERM);
                    try {
                        process.onExit().get(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException slow) {
                        process.kill(dev.vireo.process.Signal.SIGKILL);
                        process.onExit().get(10, TimeUnit.SECONDS);
                    }
                }
                Files.deleteIfExists(socket);
            } catch (IOException | ExecutionException | TimeoutException e) {
                Log.warn("cannot stop swtpm (pid " + process.pid() + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
