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
import dev.vireo.daemon.rpc.Handler;
import dev.vireo.daemon.rpc.Operations;
import dev.vireo.daemon.rpc.Session;
import dev.vireo.protocol.ops.LifecycleRequests.Create;
import dev.vireo.protocol.ops.LifecycleRequests.Destroy;
import dev.vireo.protocol.ops.LifecycleRequests.DomBlkList;
import dev.vireo.protocol.ops.LifecycleRequests.QemuMonitorCommand;
import dev.vireo.protocol.ops.LifecycleRequests.Reboot;
import dev.vireo.protocol.ops.LifecycleRequests.Resume;
import dev.vireo.protocol.ops.LifecycleRequests.Shutdown;
import dev.vireo.protocol.ops.LifecycleRequests.Start;
import dev.vireo.protocol.ops.LifecycleRequests.Subscribe;
import dev.vireo.protocol.ops.LifecycleRequests.Suspend;
import dev.vireo.protocol.ops.Request;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.rpc.RpcException;

import java.time.Duration;
import java.util.function.Function;

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

    public void register(Operations ops) {
        ops.handle(Start.class, r -> named(lifecycle.start(r.domain())));
        ops.handle(Create.class, r -> named(lifecycle.create(definitions.parse(r.xml()))));
        ops.handle(Destroy.class, onDomain(Destroy::domain, lifecycle::destroy));
        ops.handle(Shutdown.class, this::shutdown);
        ops.handle(Suspend.class, onDomain(Suspend::domain, lifecycle::suspend));
        ops.handle(Resume.class, onDomain(Resume::domain, lifecycle::resume));
        ops.handle(Reboot.class, onDomain(Reboot::domain, lifecycle::reboot));
        ops.handle(DomBlkList.class, this::domBlkList);
        ops.handle(QemuMonitorCommand.class, this::monitorCommand);
        ops.handleInSession(Subscribe.class, this::subscribe);
    }

    private JsonNode shutdown(Shutdown request) throws VireoError {
        Long millis = request.timeoutMillis();
        lifecycle.shutdown(request.domain(), millis == null ? null : Duration.ofMillis(millis));
        return Results.object();
    }

    private JsonNode domBlkList(DomBlkList request) throws VireoError {
        Domain d = registry.lookup(request.domain()).current();
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

    private JsonNode monitorCommand(QemuMonitorCommand request) throws RpcException, VireoError {
        JsonNode command;
        try {
            command = Json.MAPPER.readTree(request.command());
        } catch (JsonProcessingException e) {
            throw new RpcException(ErrorCodes.BAD_REQUEST, "the monitor command is not JSON: " + e.getOriginalMessage());
        }
        if (!command.isObject() || !command.path("execute").isTextual()) {
            throw new RpcException(ErrorCodes.BAD_REQUEST,
                    "a QMP command is a JSON object with \"execute\" (and optional \"arguments\"), e.g. {\"execute\":\"query-status\"}");
        }
        return lifecycle.monitorPassThrough(request.domain(), (ObjectNode) command);
    }

    private JsonNode subscribe(Subscribe request, Session session) throws VireoError {
        String domain = request.domain();
        if (domain != null) domain = registry.lookup(domain).name();
        lifecycle.events().subscribe(session, domain);
        session.subscribed();
        return Results.object();
    }

    private static JsonNode named(DomainEntry e) {
        return Results.object().put("name", e.name()).put("uuid", e.uuid());
    }

    /** An operation that acts on the domain its request names and returns nothing. */
    private static <R extends Request> Handler<R> onDomain(Function<R, String> domain, DomainAction action) {
        return r -> {
            action.run(domain.apply(r));
            return Results.object();
        };
    }

    @FunctionalInterface
    private interface DomainAction {
        void run(String domain) throws VireoError;
    }
}
