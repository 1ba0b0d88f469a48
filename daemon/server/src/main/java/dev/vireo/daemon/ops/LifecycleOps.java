package dev.vireo.daemon.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.protocol.ErrorCodes;
import dev.vireo.daemon.Json;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskSource;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.disks.BackingChainJson;
import dev.vireo.daemon.domain.DomainEntry;
import dev.vireo.daemon.domain.DomainRegistry;
import dev.vireo.daemon.lifecycle.Lifecycle;
import dev.vireo.daemon.rpc.Call;
import dev.vireo.daemon.rpc.Operation;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.rpc.RpcException;

import java.time.Duration;
import java.util.Map;

/** The operations on running guests: start, create, destroy, shutdown, ..., the monitor and events. */
public final class LifecycleOps {
    private final Lifecycle lifecycle;
    private final DomainRegistry registry;
    private final DefinitionOps definitions;

    public LifecycleOps(Lifecycle lifecycle, DomainRegistry registry, DefinitionOps definitions) {
        this.lifecycle = lifecycle;
        this.registry = registry;
        this.definitions = definitions;
    }

    public void register(Map<String, Operation> ops) {
        ops.put("start", c -> named(lifecycle.start(c.string("domain"))));
        ops.put("create", c -> named(lifecycle.create(definitions.parse(c.string("xml")))));
        ops.put("destroy", onDomain(lifecycle::destroy));
        ops.put("shutdown", this::shutdown);
        ops.put("suspend", onDomain(lifecycle::suspend));
        ops.put("resume", onDomain(lifecycle::resume));
        ops.put("reboot", onDomain(lifecycle::reboot));
        ops.put("domblklist", this::domBlkList);
        ops.put("qemu-monitor-command", this::monitorCommand);
        ops.put("subscribe", this::subscribe);
    }

    private JsonNode shutdown(Call call) throws RpcException, VireoError {
        long millis = call.optionalCount("timeoutMillis");
        lifecycle.shutdown(call.string("domain"), millis < 0 ? null : Duration.ofMillis(millis));
        return Results.object();
    }

    private JsonNode domBlkList(Call call) throws RpcException, VireoError {
        Domain d = registry.lookup(call.string("domain")).current();
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        if (d.getDevices() == null) return rows;
        for (Disk disk : d.getDevices().getDisks()) {
            ObjectNode row = rows.addObject();
            row.put("target", disk.getTarget() == null ? "" : disk.getTarget().getDev());
            String source = sourceOf(disk.getSource());
            if (source == null) row.putNull("source");
            else row.put("source", source);
            row.put("type", disk.getType() == null ? "" : disk.getType().xml());
            row.put("device", disk.getDevice() == null ? "" : disk.getDevice().xml());
            row.set("backingChain", BackingChainJson.of(disk.getBackingStore()));
        }
        return rows;
    }

    /** What virsh shows as a disk's source: the file, device, folder, or network name. */
    private static String sourceOf(DiskSource s) {
        if (s == null) return null;
        if (s.getFile() != null) return s.getFile();
        if (s.getDev() != null) return s.getDev();
        if (s.getDir() != null) return s.getDir();
        return s.getName();
    }

    private JsonNode monitorCommand(Call call) throws RpcException, VireoError {
        JsonNode command;
        try {
            command = Json.MAPPER.readTree(call.string("command"));
        } catch (JsonProcessingException e) {
            throw new RpcException(ErrorCodes.BAD_REQUEST, "the monitor command is not JSON: " + e.getOriginalMessage());
        }
        if (!command.isObject() || !command.path("execute").isTextual()) {
            throw new RpcException(ErrorCodes.BAD_REQUEST,
                    "a QMP command is a JSON object with \"execute\" (and optional \"arguments\"), e.g. {\"execute\":\"query-status\"}");
        }
        return lifecycle.monitorPassThrough(call.string("domain"), (ObjectNode) command);
    }

    private JsonNode subscribe(Call call) throws RpcException, VireoError {
        String domain = call.optionalString("domain");
        if (domain != null) domain = registry.lookup(domain).name();
        lifecycle.events().subscribe(call.session(), domain);
        call.session().subscribed();
        return Results.object();
    }

    private static JsonNode named(DomainEntry e) {
        return Results.object().put("name", e.name()).put("uuid", e.uuid());
    }

    /** An operation that acts on the domain named by its {@code domain} argument and returns nothing. */
    private static Operation onDomain(DomainAction action) {
        return c -> {
            action.run(c.string("domain"));
            return Results.object();
        };
    }

    @FunctionalInterface
    private interface DomainAction {
        void run(String domain) throws VireoError;
    }
}
