package dev.vireo.command;

import dev.vireo.caps.QemuCaps;
import dev.vireo.conf.model.CharDevice;
import dev.vireo.conf.model.CharTargetType;
import dev.vireo.conf.model.Device;
import dev.vireo.conf.model.DeviceAlias;
import dev.vireo.conf.model.Domain;
import java.util.List;
import java.util.Map;

/**
 * Writes the ids QEMU knows the devices by into a running guest's live XML as {@code <alias name>},
 * as libvirt shows them: the same names the command line gave them ({@link DeviceAliases}), so that
 * {@code console --devname}, monitor commands and events all speak of one name.
 */
public final class LiveAliases {

    private LiveAliases() {
    }

    /**
     * Sets the alias of every device the command line names; {@code live} is the domain the command
     * line was built from, with the same capabilities and options.
     */
    public static void fill(Domain live, QemuCaps caps, LaunchOptions options) throws UnsupportedConfigurationException {
        BuildContext ctx = BuildContext.of(live, caps, options);
        for (Map.Entry<Object, String> e : DeviceAliases.assign(ctx).all().entrySet()) {
            if (e.getKey() instanceof Device device) device.setAlias(named(e.getValue()));
        }
        // A console on the first serial port is that port (QEMU has no device of its own for it):
        // libvirt shows the serial port's alias on both.
        List<CharDevice> serials = ctx.devices().getSerials();
        for (CharDevice console : ctx.devices().getConsoles()) {
            CharTargetType type = console.getTarget() == null ? null : console.getTarget().getType();
            if ((type == null || type == CharTargetType.SERIAL) && !serials.isEmpty()) {
                console.setAlias(named(serials.getFirst().getAlias().getName()));
            }
        }
    }

    private static DeviceAlias named(String name) {
        DeviceAlias alias = new DeviceAlias();
        alias.setName(name);
        return alias;
    }
}
