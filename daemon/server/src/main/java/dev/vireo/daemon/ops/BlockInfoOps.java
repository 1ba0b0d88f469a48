package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.command.storage.StoragePlan;
import dev.vireo.daemon.FileWork;
import dev.vireo.daemon.disks.DiskStatistics;
import dev.vireo.daemon.disks.PlanDisks;
import dev.vireo.daemon.domain.DomainEntry;
import dev.vireo.daemon.domain.DomainRegistry;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.Lifecycle;
import dev.vireo.daemon.rpc.Operations;
import dev.vireo.protocol.ops.DiskRequests.DomBlkInfo;
import dev.vireo.protocol.ops.DiskRequests.DomBlkStat;
import dev.vireo.protocol.DiskInfo;
import dev.vireo.protocol.DiskStats;
import dev.vireo.storage.ImageFormat;
import dev.vireo.storage.ImageInfo;
import dev.vireo.storage.StorageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code domblkinfo}: the sizes of a disk's top image, read by the daemon's own image reader from
 * the current definition's path, so it works for a shut-off domain and for fd-passed disks alike
 * (QEMU only holds fds; the daemon reads the file as itself).
 */
public final class BlockInfoOps {
    private final DomainRegistry registry;
    private final Lifecycle lifecycle;
    private final FileWork files;

    public BlockInfoOps(DomainRegistry registry, Lifecycle lifecycle, FileWork files) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.files = files;
    }

    public void register(Operations ops) {
        ops.handle(DomBlkInfo.class, this::domBlkInfo);
        ops.handle(DomBlkStat.class, this::domBlkStat);
    }

    /**
     * {@code domblkstat}: one disk's I/O counters (a target or top image path given) or every
     * disk's added up, read from QEMU now: {@code {"disk":..,"rd_req":..,...}}.
     */
    private JsonNode domBlkStat(DomBlkStat request) throws VireoError {
        String disk = request.disk();
        DiskStats stats = lifecycle.withRunning(request.domain(), "domblkstat", guest ->
                DiskStatistics.of(guest.name(), guest.plan(), disk, guest.qmp("query-blockstats", m -> m.queryBlockstats(false))));
        ObjectNode out = Results.object().put("disk", stats.disk());
        stats.fields().forEach(out::put);
        return out;
    }

    /** {@code disk} given: that disk's row; left out: every local disk's, in document order. */
    private JsonNode domBlkInfo(DomBlkInfo request) throws VireoError {
        DomainEntry entry = registry.lookup(request.domain());
        StoragePlan plan = StoragePlan.of(entry.current(), Map.of());
        String name = request.disk();
        List<DiskInfo> rows = new ArrayList<>();
        if (name != null) {
            DiskStorage disk = PlanDisks.find(entry.name(), plan, name);
            if (disk.empty()) {
                throw VireoError.invalidArgument("disk '" + disk.dev() + "' does not currently have a source assigned");
            }
            rows.add(info(disk));
        } else {
            for (DiskStorage disk : plan.disks()) rows.add(info(disk));
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (DiskInfo row : rows) {
            ObjectNode o = out.addObject().put("disk", row.disk());
            o.put("capacity", row.capacity());
            o.put("allocation", row.allocation());
            o.put("physical", row.physical());
        }
        return out;
    }

    private DiskInfo info(DiskStorage disk) throws VireoError {
        if (disk.empty()) return new DiskInfo(disk.dev(), null, null, null);
        ImageNode top = disk.top().orElseThrow();
        Path path = Path.of(top.path());
        ImageFormat format = ImageFormat.forName(top.format()).orElseThrow(() -> VireoError.unsupported(
                "disk '" + disk.dev() + "': the daemon cannot read images of format '" + top.format() + "'"));
        try {
            // a FIFO or a file on a hung mount blocks: never on the RPC's virtual thread
            return files.run("reading " + path, () -> {
                ImageInfo image = ImageInfo.read(path, format);
                long physical = Files.size(path);
                return new DiskInfo(disk.dev(), image.virtualSize().orElse(physical),
                        image.actualSize().orElse(physical), physical);
            });
        } catch (StorageException e) {
            throw VireoError.failed("disk '" + disk.dev() + "': " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw VireoError.failed("disk '" + disk.dev() + "': " + path + ": no such file", e);
        } catch (IOException e) {
            throw VireoError.failed("disk '" + disk.dev() + "': " + path + ": cannot read: " + e.getMessage(), e);
        }
    }
}
