package dev.vireo.caps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Probes an emulator binary: runs {@code -help}, then (when the help shows how) lists the device
 * models and the properties of the devices that matter, and turns all of it into {@link QemuCaps}.
 *
 * <p>A modern binary (QEMU {@value #QMP_SINCE_TEXT} or later, the oldest libvirt 9 drives) is asked
 * over QMP instead of through {@code -device} listings ({@link QmpProbe}): the same device rules read
 * the device types and properties QMP lists, and QMP adds machine types, CPU models, accelerators and
 * the flags only it can tell. Such a binary also gets the host's firmware descriptors.
 *
 * <p>QEMU 0.12 can list its device models but not their properties, and exits with status 1 after
 * listing: for it the list is read whatever the exit status. An emulator may answer every
 * {@code -device} query with everything it knows (test doubles do);
 * properties already seen are not asked for again. The property queries run in parallel: each is a
 * separate emulator start, and that start time dominates the probe. {@link CapsAssembler} puts the
 * parts together.
 */
public final class CapsProber {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** QEMU 4.2: from here on a binary is probed over QMP. */
    static final int QMP_SINCE = 4_002_000;
    static final String QMP_SINCE_TEXT = "4.2";

    private final EmulatorRunner runner;
    private final QmpProbe qmp;
    private final FirmwareDescriptors firmware;

    public CapsProber() {
        this(DEFAULT_TIMEOUT);
    }

    /** @param timeout for each single run of the emulator (and for each QMP step) */
    public CapsProber(Duration timeout) {
        this(timeout, FirmwareDescriptors.system());
    }

    /** @param firmware where the firmware descriptors of modern binaries are read */
    public CapsProber(Duration timeout, FirmwareDescriptors firmware) {
        this.runner = new EmulatorRunner(timeout);
        this.qmp = new QmpProbe(timeout);
        this.firmware = firmware;
    }

    /** What the capabilities of modern binaries depend on besides the binary: the firmware files. */
    public String hostStamp() {
        return firmware.stamp();
    }

    public QemuCaps probe(Path binary) throws ProbeException {
        if (!Files.exists(binary)) throw new ProbeException("emulator " + binary + " does not exist");
        if (!Files.isRegularFile(binary)) throw new ProbeException("emulator " + binary + " is not a regular file");
        if (!Files.isExecutable(binary)) throw new ProbeException("emulator " + binary + " is not executable");
        EmulatorRunner.Output help = runner.run(binary, List.of("-help"));
        if (help.exitCode() != 0) {
            throw new ProbeException("emulator " + binary + " -help failed with exit status " + help.exitCode()
                    + ": " + help.firstErrorLine());
        }
        HelpCaps helpCaps;
        try {
            helpCaps = HelpParser.parse(help.stdout());
        } catch (IllegalArgumentException e) {
            throw new ProbeException("emulator " + binary + ": " + e.getMessage(), e);
        }
        if (helpCaps.version().version() >= QMP_SINCE) return probeOverQmp(binary, helpCaps);
        DeviceCatalog devices = helpCaps.deviceQuery() == DeviceQuery.NONE ? null
                : devices(binary, helpCaps.deviceQuery());
        return CapsAssembler.assemble(binary.toString(), helpCaps, devices);
    }

    private QemuCaps probeOverQmp(Path binary, HelpCaps help) throws ProbeException {
        QmpReplies replies = qmp.probe(binary);
        QmpCapsParser.Result parsed;
        try {
            parsed = QmpCapsParser.parse(replies);
        } catch (IllegalArgumentException e) {
            throw new ProbeException("emulator " + binary + ": " + e.getMessage(), e);
        }
        if (parsed.version() != help.version().version()) {
            throw new ProbeException("emulator " + binary + " says version " + help.version().version()
                    + " in -help but " + parsed.version() + " over QMP");
        }
        return CapsAssembler.assemble(binary.toString(), help, parsed, parsed.details().withFirmware(firmware.read()));
    }

    private DeviceCatalog devices(Path binary, DeviceQuery query) throws ProbeException {
        DeviceCatalog catalog = new DeviceCatalog();
        EmulatorRunner.Output listing = runner.run(binary, List.of("-device", query.listArgument()));
        if (listing.exitCode() != 0 && query.listsProperties()) {
            throw new ProbeException("emulator " + binary + " -device " + query.listArgument()
                    + " failed with exit status " + listing.exitCode() + ": " + listing.firstErrorLine());
        }
        DeviceListParser.parseInto(listing.both(), catalog);
        if (!query.listsProperties()) return catalog;
        List<String> wanted = DeviceRules.devicesToQuery(catalog).stream()
                .filter(device -> !catalog.hasPropertiesOf(device)).toList();
        for (String properties : queryAll(binary, query, catalog, wanted)) {
            DeviceListParser.parseInto(properties, catalog);
        }
        return catalog;
    }

    /**
     * The property listings of {@code devices}, asked in parallel. A device the listing did not show
     * (such as the built-in {@code PIIX4_PM}) may legitimately be unknown: its failure means "absent".
     */
    private List<String> queryAll(Path binary, DeviceQuery query, DeviceCatalog listed, List<String> devices)
            throws ProbeException {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<EmulatorRunner.Output>> answers = new ArrayList<>();
            for (String device : devices) {
                answers.add(pool.submit(() -> runner.run(binary, List.of("-device", query.propertiesArgument(device)))));
            }
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < devices.size(); i++) {
                EmulatorRunner.Output answer = await(answers.get(i));
                String device = devices.get(i);
                if (answer.exitCode() == 0) {
                    texts.add(answer.both());
                } else if (listed.hasDevice(device)) {
                    throw new ProbeException("emulator " + binary + " -device " + query.propertiesArgument(device)
                            + " failed with exit status " + answer.exitCode() + ": " + answer.firstErrorLine());
                }
            }
            return texts;
        }
    }

    private static EmulatorRunner.Output await(Future<EmulatorRunner.Output> answer) throws ProbeException {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted while probing an emulator", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProbeException p) throw p;
            throw new ProbeException("probing an emulator failed: " + e.getCause(), e.getCause());
        }
    }
}
