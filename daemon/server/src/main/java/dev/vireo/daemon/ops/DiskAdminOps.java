package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.command.storage.StoragePlan;
import dev.vireo.daemon.FileWork;
import dev.vireo.daemon.disks.BlockBackends;
import dev.vireo.daemon.disks.PlanDisks;
import dev.vireo.daemon.domain.DomainRegistry;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.Lifecycle;
import dev.vireo.daemon.lifecycle.LiveGuest;
import dev.vireo.daemon.rpc.Operations;
import dev.vireo.protocol.ops.DiskRequests.BlockResize;
import dev.vireo.protocol.ops.DiskRequests.DomBlkError;
import dev.vireo.protocol.ops.DiskRequests.DomBlkThreshold;
import dev.vireo.daemon.rpc.RpcException;
import dev.vireo.monitor.BlockDevice;
import dev.vireo.monitor.BlockNode;
import dev.vireo.protocol.ErrorCodes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daily disk chores of issue 14 that are not block jobs: {@code blockresize} (running or shut
 * off), {@code domblkerror} and {@code domblkthreshold}. I/O limits are {@link IoTuneOps}, the
 * statistics {@link DomainStatsOps}.
 */
public final class DiskAdminOps {
    private static final Pattern INDEXED = Pattern.compile("([^\\[\\]]+)\\[([0-9]+)\\]");

    private final DomainRegistry registry;
    private final Lifecycle lifecycle;
    private final ImageResizer resizer;

    public DiskAdminOps(DomainRegistry registry, Lifecycle lifecycle, FileWork files) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.resizer = new ImageResizer(files);
    }

    public void register(Operations ops) {
        ops.handle(BlockResize.class, this::blockResize);
        ops.handle(DomBlkError.class, this::domBlkError);
        ops.handle(DomBlkThreshold.class, this::domBlkThreshold);
    }

    /**
     * {@code blockresize}: the top image of a disk to {@code size} bytes (qcow2 and qed rounded up
     * to 512 as libvirt does), or with {@code capacity} to the size of the block device under a raw
     * disk. A running guest's format node is resized with {@code block_resize} (the guest sees the
     * new size at once); a shut-off domain's image by the daemon ({@link ImageResizer}). Shrinking
     * needs {@code shrink}: QEMU 7.2 cuts a qcow2 without asking.
     */
    private JsonNode blockResize(BlockResize call) throws RpcException, VireoError {
        String name = call.disk();
        boolean capacity = call.capacity();
        boolean shrink = call.shrink();
        long requested = call.size() == null ? -1 : call.size();
        if (capacity == (requested >= 0)) {
            throw new RpcException(ErrorCodes.BAD_REQUEST, "blockresize: give either 'size' or 'capacity'");
        }
        return registry.withJob(call.domain(), "blockresize", entry -> {
            Optional<LiveGuest> guest = lifecycle.running(entry);
            StoragePlan plan = guest.map(LiveGuest::plan).orElseGet(() -> StoragePlan.of(entry.current(), Map.of()));
            DiskStorage disk = PlanDisks.find(entry.name(), plan, name);
            if (disk.empty() || disk.top().orElseThrow().readOnly()) {
                throw VireoError.unsupported("can't resize empty or readonly disk '" + disk.dev() + "'");
            }
            ImageNode top = disk.top().orElseThrow();
            long size;
            if (capacity) {
                if (!top.hostDevice() || !"raw".equals(top.format())) {
                    throw VireoError.unsupported("block resize to full capacity supported only with 'raw' local "
                            + "block-based disks");
                }
                size = resizer.deviceSize(top);
            } else {
                size = "qcow2".equals(top.format()) || "qed".equals(top.format()) ? roundUp512(requested) : requested;
            }
            long current = guest.isPresent() ? liveCapacity(guest.get(), top) : resizer.capacity(top);
            if (size < current && !shrink) {
                throw VireoError.invalidArgument("disk '" + disk.dev() + "': " + size + " bytes is smaller than its "
                        + "current size of " + current + " bytes: shrinking loses the data past the new end; give "
                        + "--shrink to do it anyway");
            }
            if (guest.isPresent()) {
                guest.get().qmp("block_resize", m -> {
                    m.blockResize(top.formatNodeName(), size);
                    return null;
                });
            } else {
                resizer.resize(top, size, size < current);
            }
            return Results.object().put("disk", disk.dev()).put("size", size).put("previous", current);
        });
    }

    private static long roundUp512(long size) throws VireoError {
        if (size > Long.MAX_VALUE - 511) throw VireoError.invalidArgument("size " + size + " is too large");
        return (size + 511) / 512 * 512;
    }

    /** The virtual size QEMU has now for the image (what the guest sees for the top). */
    private static long liveCapacity(LiveGuest guest, ImageNode image) throws VireoError {
        for (BlockNode n : guest.qmp("query-named-block-nodes", m -> m.queryNamedBlockNodes())) {
            if (image.formatNodeName().equals(n.nodeName())) return n.virtualSize();
        }
        throw VireoError.failed("QEMU has no node " + image.formatNodeName() + " for image " + image.path()
                + "; its block graph differs from the live definition");
    }

    /**
     * {@code domblkerror}: each disk whose device QEMU stopped on an I/O error, from
     * {@code query-block}'s io-status: {@code [{"disk":"vda","error":"no space"}]}, empty when none.
     */
    private JsonNode domBlkError(DomBlkError call) throws VireoError {
        return lifecycle.withRunning(call.domain(), "domblkerror", guest -> {
            List<BlockDevice> devices = guest.qmp("query-block", m -> m.queryBlock());
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (DiskStorage disk : guest.plan().disks()) {
                Optional<BlockDevice> device = BlockBackends.of(disk, devices);
                String status = device.map(BlockDevice::ioStatus).orElse(null);
                if (status == null || "ok".equals(status)) continue;
                out.addObject().put("disk", disk.dev()).put("error", "nospace".equals(status) ? "no space" : "unspecified error");
            }
            return out;
        });
    }

    /**
     * {@code domblkthreshold}: a one-shot write threshold on the storage node of a disk's top
     * ({@code vda}) or of layer N ({@code vda[N]}), in bytes or (with {@code percent}) as a share
     * of the layer's capacity; 0 removes it. QEMU keeps it on the node, so it still fires after a
     * daemon restart, and forgets it with the node.
     */
    private JsonNode domBlkThreshold(DomBlkThreshold call) throws RpcException, VireoError {
        String dev = call.dev();
        long bytes = call.threshold() == null ? -1 : call.threshold();
        long percent = call.percent() == null ? -1 : call.percent();
        if ((bytes >= 0) == (percent >= 0)) {
            throw new RpcException(ErrorCodes.BAD_REQUEST, "domblkthreshold: give either 'threshold' or 'percent'");
        }
        if (percent > 100) throw VireoError.invalidArgument("threshold " + percent + "% is beyond the disk's capacity");
        return lifecycle.withRunning(call.domain(), "domblkthreshold", guest -> {
            Matcher m = INDEXED.matcher(dev);
            boolean byIndex = m.matches();
            DiskStorage disk = PlanDisks.find(guest.name(), guest.plan(), byIndex ? m.group(1) : dev);
            ImageNode image;
            if (byIndex) {
                int index = Integer.parseInt(m.group(2));
                image = disk.image(index).orElseThrow(() -> VireoError.invalidArgument("failed to find backing index '"
                        + index + "' in chain for '" + disk.dev() + "' (see domblklist --details)"));
            } else {
                image = disk.top().orElseThrow(() -> VireoError.invalidArgument(
                        "disk '" + disk.dev() + "' does not currently have a source assigned"));
            }
            long capacity = liveCapacity(guest, image);
            long threshold = bytes >= 0 ? bytes : capacity * percent / 100;
            if (threshold > capacity) {
                throw VireoError.invalidArgument("threshold " + threshold + " is beyond the capacity of '" + dev
                        + "' (" + capacity + " bytes)");
            }
            guest.qmp("block-set-write-threshold", mon -> {
                mon.blockSetWriteThreshold(image.storageNodeName(), threshold);
                return null;
            });
            guest.thresholdNamedByIndex(image.storageNodeName(), byIndex && threshold > 0);
            String label = byIndex ? disk.dev() + "[" + image.index() + "]" : disk.dev();
            return Results.object().put("dev", label).put("path", image.path()).put("node", image.storageNodeName())
                    .put("threshold", threshold);
        });
    }
}
