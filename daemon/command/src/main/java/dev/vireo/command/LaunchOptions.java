package dev.vireo.command;

import dev.vireo.command.storage.FdSet;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the command line needs beyond the domain and the emulator's capabilities: where the
 * monitor listens, the running domain's id, and the host settings libvirt reads from its driver
 * configuration.
 *
 * @param monitorSocket   the Unix socket the emulator's monitor listens on
 * @param domainId        the running domain's id ({@code -domid}), or null when it is not running
 * @param hostEnvironment the daemon's environment: PATH, HOME, USER, LOGNAME (and QEMU_AUDIO_DRV,
 *                        SDL_AUDIODRIVER for SDL guests) are passed on from it
 * @param hugepagePath    the folder under a hugetlbfs mount for {@code -mem-path}, or null when the
 *                        host has none (a hugepage-backed domain is then refused)
 * @param memoryBackingDir the folder where QEMU makes the file of file-backed guest RAM
 *                        ({@code <memoryBacking><source type='file'/>}); libvirt's {@code memory_backing_dir}
 * @param renderNode      the host's DRM render node for SPICE OpenGL ({@code <gl enable='yes'/>} without a
 *                        {@code rendernode}), or null when the host has none (QEMU then looks itself, and says why it cannot)
 * @param incoming        the {@code -incoming} URI when the guest is restored or migrated in, or null
 * @param listenAddress   the address VNC and SPICE listen on when the domain names none
 * @param fdSets          the fd set the daemon filled for each disk image, by image number
 *                        ({@code <source index>}, {@code <backingStore index>}); QEMU opens the
 *                        paths of images without one
 */
public record LaunchOptions(Path monitorSocket, Integer domainId, Map<String, String> hostEnvironment,
                            Path hugepagePath, Path memoryBackingDir, Path renderNode, String incoming, String listenAddress,
                            Map<Integer, FdSet> fdSets) {

    /** libvirt's default for {@code vnc_listen} / {@code spice_listen}: loopback only. */
    public static final String DEFAULT_LISTEN_ADDRESS = "127.0.0.1";

    /** Where file-backed guest RAM goes when the daemon names no folder: shared memory, gone with QEMU. */
    public static final Path DEFAULT_MEMORY_BACKING_DIR = Path.of("/dev/shm");

    public LaunchOptions {
        Objects.requireNonNull(memoryBackingDir, "memoryBackingDir");
        Objects.requireNonNull(monitorSocket, "monitorSocket");
        hostEnvironment = Map.copyOf(hostEnvironment);
        Objects.requireNonNull(listenAddress, "listenAddress");
        fdSets = Map.copyOf(fdSets);
    }

    /** Options for a domain that is not running, with this process's environment. */
    public static LaunchOptions forMonitor(Path monitorSocket) {
        return new LaunchOptions(monitorSocket, null, System.getenv(), null, DEFAULT_MEMORY_BACKING_DIR, null, null,
                DEFAULT_LISTEN_ADDRESS, Map.of());
    }

    /**
     * The Unix socket where the domain's swtpm listens and QEMU connects: the monitor socket's path
     * with {@code .swtpm} for {@code .monitor} (as short, in the folder QEMU may reach). The daemon
     * starts swtpm on exactly this path.
     */
    public Path tpmSocket() {
        String monitor = monitorSocket.getFileName().toString();
        String stem = monitor.endsWith(".monitor") ? monitor.substring(0, monitor.length() - ".monitor".length()) : monitor;
        return monitorSocket.resolveSibling(stem + ".swtpm");
    }

    /**
     * The socket of the virtiofsd serving filesystem {@code alias}: beside the monitor,
     * {@code domain-ID-NAME-ALIAS-fs.sock} (libvirt: {@code domain-ID-NAME/ALIAS-fs.sock}); the
     * daemon starts virtiofsd on exactly this path.
     */
    public Path virtiofsSocket(String alias) {
        String monitor = monitorSocket.getFileName().toString();
        String stem = monitor.endsWith(".monitor") ? monitor.substring(0, monitor.length() - ".monitor".length()) : monitor;
        return monitorSocket.resolveSibling(stem + "-" + alias + "-fs.sock");
    }

    public LaunchOptions withDomainId(Integer id) {
        return new LaunchOptions(monitorSocket, id, hostEnvironment, hugepagePath, memoryBackingDir, renderNode, incoming, listenAddress, fdSets);
    }

    public LaunchOptions withHostEnvironment(Map<String, String> environment) {
        return new LaunchOptions(monitorSocket, domainId, new LinkedHashMap<>(environment), hugepagePath,
                memoryBackingDir, renderNode, incoming, listenAddress, fdSets);
    }

    public LaunchOptions withHugepagePath(Path path) {
        return new LaunchOptions(monitorSocket, domainId, hostEnvironment, path, memoryBackingDir, renderNode, incoming, listenAddress, fdSets);
    }

    public LaunchOptions withIncoming(String uri) {
        return new LaunchOptions(monitorSocket, domainId, hostEnvironment, hugepagePath, memoryBackingDir, renderNode, uri, listenAddress, fdSets);
    }

    public LaunchOptions withFdSets(Map<Integer, FdSet> sets) {
        return new LaunchOptions(monitorSocket, domainId, hostEnvironment, hugepagePath, memoryBackingDir, renderNode, incoming, listenAddress, sets);
    }

    public LaunchOptions withMemoryBackingDir(Path dir) {
        return new LaunchOptions(monitorSocket, domainId, hostEnvironment, hugepagePath, dir, renderNode, incoming,
                listenAddress, fdSets);
    }

    public LaunchOptions withRenderNode(Path node) {
        return new LaunchOptions(monitorSocket, domainId, hostEnvironment, hugepagePath, memoryBackingDir, node, incoming,
                listenAddress, fdSets);
    }
}
