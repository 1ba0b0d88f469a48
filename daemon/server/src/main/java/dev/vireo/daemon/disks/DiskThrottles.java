package dev.vireo.daemon.disks;

import dev.vireo.command.iotune.IoTunes;
import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.StoragePlan;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskIoTune;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.monitor.BlockDevice;
import dev.vireo.monitor.IoThrottle;
import dev.vireo.monitor.Monitor;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A disk's {@code <iotune>} applied to its guest device with {@code block_set_io_throttle}: at
 * start, before the CPUs run (QEMU 7.2's {@code -blockdev} command line has no place for it; libvirt 9
 * does the same), and by {@code blkdeviotune --live}.
 */
public final class DiskThrottles {

    private DiskThrottles() {
    }

    /** Sets the limits of every disk of {@code live} that has any (nothing is sent for the others). */
    public static void applyAtStart(Domain live, Monitor monitor) throws IOException {
        if (live.getDevices() == null) return;
        List<Disk> throttled = live.getDevices().getDisks().stream().filter(IoTunes::throttled).toList();
        if (throttled.isEmpty()) return;
        StoragePlan plan = StoragePlan.of(live, Map.of());
        List<BlockDevice> devices = monitor.queryBlock();
        for (Disk disk : throttled) {
            DiskStorage storage = plan.disk(disk.getTarget().getDev()).orElse(null);
            if (storage == null) continue;
            try {
                Optional<BlockDevice> device = BlockBackends.of(storage, devices);
                // an empty drive has no backend to throttle; QEMU takes the limits with the medium
                if (device.isPresent()) monitor.blockSetIoThrottle(throttle(device.get(), disk.getIotune()));
            } catch (VireoError e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    /** The {@code block_set_io_throttle} arguments for {@code device} with limits {@code t}. */
    public static IoThrottle throttle(BlockDevice device, DiskIoTune t) {
        return new IoThrottle(device.qdev(), IoTunes.qemuLimits(t), t == null ? null : t.getGroupName());
    }
}
