package dev.vireo.daemon.guest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.command.LaunchOptions;
import dev.vireo.command.VhostUserFsArgs;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.Filesystem;
import dev.vireo.conf.model.VirtiofsBinary;
import dev.vireo.daemon.Json;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.process.ManagedProcess;
import dev.vireo.process.ProcessSpawner;
import dev.vireo.process.Signal;
import dev.vireo.process.SpawnSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The virtiofsd processes serving a guest's virtiofs filesystems ({@code <filesystem><driver
 * type='virtiofs'/>}): one per filesystem, started before QEMU and listening on the socket the
 * command line names ({@link LaunchOptions#virtiofsSocket}), stopped after QEMU. virtiofsd ends by
 * itself when QEMU closes the connection, so one left by a daemon that died goes with its guest.
 *
 * <p>The binary is the filesystem's {@code <binary path>}, else found as libvirt finds it: the
 * vhost-user descriptors of type {@code fs} in {@code /etc/qemu/vhost-user} and
 * {@code /usr/share/qemu/vhost-user} (a file in the first hides one of the same name in the
 * second; the first name in order wins). QEMU 7.2's {@code /usr/lib/qemu/virtiofsd} sandboxes
 * itself in namespaces: it needs the daemon to run as root.
 */
public final class Virtiofsd {
    /** From spawn to a listening socket. */
    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(10);
    private static final Map<String, String> ENVIRONMENT = Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL", "C");
    public static final List<Path> DESCRIPTOR_FOLDERS = List.of(Path.of("/etc/qemu/vhost-user"), Path.of("/usr/share/qemu/vhost-user"));

    private final Path logFolder;
    private final List<Path> descriptorFolders;

    public Virtiofsd(Path logFolder, List<Path> descriptorFolders) {
        this.logFolder = logFolder;
        this.descriptorFolders = descriptorFolders;
    }

    /**
     * Starts a virtiofsd for each virtiofs filesystem of {@code live} (its aliases assigned); empty
     * when it has none.
     *
     * @throws VireoError naming what failed and where the log is; nothing keeps running then
     */
    public Optional<Running> start(Domain live, String name, LaunchOptions options) throws VireoError {
        List<Filesystem> shared = live.getDevices() == null ? List.of()
                : live.getDevices().getFilesystems().stream().filter(VhostUserFsArgs::isVirtiofs).toList();
        if (shared.isEmpty()) return Optional.empty();
        Running running = new Running();
        try {
            for (Filesystem fs : shared) running.add(startOne(fs, name, options));
        } catch (VireoError e) {
            running.stop();
            throw e;
        }
        return Optional.of(running);
    }

    private Instance startOne(Filesystem fs, String name, LaunchOptions options) throws VireoError {
        String alias = fs.getAlias().getName();
        Path socket = options.virtiofsSocket(alias);
        Path log = logFolder.resolve(name + "-" + alias + "-virtiofsd.log");
        Path binary = binary(fs);
        if (fs.getSource() == null || fs.getSource().getDir() == null) {
            throw VireoError.unsupported("filesystem " + alias + " needs <source dir='...'/>: the host folder virtiofsd serves");
        }
        Path dir = Path.of(fs.getSource().getDir());
        if (!Files.isDirectory(dir)) throw VireoError.failed("filesystem " + alias + ": " + dir + " is not a folder");
        List<String> argv = new ArrayList<>(List.of(binary.toString(), "--socket-path=" + socket, "-o", options(fs, dir)));
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw VireoError.failed("cannot remove the stale socket " + socket + ": " + e.getMessage(), e);
        }
        ManagedProcess process;
        try {
            process = ProcessSpawner.spawn(SpawnSpec.command(argv).environment(ENVIRONMENT).log(log).build());
        } catch (IOException e) {
            throw VireoError.failed("cannot start " + binary + " for filesystem " + alias + " of domain '" + name + "': " + e.getMessage(), e);
        }
        Instance instance = new Instance(process, socket);
        long deadline = System.nanoTime() + LISTEN_TIMEOUT.toNanos();
        while (!Files.exists(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                instance.stop();
                throw VireoError.failed("virtiofsd for filesystem " + alias + " of domain '" + name + "' did not listen on "
                        + socket + " within " + LISTEN_TIMEOUT.toSeconds() + " s" + lastLine(log) + "; see " + log);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                instance.stop();
                throw VireoError.failed("interrupted while starting virtiofsd for domain '" + name + "'");
            }
        }
        Log.info("virtiofsd of domain " + name + " serving " + dir + " on " + socket + " (pid " + process.pid() + ")");
        return instance;
    }

    /** {@code -o source=DIR,...} as libvirt writes it for QEMU's virtiofsd (commas in the path doubled). */
    private static String options(Filesystem fs, Path dir) {
        StringBuilder o = new StringBuilder("source=").append(dir.toString().replace(",", ",,"));
        VirtiofsBinary b = fs.getBinary();
        if (b != null) {
            if (b.getCache() != null && b.getCache().getMode() != null) o.append(",cache=").append(b.getCache().getMode());
            if (b.getXattr() != null) o.append(b.getXattr() ? ",xattr" : ",no_xattr");
            if (b.getLock() != null && b.getLock().getFlock() != null) o.append(b.getLock().getFlock() ? ",flock" : ",no_flock");
            if (b.getLock() != null && b.getLock().getPosix() != null) o.append(b.getLock().getPosix() ? ",posix_lock" : ",no_posix_lock");
        }
        return o.toString();
    }

    private Path binary(Filesystem fs) throws VireoError {
        if (fs.getBinary() != null && fs.getBinary().getPath() != null) return Path.of(fs.getBinary().getPath());
        return find(descriptorFolders).orElseThrow(() -> VireoError.unsupported("filesystem " + fs.getAlias().getName()
                + ": no virtiofsd found: no vhost-user descriptor of type 'fs' in " + descriptorFolders
                + " names an existing binary (Debian's qemu-system-common ships /usr/lib/qemu/virtiofsd); "
                + "or give <binary path='...'/>"));
    }

    /** The binary of the first vhost-user descriptor of type {@code fs}, in libvirt's order. */
    static Optional<Path> find(List<Path> folders) {
        TreeMap<String, Path> byName = new TreeMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) continue;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
                for (Path f : files) byName.putIfAbsent(f.getFileName().toString(), f);
            } catch (IOException e) {
                Log.warn("cannot read the vhost-user descriptors in " + folder, e);
            }
        }
        for (Path descriptor : byName.values()) {
            try {
                JsonNode d = Json.MAPPER.readTree(descriptor.toFile());
                if (d == null || !"fs".equals(d.path("type").asText())) continue;
                Path binary = Path.of(d.path("binary").asText());
                if (d.path("binary").isTextual() && Files.isExecutable(binary)) return Optional.of(binary);
            } catch (IOException | RuntimeException e) {
                Log.warn("ignoring the vhost-user descriptor " + descriptor + ": " + e.getMessage(), null);
            }
        }
        return Optional.empty();
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) return ": " + lines.get(i).strip();
            }
        } catch (IOException ignored) {
            // no log to quote
        }
        return "";
    }

    /** One virtiofsd. */
    private record Instance(ManagedProcess process, Path socket) {
        private static final Duration TERM_GRACE = Duration.ofSeconds(3);

        void stop() {
            try {
                if (process.isAlive()) {
                    process.kill(Signal.SIGTERM);
                    try {
                        process.onExit().get(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException slow) {
                        process.kill(Signal.SIGKILL);
                        process.onExit().get(10, TimeUnit.SECONDS);
                    }
                }
                Files.deleteIfExists(socket);
            } catch (IOException | ExecutionException | TimeoutException e) {
                Log.warn("cannot stop virtiofsd (pid " + process.pid() + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A guest's virtiofsd processes. */
    public static final class Running {
        private final List<Instance> instances = new ArrayList<>();

        void add(Instance instance) {
            instances.add(instance);
        }

        /** Stops them (if QEMU's end has not already) and removes their sockets; idempotent. */
        public void stop() {
            for (Instance i : instances) i.stop();
        }
    }
}
