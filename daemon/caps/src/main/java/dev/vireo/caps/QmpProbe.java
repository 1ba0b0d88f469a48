package dev.vireo.caps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.qmp.QmpClient;
import dev.vireo.qmp.QmpCommandException;
import dev.vireo.qmp.QmpException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Asks a modern emulator what it can do over QMP, as libvirt 9 does: it starts the binary with no
 * machine ({@code -machine none}), nothing else, and a QMP socket in a private temporary directory,
 * asks the probing commands, then quits it (killing it if it does not go).
 *
 * <p>CPU model usability depends on the accelerator the emulator runs with, so when {@code /dev/kvm}
 * is usable a second emulator runs with {@code accel=kvm}, in parallel, for its CPU questions alone:
 * {@code query-cpu-definitions} and the expansions that describe the host-model CPU
 * ({@link HostCpuChoice}; those are sent all at once, one round trip for some fifty models).
 * A KVM that does not start only means "no KVM here".
 * Every step is bounded by the timeout; a QEMU that fails names its first error line.
 */
final class QmpProbe {

    private static final System.Logger LOG = System.getLogger(QmpProbe.class.getName());
    private static final Path DEV_KVM = Path.of("/dev/kvm");

    /**
     * Devices whose properties are asked for: the disk, network, controller and display devices the
     * command builder writes for a modern machine, plus those {@link DeviceRules} reads. Only the
     * ones the binary has are asked.
     */
    static final List<String> PROPERTY_DEVICES = List.of(
            "virtio-blk-pci", "virtio-net-pci", "virtio-scsi-pci", "scsi-hd", "scsi-cd", "ide-hd", "ide-cd",
            "qemu-xhci", "usb-redir", "virtio-vga", "virtio-gpu-pci", "pcie-root-port", "PIIX4_PM", "ICH9-LPC");

    private final Duration timeout;

    QmpProbe(Duration timeout) {
        this.timeout = timeout;
    }

    QmpReplies probe(Path binary) throws ProbeException {
        Future<CpuReplies> kvmCpus = null;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            if (Files.isReadable(DEV_KVM) && Files.isWritable(DEV_KVM)) {
                kvmCpus = pool.submit(() -> session(binary, "kvm", this::cpuQuestions));
            }
            Map<String, JsonNode> cpus = new LinkedHashMap<>();
            Map<String, QmpReplies.HostCpuReplies> hostCpus = new LinkedHashMap<>();
            QmpReplies tcg = session(binary, "tcg", client -> ask(client, cpus, hostCpus));
            if (kvmCpus != null) {
                try {
                    CpuReplies kvm = kvmCpus.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
                    cpus.put("kvm", kvm.definitions());
                    if (kvm.hostCpu() != null) hostCpus.put("kvm", kvm.hostCpu());
                } catch (ExecutionException | TimeoutException e) {
                    LOG.log(System.Logger.Level.INFO, "emulator " + binary + " does not run with KVM here, "
                            + "so its CPU models are known for TCG only: " + (e.getCause() == null ? e : e.getCause()).getMessage());
                }
            }
            return new QmpReplies(tcg.version(), tcg.machines(), tcg.kvm(), tcg.deviceTypes(), tcg.acceleratorTypes(),
                    tcg.deviceProperties(), cpus, tcg.commands(), tcg.tpmTypes(), hostCpus);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted while probing emulator " + binary + " over QMP", e);
        }
    }

    private QmpReplies ask(QmpClient client, Map<String, JsonNode> cpus, Map<String, QmpReplies.HostCpuReplies> hostCpus)
            throws QmpException, InterruptedException {
        JsonNode version = client.execute("query-version");
        JsonNode machines = client.execute("query-machines");
        JsonNode kvm = client.execute("query-kvm");
        JsonNode devices = client.execute("qom-list-types", Map.of("implements", "device", "abstract", false));
        JsonNode accels = client.execute("qom-list-types", Map.of("implements", "accel", "abstract", false));
        Set<String> present = new LinkedHashSet<>();
        for (JsonNode t : devices) present.add(t.path("name").asText());
        Set<String> wanted = new LinkedHashSet<>(PROPERTY_DEVICES);
        wanted.addAll(DeviceRules.devicesToQuery(QmpCapsParser.catalogOf(devices)));
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (String device : wanted) {
            if (present.contains(device)) {
                properties.put(device, client.execute("device-list-properties", Map.of("typename", device)));
            }
        }
        CpuReplies tcg = cpuQuestions(client);
        cpus.put("tcg", tcg.definitions());
        if (tcg.hostCpu() != null) hostCpus.put("tcg", tcg.hostCpu());
        JsonNode commands = client.execute("query-commands");
        JsonNode tpm = client.execute("query-tpm-types");
        return new QmpReplies(version, machines, kvm, devices, accels, properties, Map.of(), commands, tpm);
    }

    /** The CPU models under the emulator's accelerator, and its host-model CPU's expansions (null if none). */
    private record CpuReplies(JsonNode definitions, QmpReplies.HostCpuReplies hostCpu) {
    }

    private CpuReplies cpuQuestions(QmpClient client) throws QmpException, InterruptedException {
        JsonNode definitions = client.execute("query-cpu-definitions");
        JsonNode max;
        try {
            max = client.execute("query-cpu-model-expansion", expansion("full", "max"));
        } catch (QmpCommandException e) {
            // an emulator without CPU model expansion (or without a max model) has no host-model CPU
            LOG.log(System.Logger.Level.INFO, "no host-model CPU: " + e.getMessage());
            return new CpuReplies(definitions, null);
        }
        Map<String, CompletableFuture<JsonNode>> asked = new LinkedHashMap<>();
        for (String model : HostCpuChoice.candidates(definitions)) {
            asked.put(model, client.submit("query-cpu-model-expansion", expansion("static", model), timeout));
        }
        Map<String, JsonNode> models = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<JsonNode>> a : asked.entrySet()) {
            try {
                models.put(a.getKey(), a.getValue().get());
            } catch (ExecutionException e) {
                // a model QEMU will not expand is no candidate; a dead or silent emulator fails the probe
                if (!(e.getCause() instanceof QmpCommandException)) {
                    if (e.getCause() instanceof QmpException q) throw q;
                    throw new IllegalStateException("query-cpu-model-expansion of " + a.getKey() + " failed", e.getCause());
                }
            }
        }
        return new CpuReplies(definitions, new QmpReplies.HostCpuReplies(max, models));
    }

    private static JsonNode expansion(String type, String model) {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("type", type);
        args.putObject("model").put("name", model);
        return args;
    }

    @FunctionalInterface
    private interface Questions<T> {
        T ask(QmpClient client) throws QmpException, InterruptedException;
    }

    /** Runs the emulator with {@code accel}, asks, and always ends the emulator and removes its directory. */
    private <T> T session(Path binary, String accel, Questions<T> questions) throws ProbeException, InterruptedException {
        Path dir;
        try {
            dir = Files.createTempDirectory("vireo-caps-");
        } catch (IOException e) {
            throw new ProbeException("cannot create a directory for probing emulator " + binary + ": " + e.getMessage(), e);
        }
        Path socket = dir.resolve("qmp.sock");
        Path log = dir.resolve("stderr");
        List<String> argv = List.of(binary.toString(), "-S", "-no-user-config", "-nodefaults", "-display", "none",
                "-machine", "none,accel=" + accel, "-qmp", "unix:" + socket + ",server=on,wait=off");
        Process qemu = null;
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile());
            pb.environment().clear();
            pb.environment().put("LC_ALL", "C");
            pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
            qemu = pb.start();
            Process running = qemu;
            QmpClient.Options options = QmpClient.Options.DEFAULTS.withConnectTimeout(timeout).withCommandTimeout(timeout);
            try (QmpClient client = QmpClient.connect(socket, options, running::isAlive)) {
                T answers = questions.ask(client);
                quit(client);
                return answers;
            }
        } catch (IOException e) {
            throw new ProbeException("emulator " + String.join(" ", argv) + " failed to answer over QMP: "
                    + e.getMessage() + firstErrorLine(qemu, log), e);
        } finally {
            if (qemu != null) end(qemu);
            deleteTree(dir);
        }
    }

    private static void quit(QmpClient client) throws InterruptedException {
        try {
            client.execute("quit");
        } catch (QmpException e) {
            // the emulator may close the socket before it answers; it is killed below if it stays
        }
    }

    private void end(Process qemu) throws InterruptedException {
        if (!qemu.waitFor(1, TimeUnit.SECONDS)) {
            qemu.destroyForcibly();
            qemu.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static String firstErrorLine(Process qemu, Path log) throws InterruptedException {
        if (qemu == null) return "";
        if (qemu.isAlive()) qemu.waitFor(200, TimeUnit.MILLISECONDS);
        try {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            return text.lines().filter(l -> !l.isBlank()).findFirst().map(l -> " (" + l.strip() + ")").orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove probe directory " + dir + ": " + e.getMessage());
        }
    }
}
