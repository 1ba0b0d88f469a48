package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.caps.CapsCache;
import dev.vireo.caps.ProbeException;
import dev.vireo.caps.QemuCaps;
import dev.vireo.caps.QemuCapsXml;
import dev.vireo.protocol.ErrorCodes;
import dev.vireo.command.CommandBuilder;
import dev.vireo.command.LaunchOptions;
import dev.vireo.daemon.guest.HostFacilities;
import dev.vireo.command.UnsupportedConfigurationException;
import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.lifecycle.Emulators;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.rpc.Operations;
import dev.vireo.daemon.rpc.RpcException;
import dev.vireo.protocol.ops.EmulatorRequests.DomCapabilities;
import dev.vireo.protocol.ops.EmulatorRequests.DomXmlToNative;
import dev.vireo.protocol.ops.EmulatorRequests.Version;

import java.nio.file.Path;

/**
 * The operations about emulators: {@code domcapabilities}, {@code domxml-to-native} and
 * {@code version}'s hypervisor part.
 */
public final class EmulatorOps {
    /** The emulator {@code version} reports, as virsh's "Running hypervisor" line. */
    public static final Path DEFAULT_EMULATOR = Path.of("/usr/bin/qemu-system-x86_64");

    private final CapsCache caps;
    private final DefinitionOps definitions;
    private final Path runtimeDir;

    public EmulatorOps(CapsCache caps, DefinitionOps definitions, Path runtimeDir) {
        this.caps = caps;
        this.definitions = definitions;
        this.runtimeDir = runtimeDir;
    }

    public void register(Operations ops) {
        ops.handle(DomCapabilities.class, this::domCapabilities);
        ops.handle(DomXmlToNative.class, this::domXmlToNative);
        ops.handle(Version.class, this::version);
    }

    /** The command line for a domain, as libvirt's {@code domxml-to-native qemu-argv} prints it. */
    private JsonNode domXmlToNative(DomXmlToNative request) throws RpcException, VireoError {
        String format = request.format();
        if (!format.equals("qemu-argv")) {
            throw new RpcException(ErrorCodes.BAD_REQUEST, "unsupported native format '" + format + "': only qemu-argv is known");
        }
        String capsXml = request.caps();
        // capabilities given in a file describe an emulator that is not probed, whatever exists at its path
        Domain d = definitions.parse(request.xml(), capsXml == null);
        QemuCaps qemuCaps;
        if (capsXml != null) {
            try {
                qemuCaps = QemuCapsXml.parse(capsXml, "the --caps document");
            } catch (XmlProblemsException e) {
                throw VireoError.invalidDefinition(e.getMessage());
            }
        } else {
            qemuCaps = Emulators.caps(caps, Emulators.of(d));
        }
        LaunchOptions launch = HostFacilities.apply(LaunchOptions.forMonitor(runtimeDir.resolve("qemu").resolve(d.getName() + ".monitor")));
        try {
            return Results.text(CommandBuilder.build(d, qemuCaps, launch).toShellLine());
        } catch (UnsupportedConfigurationException e) {
            throw VireoError.unsupported(e.getMessage());
        }
    }

    private JsonNode domCapabilities(DomCapabilities request) throws VireoError {
        return Results.text(QemuCapsXml.format(Emulators.caps(caps, Path.of(request.emulatorbin()))));
    }

    private JsonNode version(Version request) {
        long hypervisor = 0;
        try {
            hypervisor = caps.get(DEFAULT_EMULATOR).version();
        } catch (ProbeException e) {
            // no usable default emulator: version still reports the daemon's own
        }
        return Results.object().put("daemon", dev.vireo.protocol.Version.VALUE)
                .put("hypervisor", "QEMU").put("hypervisorVersion", hypervisor);
    }
}
