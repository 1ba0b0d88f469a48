package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.ControllerType;

/** The SCSI controller models QEMU can emulate, and which one a controller without a model gets. */
enum ScsiControllerModel {
    LSILOGIC("lsilogic", "lsi"),
    VIRTIO_SCSI("virtio-scsi", "virtio-scsi-pci"),
    IBMVSCSI("ibmvscsi", "spapr-vscsi"),
    /** The LSI MegaRAID SAS 1078, QEMU's {@code megasas}. */
    LSISAS1078("lsisas1078", "megasas"),
    /** The LSI SAS 1068 (Fusion-MPT), QEMU's {@code mptsas1068}. */
    LSISAS1068("lsisas1068", "mptsas1068");

    private final String xml;
    private final String qemuDevice;

    ScsiControllerModel(String xml, String qemuDevice) {
        this.xml = xml;
        this.qemuDevice = qemuDevice;
    }

    String qemuDevice() {
        return qemuDevice;
    }

    /** The model's name in the domain XML. */
    String xml() {
        return xml;
    }

    /** The model of SCSI controller {@code index} (which may be implicit: then it has no model). */
    static ScsiControllerModel of(BuildContext ctx, int index) throws UnsupportedConfigurationException {
        for (Controller c : ctx.controllers()) {
            if (c.getType() == ControllerType.SCSI && DiskNames.orZero(c.getIndex()) == index) {
                return of(ctx, c);
            }
        }
        return defaultFor(ctx);
    }

    static ScsiControllerModel of(BuildContext ctx, Controller controller) throws UnsupportedConfigurationException {
        String model = controller.getModel();
        if (model == null || model.isEmpty()) {
            return defaultFor(ctx);
        }
        for (ScsiControllerModel m : values()) {
            if (m.xml.equals(model)) {
                Capability needed = switch (m) {
                    case LSILOGIC -> Capability.LSI;
                    case VIRTIO_SCSI -> Capability.VIRTIO_SCSI_PCI;
                    case LSISAS1078 -> Capability.MEGASAS;
                    case IBMVSCSI, LSISAS1068 -> null;
                };
                if (m == LSISAS1068 && !ctx.caps().hasDevice(m.qemuDevice)) {
                    throw new UnsupportedConfigurationException("SCSI controller " + DiskNames.orZero(controller.getIndex())
                            + ": model '" + model + "' needs the emulator device '" + m.qemuDevice
                            + "', which this QEMU binary lacks");
                }
                if (needed != null && !ctx.has(needed)) {
                    throw new UnsupportedConfigurationException("SCSI controller " + DiskNames.orZero(controller.getIndex())
                            + ": model '" + model + "' needs the emulator device '" + m.qemuDevice
                            + "', which this QEMU binary lacks (capability '" + needed.flagName() + "')");
                }
                return m;
            }
        }
        throw new UnsupportedConfigurationException("SCSI controller " + DiskNames.orZero(controller.getIndex())
                + ": model '" + model + "' is not supported by QEMU; supported: lsilogic, virtio-scsi, ibmvscsi, lsisas1078, lsisas1068");
    }

    /** libvirt's choice for a controller without a model: the pSeries adapter, else LSI, else virtio-scsi. */
    private static ScsiControllerModel defaultFor(BuildContext ctx) throws UnsupportedConfigurationException {
        if (ctx.isPseries()) {
            return IBMVSCSI;
        }
        if (ctx.has(Capability.LSI)) {
            return LSILOGIC;
        }
        if (ctx.has(Capability.VIRTIO_SCSI_PCI)) {
            return VIRTIO_SCSI;
        }
        throw new UnsupportedConfigurationException("cannot pick a model for the SCSI controller: this QEMU binary "
                + "has neither the LSI 53C895A ('lsi') nor the virtio-scsi ('virtio-scsi-pci') controller");
    }
}
