package dev.vireo.conf.check;

import dev.vireo.conf.SourcePositions;
import dev.vireo.conf.XmlProblem;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.ControllerType;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBus;
import dev.vireo.conf.model.DiskDriver;
import dev.vireo.conf.model.Domain;
import java.util.List;

/**
 * {@code <driver>} settings that libvirt 9 refuses at define where the device cannot take them:
 * {@code queues} and {@code queue_size} of a disk on any bus but virtio (they are virtio-blk
 * properties), and a controller {@code <driver>} on anything but a virtio-scsi controller. Run once
 * defaults have filled in buses and controller models.
 */
final class DriverChecks {

    private DriverChecks() {
    }

    static void check(Domain d, SourcePositions at, List<XmlProblem> problems) {
        List<Disk> disks = d.getDevices().getDisks();
        for (int i = 0; i < disks.size(); i++) {
            Disk disk = disks.get(i);
            DiskDriver driver = disk.getDriver();
            DiskBus bus = disk.getTarget() == null ? null : disk.getTarget().getBus();
            if (driver == null || bus == null || bus == DiskBus.VIRTIO) continue;
            for (String[] a : new String[][] {{"queues", str(driver.getQueues())}, {"queue_size", str(driver.getQueueSize())}}) {
                if (a[1] == null) continue;
                problems.add(at.problem(driver, "/domain/devices/disk[" + (i + 1) + "]/driver", "disk '" + disk.getTarget().getDev()
                        + "': <driver " + a[0] + "='" + a[1] + "'> is only supported on the virtio bus (virtio-blk), not '"
                        + bus.xml() + "'"));
            }
        }
        for (Controller c : d.getDevices().getControllers()) {
            if (c.getDriver() == null) continue;
            boolean virtioScsi = c.getType() == ControllerType.SCSI && (c.getModel() == null || "virtio-scsi".equals(c.getModel()));
            if (!virtioScsi) {
                String model = c.getModel() == null ? "" : " model='" + c.getModel() + "'";
                problems.add(at.problem(c.getDriver(), "/domain/devices/controller/driver", "<controller type='" + c.getType().xml()
                        + "' index='" + (c.getIndex() == null ? 0 : c.getIndex()) + "'" + model + ">: <driver> settings (queues, "
                        + "cmd_per_lun, max_sectors, ioeventfd, iothread) are only supported by a virtio-scsi controller"));
            }
        }
    }

    private static String str(Integer value) {
        return value == null ? null : value.toString();
    }
}
