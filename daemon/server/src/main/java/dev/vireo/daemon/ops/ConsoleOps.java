package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.ConsoleSession;
import dev.vireo.daemon.lifecycle.GuestConsoles;
import dev.vireo.daemon.rpc.Call;
import dev.vireo.daemon.rpc.Operation;
import dev.vireo.daemon.rpc.RpcException;
import dev.vireo.daemon.rpc.StreamOperation;

import java.util.Map;

/**
 * {@code console}: {@code {"domain":..,"devname":..,"force":..}} is answered with {@code {}} and the
 * connection then carries the device's bytes as a stream (protocol.StreamFrames).
 */
public final class ConsoleOps {
    private final GuestConsoles consoles;

    public ConsoleOps(GuestConsoles consoles) {
        this.consoles = consoles;
    }

    public void register(Map<String, Operation> ops) {
        ops.put("console", (StreamOperation) this::console);
    }

    private JsonNode console(Call call) throws RpcException, VireoError {
        String domain = call.string("domain");
        String devname = call.optionalString("devname");
        boolean force = call.flag("force");
        ConsoleSession session = consoles.open(domain, devname, force);
        try {
            call.session().openStream(session);
        } catch (RpcException e) {
            session.abandon();
            throw e;
        }
        return Results.object();
    }
}
