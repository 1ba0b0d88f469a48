package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Os;

/** {@code -boot} (order letters, menu, reboot timeout), then a direct kernel boot or a bootloader. */
final class BootArgs {

    private BootArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        Os os = ctx.os();
        String bootloader = ctx.domain().getBootloader();
        if (bootloader != null) {
            out.option("-bootloader", bootloader);
            return;
        }
        BootPlan plan = ctx.boot();
        StringBuilder boot = new StringBuilder();
        int params = 0;
        if (!plan.emitBootindex()) {
            boot.append(plan.letters());
            params++;
        }
        Boolean menu = os.getBootmenu() == null ? null : os.getBootmenu().getEnable();
        // Without boot-menu support the setting is dropped: older binaries simply have no menu.
        if (menu != null && ctx.has(Capability.BOOT_MENU)) {
            if (params++ > 0) boot.append(',');
            boot.append(menu ? "menu=on" : "menu=off");
        }
        Integer rebootTimeout = os.getBios() == null ? null : os.getBios().getRebootTimeout();
        if (rebootTimeout != null) {
            if (!ctx.has(Capability.REBOOT_TIMEOUT)) {
                throw new UnsupportedConfigurationException("<bios rebootTimeout='" + rebootTimeout + "'>: reboot "
                        + "timeout is not supported by this QEMU binary (capability 'reboot-timeout')");
            }
            if (params++ > 0) boot.append(',');
            boot.append("reboot-timeout=").append(rebootTimeout);
        }
        if (params > 0) {
            // Several settings need the named form; order letters alone keep the short one.
            out.option("-boot", params > 1 && !plan.emitBootindex() ? "order=" + boot : boot.toString());
        }
        if (os.getKernel() != null) {
            out.option("-kernel", os.getKernel());
        }
        if (os.getInitrd() != null) {
            out.option("-initrd", os.getInitrd());
        }
        if (os.getCmdline() != null) {
            out.option("-append", os.getCmdline());
        }
        if (os.getDtb() != null) {
            if (!ctx.has(Capability.DTB)) {
                throw new UnsupportedConfigurationException("<dtb>: this QEMU binary cannot load a device tree "
                        + "(capability 'dtb')");
            }
            out.option("-dtb", os.getDtb());
        }
    }
}
