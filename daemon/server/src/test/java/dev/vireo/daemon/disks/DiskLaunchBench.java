package dev.vireo.daemon.disks;

import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.config.DaemonConfig;
import dev.vireo.daemon.domain.DefinitionCodec;
import dev.vireo.storage.ChainPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What passing fds costs the daemon at a start: {@link DiskLaunch#prepare} for 2 disks of 3
 * images each (raw <- qcow2 <- qcow2, made by qemu-img), with fds (walk, 6 opens with their
 * checks, close) and without (walk only), alternated in rounds so that load from
 * other processes hits both alike. Prints medians, asserts nothing. Run from the repository root
 * after {@code mvn -B -q -pl daemon/server -am test-compile} and a package of daemon/server:
 * <pre>
 * java -cp "daemon/server/target/test-classes:daemon/server/target/vireo-daemon.jar:daemon/server/target/lib/*" \
 *     dev.vireo.daemon.disks.DiskLaunchBench
 * </pre>
 */
public final class DiskLaunchBench {
    private static final int ROUNDS = 10;
    private static final int PER_ROUND = 500;

    private DiskLaunchBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("vireo-disk-launch-bench");
        try {
            List<String> tops = new ArrayList<>();
            StringBuilder disks = new StringBuilder();
            for (int d = 0; d < 2; d++) {
                String top = chain(dir, "d" + d);
                tops.add(top);
                disks.append("<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='").append(top)
                        .append("'/><target dev='vd").append((char) ('a' + d)).append("' bus='virtio'/></disk>");
            }
            String xml = "<domain type='qemu'><name>bench</name><memory>65536</memory><os><type arch='x86_64' "
                    + "machine='pc'>hvm</type></os><devices>" + disks + "</devices></domain>";
            DefinitionCodec codec = new DefinitionCodec();
            DiskLaunch withFds = new DiskLaunch(DaemonConfig.defaults(), ChainPolicy.defaults());
            DiskLaunch walkOnly = new DiskLaunch(new DaemonConfig(Optional.empty(), false), ChainPolicy.defaults());
            long[] fds = new long[ROUNDS * PER_ROUND];
            long[] walk = new long[ROUNDS * PER_ROUND];
            for (int round = -2; round < ROUNDS; round++) { // two warm-up rounds
                measure(withFds, codec, xml, fds, round);
                measure(walkOnly, codec, xml, walk, round);
            }
            System.out.println("DiskLaunch.prepare, 2 disks x 3 images (median over " + fds.length + " after warm-up)");
            print("with fds (walk + 6 opens + checks)", fds);
            print("pass_disk_fds = 0 (walk only)", walk);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.delete(f);
            }
            Files.delete(dir);
        }
    }

    private static void measure(DiskLaunch launch, DefinitionCodec codec, String xml, long[] into, int round)
            throws Exception {
        for (int i = 0; i < PER_ROUND; i++) {
            Domain live = codec.parse(xml);
            long began = System.nanoTime();
            try (PreparedDisks ignored = launch.prepare(live)) {
                long took = System.nanoTime() - began;
                if (round >= 0) into[round * PER_ROUND + i] = took;
            }
        }
    }

    private static void print(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-38s median %7.1f us  p10 %7.1f us  p90 %7.1f us%n", label,
                sorted[sorted.length / 2] / 1e3, sorted[sorted.length / 10] / 1e3, sorted[sorted.length * 9 / 10] / 1e3);
    }

    private static String chain(Path dir, String name) throws Exception {
        qemuImg("create", "-q", "-f", "raw", dir.resolve(name + "-0.raw").toString(), "64M");
        qemuImg("create", "-q", "-f", "qcow2", "-b", name + "-0.raw", "-F", "raw", dir.resolve(name + "-1.qcow2").toString());
        qemuImg("create", "-q", "-f", "qcow2", "-b", name + "-1.qcow2", "-F", "qcow2", dir.resolve(name + "-2.qcow2").toString());
        return dir.resolve(name + "-2.qcow2").toString();
    }

    private static void qemuImg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("qemu-img"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException("qemu-img failed: " + out);
    }
}
