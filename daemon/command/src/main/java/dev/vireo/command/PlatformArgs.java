package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.LifecycleAction;
import dev.vireo.conf.model.OsBios;
import dev.vireo.conf.model.PmState;
import dev.vireo.conf.model.PowerManagement;

/**
 * The part between the machine and the devices: no-graphics and no-defaults switches, the serial
 * graphics adapter, the monitor, the clock, lifecycle switches and ACPI power management.
 */
final class PlatformArgs {

    private PlatformArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        // -nographic must come before any serial, parallel or monitor option: it would otherwise
        // move those to stdio.
        if (ctx.devices().getGraphics().isEmpty()) {
            out.add("-nographic");
        }
        if (ctx.usesDevice()) {
            // Read no configuration files behind the daemon's back; -no-user-config is the newer
            // switch that still lets QEMU read its own machine definitions.
            if (ctx.has(Capability.NO_USER_CONFIG)) {
                out.add("-no-user-config");
            } else if (ctx.has(Capability.NODEFCONFIG)) {
                out.add("-nodefconfig");
            }
            // Every device is then named explicitly with -device.
            out.add("-nodefaults");
        }
        serialGraphicsAdapter(ctx, out);
        monitor(ctx, out);
        ClockArgs.write(ctx, out);
        Domain domain = ctx.domain();
        if (ctx.has(Capability.NO_REBOOT) && domain.getOnReboot() != null
                && domain.getOnReboot() != LifecycleAction.RESTART) {
            out.add("-no-reboot");
        }
        // With QMP the daemon sees the guest power off and decides itself whether QEMU exits.
        if (ctx.jsonMonitor() && ctx.has(Capability.NO_SHUTDOWN)) {
            out.add("-no-shutdown");
        }
        boolean acpi = domain.getFeatures() != null && domain.getFeatures().isAcpi();
        if (!acpi && ctx.has(Capability.NO_ACPI)) {
            out.add("-no-acpi");
        }
        powerManagement(ctx, out);
    }

    private static void serialGraphicsAdapter(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        OsBios bios = ctx.os().getBios();
        if (bios == null || !Boolean.TRUE.equals(bios.getUseserial())) {
            return;
        }
        if (!ctx.usesDevice()) {
            throw new UnsupportedConfigurationException("<bios useserial='yes'>: the serial graphics adapter needs "
                    + "-device support, which this QEMU binary lacks (capability 'device')");
        }
        if (!ctx.has(Capability.SGA)) {
            throw new UnsupportedConfigurationException("<bios useserial='yes'>: this QEMU binary has no serial "
                    + "graphics adapter (capability 'sga')");
        }
        if (ctx.devices().getSerials().isEmpty()) {
            throw new UnsupportedConfigurationException("<bios useserial='yes'> needs at least one <serial> port");
        }
        out.option("-device", "sga");
    }

    private static void monitor(BuildContext ctx, ArgvWriter out) {
        String path = ctx.options().monitorSocket().toString();
        if (ctx.has(Capability.CHARDEV)) {
            out.option("-chardev", "socket,id=charmonitor,path=" + path + ctx.listenFlags());
            out.option("-mon", "chardev=charmonitor,id=monitor,mode=" + (ctx.jsonMonitor() ? "control" : "readline"));
        } else {
            out.option("-monitor", (ctx.jsonMonitor() ? "control," : "") + "unix:" + path + ",server,nowait");
        }
    }

    private static void powerManagement(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        PowerManagement pm = ctx.domain().getPm();
        if (pm == null) {
            return;
        }
        sleepState(ctx, out, pm.getSuspendToMem(), Capability.DISABLE_S3, "suspend-to-mem", "s3");
        sleepState(ctx, out, pm.getSuspendToDisk(), Capability.DISABLE_S4, "suspend-to-disk", "s4");
    }

    private static void sleepState(BuildContext ctx, ArgvWriter out, PmState state, Capability needed,
                                   String element, String acpiState) throws UnsupportedConfigurationException {
        if (state == null || state.getEnabled() == null) {
            return;
        }
        if (!ctx.has(needed)) {
            throw new UnsupportedConfigurationException("<pm><" + element + ">: setting ACPI " + acpiState.toUpperCase()
                    + " is not supported by this QEMU binary (capability '" + needed.flagName() + "')");
        }
        // The power management of a Q35 machine is the ICH9's LPC bridge, not the PIIX4's.
        String pmDevice = ctx.isQ35() ? "ICH9-LPC" : "PIIX4_PM";
        out.option("-global", pmDevice + ".disable_" + acpiState + "=" + (state.getEnabled() ? 0 : 1));
    }
}
