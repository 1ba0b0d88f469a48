package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.command.iotune.IoTuneChange;
import dev.vireo.command.iotune.IoTuneField;
import dev.vireo.command.iotune.IoTunes;
import dev.vireo.command.storage.DiskStorage;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskIoTune;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.disks.BlockBackends;
import dev.vireo.daemon.disks.DiskThrottles;
import dev.vireo.daemon.domain.DomainRegistry;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.Lifecycle;
import dev.vireo.daemon.lifecycle.LiveGuest;
import dev.vireo.daemon.rpc.Operations;
import dev.vireo.daemon.rpc.RpcException;
import dev.vireo.monitor.BlockDevice;
import dev.vireo.monitor.IoThrottle;
import dev.vireo.protocol.ErrorCodes;
import dev.vireo.protocol.ops.DiskRequests.BlkDevIoTune;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code blkdeviotune}: a disk's I/O limits, read or changed on the running guest
 * ({@code block_set_io_throttle}, then the live definition's {@code <iotune>}) and/or in the stored
 * definition, merged as libvirt merges them ({@link IoTuneChange}). Neither {@code live} nor
 * {@code config}: the running guest if there is one, else the stored definition (virsh's
 * {@code --current}).
 */
public final class IoTuneOps {
    private final DomainRegistry registry;
    private final Lifecycle lifecycle;

    public IoTuneOps(DomainRegistry registry, Lifecycle lifecycle) {
        this.registry = registry;
        this.lifecycle = lifecycle;
    }

    public void register(Operations ops) {
        ops.handle(BlkDevIoTune.class, this::blkDevIoTune);
    }

    private JsonNode blkDevIoTune(BlkDevIoTune request) throws RpcException, VireoError {
        String target = request.disk();
        boolean liveFlag = request.live();
        boolean configFlag = request.config();
        IoTuneChange change = change(request);
        if (change.refusal() != null) throw VireoError.invalidArgument(change.refusal());
        return registry.withJob(request.domain(), "blkdeviotune", entry -> {
            Optional<LiveGuest> guest = lifecycle.running(entry);
            boolean live = liveFlag || (!configFlag && guest.isPresent());
            boolean config = configFlag || (!liveFlag && guest.isEmpty());
            if (live && guest.isEmpty()) throw VireoError.wrongState("domain is not running");
            if (config && !entry.isPersistent()) {
                throw VireoError.wrongState("cannot change persistent config of a transient domain");
            }
            if (change.isQuery()) {
                if (live && config) {
                    throw VireoError.invalidArgument("--live and --config are mutually exclusive when reading the limits");
                }
                return live ? toJson(liveLimits(guest.get(), target)) : toJson(disk(entry.persistent(), target).getIotune());
            }
            DiskIoTune result = null;
            if (config) disk(entry.persistent(), target); // an unknown disk changes nothing, live included
            if (live) {
                LiveGuest g = guest.get();
                DiskIoTune changed = change.applyTo(disk(g.live(), target).getIotune());
                BlockDevice device = device(g, target);
                g.qmp("block_set_io_throttle", m -> {
                    m.blockSetIoThrottle(DiskThrottles.throttle(device, changed));
                    return null;
                });
                g.changeLive(d -> set(d, target, changed));
                result = changed;
            }
            if (config) {
                DiskIoTune changed = change.applyTo(disk(entry.persistent(), target).getIotune());
                lifecycle.changeStored(entry, d -> set(d, target, changed));
                if (result == null) result = changed;
            }
            return toJson(result);
        });
    }

    /** The limits given, by libvirt's names, and the group. */
    private static IoTuneChange change(BlkDevIoTune request) throws RpcException {
        Map<IoTuneField, Long> values = new EnumMap<>(IoTuneField.class);
        for (Map.Entry<String, Long> e : request.values().entrySet()) {
            IoTuneField f = IoTuneField.byLibvirtName(e.getKey());
            if (f == null) throw new RpcException(ErrorCodes.BAD_REQUEST, "blkdeviotune: unknown limit '" + e.getKey() + "'");
            values.put(f, e.getValue());
        }
        return new IoTuneChange(values, request.groupName());
    }

    private static Disk disk(Domain d, String target) throws VireoError {
        if (d.getDevices() != null) {
            for (Disk disk : d.getDevices().getDisks()) {
                if (disk.getTarget() != null && target.equals(disk.getTarget().getDev())) return disk;
            }
        }
        throw VireoError.invalidArgument("disk '" + target + "' was not found in the domain config");
    }

    private static void set(Domain d, String target, DiskIoTune t) {
        for (Disk disk : d.getDevices().getDisks()) {
            if (disk.getTarget() != null && target.equals(disk.getTarget().getDev())) {
                disk.setIotune(IoTunes.empty(t) ? null : IoTunes.copy(t));
            }
        }
    }

    private static BlockDevice device(LiveGuest guest, String target) throws VireoError {
        DiskStorage storage = guest.plan().disk(target).orElseThrow(() ->
                VireoError.invalidArgument("disk '" + target + "' was not found in the domain config"));
        return BlockBackends.of(storage, guest.qmp("query-block", m -> m.queryBlock())).orElseThrow(() ->
                VireoError.unsupported("disk '" + target + "' has no medium: there is nothing to throttle"));
    }

    /** What QEMU applies now, read back as limits. */
    private static DiskIoTune liveLimits(LiveGuest guest, String target) throws VireoError {
        disk(guest.live(), target);
        IoThrottle now = device(guest, target).inserted().throttle();
        DiskIoTune t = new DiskIoTune();
        for (IoTuneField f : IoTuneField.values()) f.set(t, now.limit(f.qemuName()));
        // QEMU names a device's own group after it; only a shared group is the user's
        boolean own = now.group() == null || now.group().equals(now.id()) || IoTunes.empty(t);
        t.setGroupName(own ? null : now.group());
        return t;
    }

    /** virsh's order: the limits, the I/O size, the group, then the burst lengths. */
    private static ObjectNode toJson(DiskIoTune t) {
        ObjectNode o = Results.object();
        for (IoTuneField f : IoTuneField.values()) {
            if (f == IoTuneField.TOTAL_BYTES_SEC_MAX_LENGTH) o.put("group_name", t == null || t.getGroupName() == null ? "" : t.getGroupName());
            o.put(f.libvirtName(), f.get(t));
        }
        return o;
    }
}
