package dev.vireo.daemon.guest;

import dev.vireo.command.LaunchOptions;
import dev.vireo.daemon.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Host facts a guest's command line names, looked up when it starts (and for
 * {@code domxml-to-native}) as libvirt looks them up:
 * <ul>
 * <li>the folder for hugepage-backed RAM: {@code vireo} under the hugetlbfs mount of the host's default
 *     huge page size ({@code /proc/mounts}, {@code /proc/meminfo}), made when missing; none when
 *     nothing is mounted, and a hugepage guest is then refused before QEMU runs, as libvirt refuses it
 *     ("hugetlbfs filesystem is not mounted");</li>
 * <li>the DRM render node for SPICE OpenGL: the first {@code /dev/dri/renderD*} by name, or none
 *     (a host without a GPU).</li>
 * </ul>
 */
public final class HostFacilities {
    private static final Path MOUNTS = Path.of("/proc/mounts");
    private static final Path MEMINFO = Path.of("/proc/meminfo");
    private static final Path DRI = Path.of("/dev/dri");
    static final String HUGEPAGE_FOLDER = "vireo";

    private HostFacilities() {
    }

    /** The options with this host's hugepage folder and render node. */
    public static LaunchOptions apply(LaunchOptions options) {
        return options.withHugepagePath(hugepageFolder()).withRenderNode(renderNode(DRI));
    }

    private static Path hugepageFolder() {
        Path mount;
        try {
            mount = hugetlbfsMount(Files.readAllLines(MOUNTS), defaultPageKib(Files.readAllLines(MEMINFO)));
        } catch (IOException e) {
            Log.warn("cannot read the host's mounts", e);
            return null;
        }
        if (mount == null) return null;
        Path folder = mount.resolve(HUGEPAGE_FOLDER);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            // QEMU then says why it cannot use it, and the start's error leads with that.
            Log.warn("cannot create the hugepage folder " + folder, e);
        }
        return folder;
    }

    /**
     * The hugetlbfs mount point of {@code defaultPageKib} pages (a mount without {@code pagesize=}
     * has the default size), else the first hugetlbfs mount, else null. Lines as in {@code /proc/mounts}.
     */
    static Path hugetlbfsMount(List<String> mounts, long defaultPageKib) {
        Path first = null;
        for (String line : mounts) {
            String[] f = line.split(" ");
            if (f.length < 4 || !f[2].equals("hugetlbfs")) continue;
            Path point = Path.of(f[1].replace("\\040", " "));
            if (first == null) first = point;
            long size = defaultPageKib;
            for (String option : f[3].split(",")) {
                if (option.startsWith("pagesize=")) size = kib(option.substring("pagesize=".length()));
            }
            if (size == defaultPageKib) return point;
        }
        return first;
    }

    /** {@code Hugepagesize:} of {@code /proc/meminfo}, in KiB (0 when absent). */
    static long defaultPageKib(List<String> meminfo) {
        for (String line : meminfo) {
            if (line.startsWith("Hugepagesize:")) {
                return Long.parseLong(line.substring("Hugepagesize:".length()).replace("kB", "").strip());
            }
        }
        return 0;
    }

    private static long kib(String size) {
        char unit = Character.toUpperCase(size.charAt(size.length() - 1));
        long n = Character.isDigit(unit) ? Long.parseLong(size) / 1024 : Long.parseLong(size.substring(0, size.length() - 1));
        return switch (unit) {
            case 'G' -> n * 1024 * 1024;
            case 'M' -> n * 1024;
            default -> n;
        };
    }

    /** The first {@code renderD*} node in {@code dri} by name, or null. */
    static Path renderNode(Path dri) {
        if (!Files.isDirectory(dri)) return null;
        try (Stream<Path> nodes = Files.list(dri)) {
            return nodes.filter(p -> p.getFileName().toString().startsWith("renderD")).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            Log.warn("cannot list " + dri, e);
            return null;
        }
    }
}
