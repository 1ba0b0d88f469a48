package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.domain.AutostartMarks;
import dev.vireo.daemon.domain.DefinitionCodec;
import dev.vireo.daemon.domain.DomainEntry;
import dev.vireo.daemon.domain.DomainRegistry;
import dev.vireo.daemon.guest.GuestFiles;
import dev.vireo.daemon.lifecycle.EventBus;
import dev.vireo.protocol.ErrorCodes;
import dev.vireo.daemon.rpc.Operations;
import dev.vireo.protocol.ops.DefinitionRequests.Autostart;
import dev.vireo.protocol.ops.DefinitionRequests.Define;
import dev.vireo.protocol.ops.DefinitionRequests.DomInfo;
import dev.vireo.protocol.ops.DefinitionRequests.DomState;
import dev.vireo.protocol.ops.DefinitionRequests.DumpXml;
import dev.vireo.protocol.ops.DefinitionRequests.ListDomains;
import dev.vireo.protocol.ops.DefinitionRequests.Lookup;
import dev.vireo.protocol.ops.DefinitionRequests.Undefine;
import dev.vireo.protocol.ops.DefinitionRequests.Validate;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.rpc.RpcException;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** The operations on definitions: define, undefine, validate, list, dumpxml, domstate, dominfo, lookup. */
public final class DefinitionOps {
    private final DomainRegistry registry;
    private final DefinitionCodec codec;

    private final AutostartMarks autostart;
    private final EventBus events;
    private final Function<String, Double> cpuSeconds;
    private final DefinitionCheck check;
    private final GuestFiles guestFiles;
    private final Predicate<String> active;

    /** A refusal that needs more than the document, such as the emulator's machine types. */
    @FunctionalInterface
    public interface DefinitionCheck {
        void check(Domain d) throws VireoError;
    }

    /**
     * @param cpuSeconds CPU time used by a running domain (by name), or null when it does not run
     * @param check      run on every document before it is stored
     * @param guestFiles the domains' variable stores and TPM states, removed with their definitions
     * @param active     whether a domain (by name) runs: its state then goes when it stops
     */
    public DefinitionOps(DomainRegistry registry, DefinitionCodec codec, AutostartMarks autostart, EventBus events,
                         Function<String, Double> cpuSeconds, DefinitionCheck check, GuestFiles guestFiles,
                         Predicate<String> active) {
        this.check = check;
        this.guestFiles = guestFiles;
        this.active = active;
        this.registry = registry;
        this.autostart = autostart;
        this.events = events;
        this.codec = codec;
        this.cpuSeconds = cpuSeconds;
    }

    /**
     * What another part keeps per domain and must be asked about before an undefine (snapshot
     * metadata): {@link #check} may refuse, {@link #removed} cleans up once the definition is gone.
     */
    public interface UndefineStep {
        /** @param snapshotsMetadata {@code --snapshots-metadata} was given */
        void check(String domain, boolean snapshotsMetadata) throws VireoError;

        void removed(String domain) throws VireoError;
    }

    private final List<UndefineStep> undefineSteps = new CopyOnWriteArrayList<>();

    /** Adds a step to every undefine (registered at start, before clients connect). */
    public void onUndefine(UndefineStep step) {
        undefineSteps.add(step);
    }

    public void register(Operations ops) {
        ops.handle(Define.class, this::define);
        ops.handle(Undefine.class, this::undefine);
        ops.handle(Validate.class, this::validate);
        ops.handle(ListDomains.class, this::list);
        ops.handle(DumpXml.class, this::dumpXml);
        ops.handle(DomState.class, this::domState);
        ops.handle(DomInfo.class, this::domInfo);
        ops.handle(Lookup.class, this::lookup);
        ops.handle(Autostart.class, this::autostart);
    }

    /** Parses a document; every problem the parser found reaches the client, nothing is stored. */
    public Domain parse(String xml) throws VireoError {
        return parse(xml, true);
    }

    /**
     * @param probeEmulator false when the emulator's capabilities are given rather than probed
     *                      ({@code domxml-to-native --caps}): libvirt 0.10.2's defaults then apply
     */
    public Domain parse(String xml, boolean probeEmulator) throws VireoError {
        try {
            return probeEmulator ? codec.parse(xml) : codec.parseWithoutEmulator(xml);
        } catch (XmlProblemsException e) {
            throw VireoError.invalidDefinition(e.getMessage());
        }
    }

    private JsonNode define(Define request) throws VireoError {
        Domain d = parse(request.xml());
        check.check(d);
        DomainRegistry.Defined defined = registry.define(d);
        DomainEntry e = defined.entry();
        events.lifecycle(e.name(), "Defined", defined.updated() ? "Updated" : "Added");
        return Results.object().put("name", e.name()).put("uuid", e.uuid());
    }

    private JsonNode undefine(Undefine request) throws RpcException, VireoError {
        DomainEntry e = registry.lookup(request.domain());
        String name = e.name();
        Domain stored = e.persistent();
        boolean nvram = request.nvram();
        boolean keepNvram = request.keepNvram();
        if (nvram && keepNvram) throw new RpcException(ErrorCodes.BAD_REQUEST, "undefine: --nvram and --keep-nvram exclude each other");
        Optional<Path> store = stored == null ? Optional.empty() : guestFiles.nvram().existing(stored, name);
        if (store.isPresent() && !nvram && !keepNvram) {
            throw VireoError.wrongState("cannot undefine domain '" + name + "' with nvram " + store.get()
                    + ": add --nvram to remove it or --keep-nvram to keep it");
        }
        for (UndefineStep step : undefineSteps) step.check(name, request.snapshotsMetadata());
        registry.undefine(name);
        for (UndefineStep step : undefineSteps) step.removed(name);
        markAutostart(name, false);
        // a running domain keeps its variable store and TPM until it stops (Lifecycle removes them then)
        if (stored != null && !active.test(name)) {
            if (nvram) guestFiles.nvram().remove(stored, name);
            if (!request.keepTpm()) guestFiles.swtpm().remove(e.uuid());
        }
        events.lifecycle(name, "Undefined", "Removed");
        return Results.object();
    }

    private JsonNode validate(Validate request) throws VireoError {
        Domain d = parse(request.xml());
        return Results.object().put("name", codec.name(d));
    }

    private JsonNode list(ListDomains request) {
        boolean all = request.all();
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (DomainEntry e : registry.list()) {
            if (!all && !e.status().active()) continue;
            ObjectNode row = rows.addObject();
            if (e.id() >= 0) row.put("id", e.id());
            else row.putNull("id");
            row.put("name", e.name()).put("uuid", e.uuid()).put("state", e.status().state().words());
        }
        return rows;
    }

    private JsonNode dumpXml(DumpXml request) throws VireoError {
        DomainEntry e = registry.lookup(request.domain());
        Domain live = e.live();
        if (live != null && (!request.inactive() || !e.isPersistent())) return Results.text(codec.formatLive(live));
        return Results.text(codec.format(e.persistent()));
    }

    private JsonNode domState(DomState request) throws VireoError {
        DomainEntry e = registry.lookup(request.domain());
        return Results.object().put("state", e.status().state().words()).put("reason", e.status().reason());
    }

    private JsonNode domInfo(DomInfo request) throws VireoError {
        DomainEntry e = registry.lookup(request.domain());
        Domain d = e.current();
        ObjectNode r = Results.object();
        if (e.id() >= 0) r.put("id", e.id());
        else r.putNull("id");
        r.put("name", e.name()).put("uuid", e.uuid());
        r.put("osType", d.getOs() == null || d.getOs().getType() == null ? "hvm" : d.getOs().getType().getValue());
        r.put("state", e.status().state().words());
        r.put("vcpus", vcpus(d));
        long max = MemoryUnits.kib(d.getMemory());
        long used = d.getCurrentMemory() == null ? max : MemoryUnits.kib(d.getCurrentMemory());
        r.put("maxMemoryKiB", max).put("usedMemoryKiB", e.status().active() ? used : max);
        r.put("persistent", e.isPersistent());
        r.put("autostart", autostart.isMarked(e.name()));
        Double cpu = cpuSeconds.apply(e.name());
        if (cpu != null) r.put("cpuTimeSeconds", cpu);
        return r;
    }

    private static int vcpus(Domain d) {
        if (d.getVcpu() == null) return 1;
        if (d.getVcpu().getCurrent() != null) return d.getVcpu().getCurrent();
        return d.getVcpu().getCount() == null ? 1 : d.getVcpu().getCount();
    }

    /** Marks (or with {@code disable}, unmarks) a persistent domain to be started with vireod. */
    private JsonNode autostart(Autostart request) throws VireoError {
        DomainEntry e = registry.lookup(request.domain());
        if (!e.isPersistent()) {
            throw VireoError.wrongState("cannot set autostart for transient domain '" + e.name() + "'");
        }
        markAutostart(e.name(), !request.disable());
        return Results.object().put("name", e.name());
    }

    private void markAutostart(String name, boolean on) throws VireoError {
        try {
            autostart.mark(name, on);
        } catch (IOException io) {
            throw VireoError.failed("cannot change autostart of '" + name + "': " + io.getMessage(), io);
        }
    }

    private JsonNode lookup(Lookup request) throws VireoError {
        DomainEntry e = registry.lookup(request.domain());
        return Results.object().put("name", e.name()).put("uuid", e.uuid());
    }
}
