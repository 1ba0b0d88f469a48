package dev.vireo.command;

import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.ControllerDriver;

/**
 * The {@code -device} of a SCSI controller, with its {@code <driver>} as libvirt 9 writes it for
 * virtio-scsi: {@code iothread=iothreadN} before the id, then {@code num_queues}, {@code cmd_per_lun},
 * {@code max_sectors} and {@code ioeventfd=on|off}. libvirt 9 takes a controller {@code <driver>} only
 * on virtio-scsi and refuses it on any other controller (so does the define, see ControllerChecks).
 */
final class ScsiControllerDriver {

    private ScsiControllerDriver() {
    }

    static OptionString device(BuildContext ctx, Controller c, int index) throws UnsupportedConfigurationException {
        ScsiControllerModel model = ScsiControllerModel.of(ctx, c);
        OptionString o = new OptionString(model.qemuDevice());
        ControllerDriver driver = c.getDriver();
        if (driver == null) return o.add("id", "scsi" + index);
        String what = "<controller type='scsi' index='" + index + "'>";
        if (model != ScsiControllerModel.VIRTIO_SCSI) {
            throw new UnsupportedConfigurationException(what + ": <driver> settings are only supported by a virtio-scsi "
                    + "controller, not model '" + model.xml() + "'");
        }
        if (driver.getIothread() != null) o.add("iothread", IothreadArgs.named(ctx, what, driver.getIothread()));
        o.add("id", "scsi" + index);
        if (driver.getQueues() != null) o.add("num_queues", driver.getQueues());
        if (driver.getCmdPerLun() != null) o.add("cmd_per_lun", driver.getCmdPerLun());
        if (driver.getMaxSectors() != null) o.add("max_sectors", driver.getMaxSectors());
        if (driver.getIoeventfd() != null) o.add("ioeventfd", CpuOption.onOff(driver.getIoeventfd()));
        return o;
    }
}
