package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.ConsoleSession;
import dev.vireo.daemon.lifecycle.GuestConsoles;
import dev.vireo.daemon.rpc.Operations;
import dev.vireo.daemon.rpc.RpcException;
import dev.vireo.daemon.rpc.Session;
import dev.vireo.protocol.ops.LifecycleRequests.Console;

/**
 * {@code console}: {@code {"domain":..,"devname":..,"force":..}} is answered with {@code {}} and the
 * connection then carries the device's bytes as a stream (protocol.StreamFrames).
 */
public final class ConsoleOps {
    private final GuestConsoles consoles;

    public ConsoleOps(GuestConsoles consoles) {
        this.consoles = consoles;
    }

    public void register(Operations ops) {
        ops.stream(Console.class, this::console);
    }

    private JsonNode console(Console request, Session caller) throws RpcException, VireoError {
        ConsoleSession session = consoles.open(request.domain(), request.devname(), request.force());
        try {
            caller.openStream(session);
        } catch (RpcException e) {
            session.abandon();
            throw e;
        }
        return Results.object();
    }
}
