package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.command.storage.StoragePlan;
import dev.vireo.daemon.FileWork;
import dev.vireo.daemon.domain.DomainEntry;
import dev.vireo.daemon.domain.DomainRegistry;
import dev.vireo.daemon.domain.DomainStatus;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.Lifecycle;
import dev.vireo.daemon.lifecycle.LiveGuest;
import dev.vireo.daemon.rpc.Operations;
import dev.vireo.protocol.ops.DiskRequests.DomStats;
import dev.vireo.monitor.BlockNode;
import dev.vireo.monitor.BlockStats;
import dev.vireo.storage.ImageInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code domstats}: libvirt's typed statistics of each domain, in its key names and order.
 * {@code --state} gives {@code state.state} and {@code state.reason} (libvirt's numbers);
 * {@code --block} a record per disk, or with {@code --backing} per layer of each disk's chain:
 * name, path, backingIndex; the guest device's counters on the top's record; allocation (the
 * highest offset written to the image file, QEMU's {@code wr_highest_offset} of the storage node),
 * capacity (virtual size), physical (file size); threshold when one is set.
 */
public final class DomainStatsOps {
    private final DomainRegistry registry;
    private final Lifecycle lifecycle;
    private final FileWork files;
    private final ImageResizer images;

    public DomainStatsOps(DomainRegistry registry, Lifecycle lifecycle, FileWork files) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.files = files;
        this.images = new ImageResizer(files);
    }

    public void register(Operations ops) {
        ops.handle(DomStats.class, this::domStats);
    }

    /** {@code [{"domain":"x","stats":{"state.state":1,...}}]}, in the order asked (or the registry's). */
    private JsonNode domStats(DomStats request) throws VireoError {
        boolean state = request.state();
        boolean block = request.block();
        boolean backing = request.backing();
        if (!state && !block) state = block = true; // what this daemon can report of libvirt's defaults
        List<String> names = new ArrayList<>();
        if (request.domains() != null && !request.domains().isEmpty()) {
            names.addAll(request.domains());
        } else {
            for (DomainEntry e : registry.list()) names.add(e.name());
        }
        for (String n : names) registry.lookup(n); // an unknown name refuses the whole call, before any work
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (String n : names) {
            boolean withState = state;
            boolean withBlock = block;
            ObjectNode row = out.addObject();
            ObjectNode stats = registry.withJob(n, "domstats", e -> {
                row.put("domain", e.name());
                ObjectNode s = Results.object();
                if (withState) state(e.status(), s);
                if (withBlock) block(e, lifecycle.running(e), backing, s);
                return s;
            });
            row.set("stats", stats);
        }
        return out;
    }

    private static void state(DomainStatus status, ObjectNode s) {
        int state = switch (status.state()) {
            case RUNNING -> 1;
            case PAUSED -> 3;
            case SHUTOFF -> 5;
        };
        s.put("state.state", state).put("state.reason", reason(status));
    }

    /** libvirt's reason numbers for the reasons this daemon records (0, unknown, for the others). */
    private static int reason(DomainStatus status) {
        return switch (status.state()) {
            case RUNNING -> switch (status.reason()) {
                case "booted" -> 1;
                case "unpaused" -> 5;
                default -> 0;
            };
            case PAUSED -> switch (status.reason()) {
                case "user" -> 1;
                case "I/O error" -> 5;
                case "starting up" -> 11;
                default -> 0;
            };
            case SHUTOFF -> switch (status.reason()) {
                case "shutdown" -> 1;
                case "destroyed" -> 2;
                case "crashed" -> 3;
                case "failed" -> 6;
                default -> 0;
            };
        };
    }

    private void block(DomainEntry e, Optional<LiveGuest> guest, boolean backing, ObjectNode s) throws VireoError {
        StoragePlan plan = guest.map(LiveGuest::plan).orElseGet(() -> StoragePlan.of(e.current(), Map.of()));
        Map<String, BlockStats> devices = new HashMap<>();
        Map<String, BlockStats> nodes = new HashMap<>();
        Map<String, BlockNode> graph = new HashMap<>();
        if (guest.isPresent()) {
            LiveGuest g = guest.get();
            for (BlockStats b : g.qmp("query-blockstats", m -> m.queryBlockstats(false))) {
                if (b.nodeName() != null) devices.put(b.nodeName(), b);
            }
            for (BlockStats b : g.qmp("query-blockstats", m -> m.queryBlockstats(true))) {
                if (b.nodeName() != null) nodes.put(b.nodeName(), b);
            }
            for (BlockNode n : g.qmp("query-named-block-nodes", m -> m.queryNamedBlockNodes())) graph.put(n.nodeName(), n);
        }
        int record = 0;
        ObjectNode body = Results.object();
        for (DiskStorage disk : plan.disks()) {
            List<ImageNode> layers = disk.empty() ? List.of() : backing ? disk.images() : List.of(disk.images().getFirst());
            if (layers.isEmpty()) {
                body.put("block." + record + ".name", disk.dev());
                record++;
                continue;
            }
            for (ImageNode image : layers) {
                String k = "block." + record + ".";
                body.put(k + "name", disk.dev());
                body.put(k + "path", image.path());
                if (guest.isPresent()) body.put(k + "backingIndex", image.index()); // only a running chain is numbered
                if (image == disk.images().getFirst() && guest.isPresent()) {
                    BlockStats d = devices.get(disk.frontNode().orElseThrow());
                    if (d != null) {
                        body.put(k + "rd.reqs", d.rdOperations()).put(k + "rd.bytes", d.rdBytes())
                                .put(k + "rd.times", d.rdTotalTimeNs()).put(k + "wr.reqs", d.wrOperations())
                                .put(k + "wr.bytes", d.wrBytes()).put(k + "wr.times", d.wrTotalTimeNs())
                                .put(k + "fl.reqs", d.flushOperations()).put(k + "fl.times", d.flushTotalTimeNs());
                    }
                }
                sizes(image, guest.isPresent(), nodes.get(image.storageNodeName()), graph.get(image.formatNodeName()), k, body);
                BlockNode storage = graph.get(image.storageNodeName());
                if (storage != null && storage.writeThreshold() > 0) body.put(k + "threshold", storage.writeThreshold());
                record++;
            }
        }
        s.put("block.count", record);
        s.setAll(body);
    }

    /**
     * allocation, capacity, physical as libvirt 9 reports them: for a running guest the highest
     * offset written to the file, QEMU's virtual size and the file's allocated bytes; for a shut-off
     * domain the allocated bytes, the virtual size and the file's size.
     */
    private void sizes(ImageNode image, boolean running, BlockStats storage, BlockNode format, String k, ObjectNode body) {
        Long allocation = null;
        Long capacity = null;
        Long physical = null;
        try {
            ImageInfo info = images.info(image);
            long allocated = info.actualSize().orElse(0);
            if (running) {
                allocation = storage == null ? null : storage.wrHighestOffset();
                capacity = format == null ? null : format.virtualSize();
                physical = allocated;
            } else {
                Path path = Path.of(image.path());
                allocation = allocated;
                capacity = info.virtualSize().isPresent() ? info.virtualSize().getAsLong() : null;
                physical = files.run("reading " + path, () -> Files.size(path));
            }
        } catch (IOException | VireoError unreadable) {
            // a missing or unreadable image has no sizes to report; libvirt leaves them out too
        }
        if (allocation != null) body.put(k + "allocation", allocation);
        if (capacity != null) body.put(k + "capacity", capacity);
        if (physical != null) body.put(k + "physical", physical);
    }
}
