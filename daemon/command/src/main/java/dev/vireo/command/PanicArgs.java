package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Panic;
import dev.vireo.conf.model.PanicModel;
import java.util.List;

/**
 * Panic notifiers, through which the guest tells the host that it crashed: the ISA {@code pvpanic}
 * device (at QEMU's default port 0x505) or its PCI form {@code pvpanic-pci}, as libvirt 9 writes them.
 */
final class PanicArgs {

    private PanicArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        List<Panic> panics = ctx.devices().getPanics();
        for (Panic panic : panics) {
            PanicModel model = panic.getModel() == null ? PanicModel.ISA : panic.getModel();
            switch (model) {
                case ISA -> {
                    if (!ctx.has(Capability.PVPANIC)) {
                        throw new UnsupportedConfigurationException("<panic model='isa'>: this QEMU binary has no pvpanic "
                                + "device (capability 'pvpanic')");
                    }
                    out.option("-device", "pvpanic");
                }
                case PVPANIC -> {
                    if (!ctx.caps().hasDevice("pvpanic-pci")) {
                        throw new UnsupportedConfigurationException("<panic model='pvpanic'>: this QEMU binary has no "
                                + "pvpanic-pci device");
                    }
                    OptionString o = new OptionString("pvpanic-pci").add("id", ctx.alias(panic));
                    DeviceAddressOption.append(ctx, o, panic);
                    out.option("-device", o.toString());
                }
                case HYPERV -> throw new UnsupportedConfigurationException("<panic model='hyperv'> (the Hyper-V crash "
                        + "MSRs) is not supported by Vireo; supported: isa, pvpanic");
            }
        }
    }
}
