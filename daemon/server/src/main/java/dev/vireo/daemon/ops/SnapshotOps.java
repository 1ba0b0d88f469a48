package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.daemon.domain.DefinitionCodec;
import dev.vireo.daemon.domain.DomainEntry;
import dev.vireo.daemon.domain.DomainRegistry;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.Lifecycle;
import dev.vireo.daemon.lifecycle.LiveGuest;
import dev.vireo.daemon.rpc.Operations;
import dev.vireo.protocol.ops.SnapshotRequests.SnapshotCreate;
import dev.vireo.protocol.ops.SnapshotRequests.SnapshotCurrent;
import dev.vireo.protocol.ops.SnapshotRequests.SnapshotDelete;
import dev.vireo.protocol.ops.SnapshotRequests.SnapshotDumpXml;
import dev.vireo.protocol.ops.SnapshotRequests.SnapshotInfo;
import dev.vireo.protocol.ops.SnapshotRequests.SnapshotList;
import dev.vireo.protocol.ops.SnapshotRequests.SnapshotParent;
import dev.vireo.protocol.ops.SnapshotRequests.SnapshotRevert;
import dev.vireo.daemon.snapshots.DiskOnlySnapshots;
import dev.vireo.daemon.snapshots.LiveMerge;
import dev.vireo.daemon.snapshots.Snapshot;
import dev.vireo.daemon.snapshots.SnapshotStore;
import dev.vireo.daemon.snapshots.SnapshotXml;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * virsh's snapshot commands for disk-only (external) snapshots: create (and redefine), list,
 * info, dumpxml, current, parent, delete, revert. The work on images and guests is
 * {@link DiskOnlySnapshots}'; this class maps the RPC onto it, each change in the domain's job slot.
 */
public final class SnapshotOps {
    private final DomainRegistry registry;
    private final Lifecycle lifecycle;
    private final SnapshotStore store;
    private final DefinitionCodec codec;
    private final DiskOnlySnapshots snapshots;
    private final LiveMerge merges;

    /** @param commits starts the block commits that delete snapshots of running guests ({@link BlockJobOps#startCommit}) */
    public SnapshotOps(DomainRegistry registry, Lifecycle lifecycle, SnapshotStore store, DefinitionCodec codec,
                       LiveMerge.CommitStarter commits) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.store = store;
        this.codec = codec;
        this.snapshots = new DiskOnlySnapshots(registry, store, codec);
        this.merges = new LiveMerge(store, snapshots, commits);
    }

    /** Registers the operations and the follow-up of the commits that delete snapshots (before recovery runs). */
    public void register(Operations ops) {
        lifecycle.onFollowUp(LiveMerge.NAME, merges);
        Thread.ofVirtual().name("snapshot-schema").start(SnapshotXml::warmUp);
        ops.handle(SnapshotCreate.class, this::create);
        ops.handle(SnapshotList.class, this::list);
        ops.handle(SnapshotDumpXml.class, this::dumpXml);
        ops.handle(SnapshotInfo.class, this::info);
        ops.handle(SnapshotCurrent.class, this::current);
        ops.handle(SnapshotParent.class, this::parent);
        ops.handle(SnapshotDelete.class, this::delete);
        ops.handle(SnapshotRevert.class, this::revert);
    }

    /** {@code {"name": ...}} of the snapshot made (or redefined). */
    private JsonNode create(SnapshotCreate call) throws VireoError {
        String xml = call.xml();
        DiskOnlySnapshots.CreateFlags flags = new DiskOnlySnapshots.CreateFlags(call.diskOnly(),
                call.reuseExternal(), call.noMetadata(), call.quiesce(), call.redefine(),
                call.current());
        String name = registry.withJob(call.domain(), "snapshot-create", e -> {
            if (flags.redefine()) return snapshots.redefine(e, xml == null ? "" : xml, flags.current());
            Optional<LiveGuest> guest = lifecycle.running(e);
            return snapshots.create(e, guest.orElse(null), xml == null ? "<domainsnapshot/>" : xml, flags).name();
        });
        return Results.object().put("name", name);
    }

    /** Every snapshot, oldest first, with what virsh's listing, filters and tree need. */
    private JsonNode list(SnapshotList call) throws VireoError {
        DomainEntry e = registry.lookup(call.domain());
        String current = store.current(e.name()).map(Snapshot::name).orElse(null);
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        List<Snapshot> all = store.list(e.name());
        for (Snapshot s : all) {
            ObjectNode row = rows.addObject();
            row.put("name", s.name());
            if (s.parent() != null) row.put("parent", s.parent());
            else row.putNull("parent");
            row.put("creationTime", s.creationTime());
            row.put("state", s.state() == null ? "nostate" : s.state());
            row.put("current", s.name().equals(current));
            row.put("children", all.stream().filter(c -> s.name().equals(c.parent())).count());
        }
        return rows;
    }

    private JsonNode dumpXml(SnapshotDumpXml call) throws VireoError {
        DomainEntry e = registry.lookup(call.domain());
        return Results.text(SnapshotXml.format(snapshot(e, call.snapshot())));
    }

    private JsonNode info(SnapshotInfo call) throws VireoError {
        DomainEntry e = registry.lookup(call.domain());
        String wanted = call.snapshot();
        Snapshot s = wanted == null ? currentOf(e) : snapshot(e, wanted);
        boolean current = store.current(e.name()).map(c -> c.name().equals(s.name())).orElse(false);
        ObjectNode r = Results.object().put("name", s.name()).put("domain", e.name()).put("current", current)
                .put("state", s.state() == null ? "nostate" : s.state()).put("location", "external");
        if (s.parent() != null) r.put("parent", s.parent());
        else r.putNull("parent");
        r.put("children", store.children(e.name(), s.name()).size());
        r.put("descendants", store.descendants(e.name(), s.name()).size());
        r.put("metadata", true);
        return r;
    }

    private JsonNode current(SnapshotCurrent call) throws VireoError {
        DomainEntry e = registry.lookup(call.domain());
        Snapshot s = currentOf(e);
        return Results.object().put("name", s.name()).put("xml", SnapshotXml.format(s));
    }

    private JsonNode parent(SnapshotParent call) throws VireoError {
        DomainEntry e = registry.lookup(call.domain());
        Snapshot s = snapshot(e, call.snapshot());
        if (s.parent() == null) throw VireoError.invalidArgument("snapshot '" + s.name() + "' has no parent");
        return Results.object().put("name", s.parent());
    }

    /**
     * {@code {"deleted": [names]}}: what went, children before their parents. Each snapshot is
     * deleted in its own turn of the job slot; on a running guest the slot is free while its
     * commits run (their conclusions need it), and the call returns once the snapshot is gone.
     */
    private JsonNode delete(SnapshotDelete call) throws VireoError {
        String domain = call.domain();
        String name = call.snapshot();
        DiskOnlySnapshots.DeleteFlags flags = new DiskOnlySnapshots.DeleteFlags(call.children(),
                call.childrenOnly(), call.metadata());
        List<String> order = registry.withJob(domain, "snapshot-delete", e ->
                snapshots.deletionOrder(e, snapshot(e, name), flags).stream().map(Snapshot::name).toList());
        ObjectNode r = Results.object();
        ArrayNode deleted = r.putArray("deleted");
        for (String next : order) {
            CompletableFuture<Void> merged = registry.withJob(domain, "snapshot-delete", e -> {
                Snapshot s = snapshot(e, next);
                if (flags.metadataOnly()) {
                    snapshots.deleteMetadata(e, s);
                    return CompletableFuture.completedFuture(null);
                }
                Optional<LiveGuest> guest = lifecycle.running(e);
                if (guest.isPresent()) return merges.start(e, guest.get(), s);
                snapshots.deleteOffline(e, s);
                return CompletableFuture.completedFuture(null);
            });
            await(merged, next);
            deleted.add(next);
        }
        return r;
    }

    /** How long a delete waits for its commits; they go on (and finish the delete) after that. */
    private static final Duration MERGE_WAIT = Duration.ofHours(2);

    private static void await(CompletableFuture<Void> merged, String snapshot) throws VireoError {
        try {
            merged.get(MERGE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VireoError v) throw v;
            throw VireoError.internal("snapshot-delete of '" + snapshot + "': " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw VireoError.failed("snapshot '" + snapshot + "' is still being merged after " + MERGE_WAIT.toMinutes()
                    + " minutes; its block commit goes on and deletes it when it completes (blockjob --info)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VireoError.failed("snapshot-delete of '" + snapshot + "' was interrupted; its block commit goes on", e);
        }
    }

    private JsonNode revert(SnapshotRevert call) throws VireoError {
        String name = call.snapshot();
        registry.withJob(call.domain(), "snapshot-revert", e -> {
            Snapshot s = snapshot(e, name);
            if (lifecycle.running(e).isPresent()) {
                throw VireoError.wrongState("cannot revert domain '" + e.name() + "' to disk-only snapshot '" + name
                        + "' while it runs: shut it down first (its memory is not part of the snapshot)");
            }
            snapshots.revert(e, s);
            return null;
        });
        return Results.object();
    }

    private Snapshot snapshot(DomainEntry e, String name) throws VireoError {
        return store.get(e.name(), name).orElseThrow(() ->
                VireoError.invalidArgument("no domain snapshot with matching name '" + name + "'"));
    }

    private Snapshot currentOf(DomainEntry e) throws VireoError {
        return store.current(e.name()).orElseThrow(() ->
                VireoError.invalidArgument("the domain does not have a current snapshot"));
    }

    /** Undefine refuses a domain with snapshots unless {@code --snapshots-metadata}, which then removes their metadata (never images). */
    public record Undefine(SnapshotStore store) implements DefinitionOps.UndefineStep {
        @Override
        public void check(String domain, boolean snapshotsMetadata) throws VireoError {
            int n = store.list(domain).size();
            if (n > 0 && !snapshotsMetadata) {
                throw VireoError.wrongState("cannot undefine domain '" + domain + "' with " + n + " snapshot"
                        + (n == 1 ? "" : "s") + ": add --snapshots-metadata to remove their metadata too (their image"
                        + " files stay)");
            }
        }

        @Override
        public void removed(String domain) throws VireoError {
            store.removeAll(domain);
        }
    }
}
