package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Memballoon;
import dev.vireo.conf.model.MemballoonModel;

/** The memory balloon, which lets the daemon shrink the guest towards {@code currentMemory}. */
final class BalloonArgs {

    private BalloonArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        Memballoon balloon = ctx.devices().getMemballoon();
        if (balloon == null || balloon.getModel() == MemballoonModel.NONE) {
            return;
        }
        if (balloon.getModel() != MemballoonModel.VIRTIO) {
            throw new UnsupportedConfigurationException("<memballoon model='" + balloon.getModel().xml() + "'> is not "
                    + "supported by QEMU; allowed: virtio, none");
        }
        if (ctx.usesDevice() && ctx.onS390VirtioBus(balloon)) {
            // The s390-virtio machine of this era has no balloon device: the guest runs without one.
            return;
        }
        if (ctx.usesDevice()) {
            OptionString o = new OptionString("virtio-balloon-pci").add("id", ctx.alias(balloon));
            DeviceAddressOption.append(ctx, o, balloon);
            if (balloon.getAutodeflate() != null) {
                requireVersion(ctx, 2_005_000, "autodeflate", "deflate-on-oom");
                o.add("deflate-on-oom", balloon.getAutodeflate() ? "on" : "off");
            }
            if (balloon.getFreePageReporting() != null) {
                requireVersion(ctx, 5_001_000, "freePageReporting", "free-page-reporting");
                o.add("free-page-reporting", balloon.getFreePageReporting() ? "on" : "off");
            }
            out.option("-device", o.toString());
        } else if (ctx.has(Capability.BALLOON)) {
            out.option("-balloon", "virtio");
        }
    }

    /** The balloon's property came with this QEMU version; an unknown version (0) does not have it. */
    private static void requireVersion(BuildContext ctx, int version, String attribute, String property)
            throws UnsupportedConfigurationException {
        if (!ctx.qemuAtLeast(version)) {
            throw new UnsupportedConfigurationException("<memballoon " + attribute + "=...>: virtio-balloon-pci of this QEMU "
                    + "binary has no '" + property + "' (QEMU " + version / 1_000_000 + "." + version / 1000 % 1000 + " or later)");
        }
    }
}
