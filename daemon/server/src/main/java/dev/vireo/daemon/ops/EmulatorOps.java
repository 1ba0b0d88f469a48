package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.caps.CapsCache;
import dev.vireo.caps.ProbeException;
import dev.vireo.caps.QemuCaps;
import dev.vireo.caps.QemuCapsXml;
import dev.vireo.client.ErrorCodes;
import dev.vireo.daemon.rpc.Call;
import dev.vireo.daemon.rpc.Operation;
import dev.vireo.daemon.rpc.RpcException;

import java.nio.file.Path;
import java.util.Map;

/** The operations about emulators: {@code domcapabilities} and {@code version}'s hypervisor part. */
public final class EmulatorOps {
    /** The emulator {@code version} reports, as virsh's "Running hypervisor" line. */
    public static final Path DEFAULT_EMULATOR = Path.of("/usr/bin/qemu-system-x86_64");

    private final CapsCache caps;

    public EmulatorOps(CapsCache caps) {
        this.caps = caps;
    }

    public void register(Map<String, Operation> ops) {
        ops.put("domcapabilities", this::domCapabilities);
        ops.put("version", this::version);
    }

    /** Probed (or cached) capabilities; a probe failure becomes an operation-failed refusal. */
    public QemuCaps capsOf(Path emulator) throws RpcException {
        try {
            return caps.get(emulator);
        } catch (ProbeException e) {
            throw new RpcException(ErrorCodes.OPERATION_FAILED, "cannot probe emulator " + emulator + ": " + e.getMessage(), e);
        }
    }

    private JsonNode domCapabilities(Call call) throws RpcException {
        return Results.text(QemuCapsXml.format(capsOf(Path.of(call.string("emulatorbin")))));
    }

    private JsonNode version(Call call) {
        long hypervisor = 0;
        try {
            hypervisor = caps.get(DEFAULT_EMULATOR).version();
        } catch (ProbeException e) {
            // no usable default emulator: version still reports the daemon's own
        }
        return Results.object().put("daemon", dev.vireo.client.Version.VALUE)
                .put("hypervisor", "QEMU").put("hypervisorVersion", hypervisor);
    }
}
