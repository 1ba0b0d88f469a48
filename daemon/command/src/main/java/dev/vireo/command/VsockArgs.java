package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Vsock;
import dev.vireo.conf.model.VsockCid;

/**
 * The guest's {@code <vsock>}: {@code -device vhost-vsock-pci,id=vsock0,guest-cid=N,bus=,addr=}, as
 * libvirt 9 writes it (after the panic devices). The context id is the {@code <cid address>}; for
 * {@code <cid auto='yes'/>} vireod picks a free one when it starts the domain and writes it into the
 * live XML, and a definition's printout has 0 there, as libvirt's {@code domxml-to-native}. QEMU opens
 * {@code /dev/vhost-vsock} itself (libvirt opens it and passes {@code vhostfd=}); vireod checks the
 * device is there before it starts the guest ({@code dev.vireo.daemon.guest.GuestVsock}).
 */
final class VsockArgs {

    private VsockArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        Vsock vsock = ctx.devices().getVsock();
        if (vsock == null) return;
        if (!ctx.modern()) {
            throw new UnsupportedConfigurationException("<vsock> is supported with QEMU 4.2 or later");
        }
        String model = vsock.getModel() == null ? "virtio" : vsock.getModel();
        String driver = switch (model) {
            case "virtio" -> "vhost-vsock-pci";
            case "virtio-non-transitional" -> "vhost-vsock-pci-non-transitional";
            default -> throw new UnsupportedConfigurationException("<vsock model='" + model + "'>: QEMU 7.2 has no such "
                    + "vhost-vsock device; allowed: virtio, virtio-non-transitional");
        };
        if (!ctx.has(Capability.VHOST_VSOCK)) {
            throw new UnsupportedConfigurationException("<vsock>: " + ctx.emulator() + " has no vhost-vsock-pci device "
                    + "(capability 'vhost-vsock')");
        }
        VsockCid cid = vsock.getCid();
        long guestCid = cid == null || cid.getAddress() == null ? 0 : cid.getAddress();
        OptionString device = new OptionString(driver).add("id", ctx.alias(vsock)).add("guest-cid", guestCid);
        DeviceAddressOption.append(ctx, device, vsock);
        out.option("-device", device.toString());
    }
}
