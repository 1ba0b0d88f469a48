package dev.vireo.command;

/**
 * {@code <features><vmcoreinfo state='on'/>}: the {@code vmcoreinfo} device, through which the guest
 * kernel tells a host-side dump where its crash notes are; libvirt 9 writes it after the random number
 * generators.
 */
final class VmcoreinfoArgs {

    private VmcoreinfoArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        if (!KvmFeatureArgs.vmcoreinfo(ctx.domain().getFeatures())) return;
        if (!ctx.caps().hasDevice("vmcoreinfo")) {
            throw new UnsupportedConfigurationException("<features><vmcoreinfo state='on'>: this QEMU binary has no "
                    + "vmcoreinfo device");
        }
        out.option("-device", "vmcoreinfo");
    }
}
