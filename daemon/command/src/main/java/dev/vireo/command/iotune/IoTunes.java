package dev.vireo.command.iotune;

import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskIoTune;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A disk's {@code <iotune>} as QEMU takes it. With {@code -blockdev} (QEMU 7.2) the command line
 * carries no limits: like libvirt 9, the daemon sets them with {@code block_set_io_throttle} on the
 * guest device before the CPUs start. Older QEMUs take the same keys as {@code -drive} options.
 */
public final class IoTunes {

    private IoTunes() {
    }

    /** Whether the disk has any limit or a group (an {@code <iotune>} of zeros throttles nothing). */
    public static boolean throttled(Disk disk) {
        DiskIoTune t = disk.getIotune();
        if (t == null) return false;
        if (t.getGroupName() != null) return true;
        for (IoTuneField f : IoTuneField.values()) {
            if (f.get(t) != 0) return true;
        }
        return false;
    }

    /** Every limit under QEMU's key, zeros included (QEMU reads an absent key as 0 too). */
    public static Map<String, Long> qemuLimits(DiskIoTune t) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (IoTuneField f : IoTuneField.values()) out.put(f.qemuName(), f.get(t));
        return out;
    }

    /** A copy of {@code t} (a new empty one for null). */
    public static DiskIoTune copy(DiskIoTune t) {
        DiskIoTune c = new DiskIoTune();
        if (t == null) return c;
        for (IoTuneField f : IoTuneField.values()) f.set(c, f.get(t));
        c.setGroupName(t.getGroupName());
        return c;
    }

    /** Whether nothing is limited and no group named (libvirt then drops the element). */
    public static boolean empty(DiskIoTune t) {
        if (t == null) return true;
        if (t.getGroupName() != null) return false;
        for (IoTuneField f : IoTuneField.values()) {
            if (f.get(t) != 0) return false;
        }
        return true;
    }
}
