package dev.vireo.command;

/**
 * QEMU ids of SATA controllers and their ports. libvirt 0.10.2 named an added AHCI controller
 * {@code ahciN}; libvirt 9 names it {@code sataN}, and a Q35 machine's built-in AHCI (controller 0)
 * has the ports {@code ide.0} to {@code ide.5}.
 */
final class SataBus {

    private SataBus() {
    }

    static String controllerId(BuildContext ctx, int index) {
        return (ctx.modern() ? "sata" : "ahci") + index;
    }

    /** The {@code bus=} of a disk on port {@code unit} of SATA controller {@code controller}. */
    static String port(BuildContext ctx, int controller, int unit) {
        if (controller == 0 && ctx.isQ35()) {
            return "ide." + unit;
        }
        return controllerId(ctx, controller) + "." + unit;
    }
}
