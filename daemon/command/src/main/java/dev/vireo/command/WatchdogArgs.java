package dev.vireo.command;

import dev.vireo.conf.model.Watchdog;
import dev.vireo.conf.model.WatchdogAction;

/** The watchdog card and what QEMU does when it fires. */
final class WatchdogArgs {

    private WatchdogArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        Watchdog watchdog = ctx.devices().getWatchdog();
        if (watchdog == null) {
            return;
        }
        if (watchdog.getModel() == null) {
            throw new UnsupportedConfigurationException("<watchdog> needs a model; allowed: i6300esb, ib700");
        }
        String model = watchdog.getModel().xml();
        if (ctx.usesDevice()) {
            OptionString o = new OptionString(model).add("id", ctx.alias(watchdog));
            DeviceAddressOption.append(ctx, o, watchdog);
            out.option("-device", o.toString());
        } else {
            out.option("-watchdog", model);
        }
        WatchdogAction action = watchdog.getAction() == null ? WatchdogAction.RESET : watchdog.getAction();
        // 'dump' is done by the daemon: QEMU pauses the guest and the daemon dumps it.
        out.option("-watchdog-action", action == WatchdogAction.DUMP ? "pause" : action.xml());
    }
}
