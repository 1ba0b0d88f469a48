package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.client.Version;
import dev.vireo.daemon.rpc.Call;

/** {@code version}: the daemon's version. */
public final class VersionOp {
    private VersionOp() {
    }

    public static JsonNode handle(Call call) {
        return Results.object().put("daemon", Version.VALUE).put("hypervisor", "QEMU").put("hypervisorVersion", 0);
    }
}
