package dev.vireo.command;

import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.AddressType;
import dev.vireo.conf.model.CharDevice;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.ControllerType;
import dev.vireo.conf.model.Device;
import dev.vireo.conf.model.NetInterface;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Register numbers on a pSeries guest's VIO bus, assigned as libvirt does: spapr-vlan cards from
 * 0x1000, ibmvscsi controllers from 0x2000, serial ports (spapr-vty) from 0x30000000, each the
 * first free multiple of 0x1000 from there; registers written in the XML are kept and reserved.
 */
final class SpaprVioPlan {

    private static final long STEP = 0x1000;
    private static final long NET_BASE = 0x1000;
    private static final long SCSI_BASE = 0x2000;
    private static final long SERIAL_BASE = 0x30000000L;

    private final Map<Object, Long> regs = new IdentityHashMap<>();
    private final Set<Long> used = new HashSet<>();

    private SpaprVioPlan() {
    }

    static SpaprVioPlan assign(BuildContext ctx) throws UnsupportedConfigurationException {
        SpaprVioPlan plan = new SpaprVioPlan();
        List<NetInterface> nets = ctx.devices().getInterfaces();
        List<Controller> controllers = ctx.controllers();
        List<CharDevice> serials = ctx.devices().getSerials();
        for (List<? extends Device> kind : List.of(nets, controllers, serials)) {
            for (Device device : kind) {
                Address a = device.getAddress();
                if (a != null && a.getType() == AddressType.SPAPR_VIO && a.getReg() != null) {
                    plan.reserve(device, a.getReg());
                }
            }
        }
        for (NetInterface net : nets) {
            if (net.getModel() != null && "spapr-vlan".equals(net.getModel().getType())) {
                plan.place(net, NET_BASE);
            }
        }
        for (Controller c : controllers) {
            if (c.getType() == ControllerType.SCSI && ScsiControllerModel.of(ctx, c) == ScsiControllerModel.IBMVSCSI) {
                plan.place(c, SCSI_BASE);
            }
        }
        if (ctx.isPseries()) {
            for (CharDevice serial : serials) {
                plan.place(serial, SERIAL_BASE);
            }
        }
        return plan;
    }

    /** The device's VIO register, or null when it is not on the VIO bus. */
    Long of(Object device) {
        return regs.get(device);
    }

    private void reserve(Device device, long reg) throws UnsupportedConfigurationException {
        if (!used.add(reg)) {
            throw new UnsupportedConfigurationException("spapr-vio address 0x" + Long.toHexString(reg)
                    + " is given to two devices");
        }
        regs.put(device, reg);
    }

    private void place(Device device, long base) {
        if (regs.containsKey(device)) {
            return;
        }
        long reg = base;
        while (used.contains(reg)) {
            reg += STEP;
        }
        used.add(reg);
        regs.put(device, reg);
    }
}
