package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.AddressType;
import dev.vireo.conf.model.CharDevice;
import dev.vireo.conf.model.CharSource;
import dev.vireo.conf.model.CharSourceMode;
import dev.vireo.conf.model.CharTarget;
import dev.vireo.conf.model.CharTargetType;
import dev.vireo.conf.model.CharType;
import java.util.List;

/** Serial and parallel ports, channels (virtio-serial ports, guest forwarding) and consoles. */
final class CharDeviceArgs {

    private CharDeviceArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        boolean chardevs = ctx.has(Capability.CHARDEV) && ctx.usesDevice();
        List<CharDevice> serials = ctx.devices().getSerials();
        if (serials.isEmpty()) {
            // With -device, -nodefaults already removed the default port.
            if (!ctx.usesDevice()) {
                out.option("-serial", "none");
            }
        }
        for (CharDevice serial : serials) {
            String alias = ctx.alias(serial);
            CharBackend backend = CharBackend.of("serial " + alias, serial, null);
            if (chardevs) {
                out.option("-chardev", backend.chardev(ctx, alias, false));
                out.option("-device", serialDevice(ctx, serial, alias));
            } else {
                out.option("-serial", backend.legacy());
            }
        }
        List<CharDevice> parallels = ctx.devices().getParallels();
        if (parallels.isEmpty() && !ctx.usesDevice()) {
            out.option("-parallel", "none");
        }
        for (CharDevice parallel : parallels) {
            String alias = ctx.alias(parallel);
            CharBackend backend = CharBackend.of("parallel " + alias, parallel, null);
            if (chardevs) {
                out.option("-chardev", backend.chardev(ctx, alias, true));
                out.option("-device", "isa-parallel,chardev=char" + alias + ",id=" + alias);
            } else {
                out.option("-parallel", backend.legacy());
            }
        }
        for (CharDevice channel : ctx.devices().getChannels()) {
            channel(ctx, out, channel, chardevs);
        }
        for (CharDevice console : ctx.devices().getConsoles()) {
            console(ctx, out, console);
        }
    }

    private static String serialDevice(BuildContext ctx, CharDevice serial, String alias) throws UnsupportedConfigurationException {
        if (ctx.vio().of(serial) != null) {
            OptionString o = new OptionString("spapr-vty").add("chardev", "char" + alias);
            DeviceAddressOption.append(ctx, o, serial);
            return o.toString();
        }
        CharTargetType type = serial.getTarget() == null ? null : serial.getTarget().getType();
        if (type == CharTargetType.USB_SERIAL || type == CharTargetType.PCI_SERIAL) {
            if (type == CharTargetType.USB_SERIAL) UsbDeviceArgs.requireUsb(ctx, "serial " + alias);
            OptionString o = new OptionString(type.xml()).add("chardev", "char" + alias).add("id", alias);
            DeviceAddressOption.append(ctx, o, serial);
            return o.toString();
        }
        if (type != null && type != CharTargetType.SERIAL && type != CharTargetType.ISA_SERIAL) {
            throw new UnsupportedConfigurationException("serial " + alias + ": target type '" + type.xml()
                    + "' is not supported by Vireo for x86 guests; supported: isa-serial, usb-serial, pci-serial");
        }
        return "isa-serial,chardev=char" + alias + ",id=" + alias;
    }

    private static void channel(BuildContext ctx, ArgvWriter out, CharDevice channel, boolean chardevs)
            throws UnsupportedConfigurationException {
        String alias = ctx.alias(channel);
        CharTarget target = channel.getTarget();
        CharTargetType type = target == null || target.getType() == null ? CharTargetType.VIRTIO : target.getType();
        switch (type) {
            case GUESTFWD -> {
                if (!chardevs) {
                    throw new UnsupportedConfigurationException("channel " + alias + ": guestfwd needs -chardev and "
                            + "-device support (capabilities 'chardev' and 'device')");
                }
                out.option("-chardev", CharBackend.of("channel " + alias, channel, null).chardev(ctx, alias, false));
                // QEMU's -netdev user has no 'chardev' property (QEMU 7.2 refuses it); the forward names
                // its chardev inside guestfwd, as libvirt 9 writes it.
                String forward = "tcp:" + target.getAddress() + ":" + target.getPort();
                out.option("-netdev", ctx.modern()
                        ? "user,guestfwd=" + forward + "-chardev:char" + alias + ",id=" + alias
                        : "user,guestfwd=" + forward + ",chardev=char" + alias + ",id=user-" + alias);
            }
            case VIRTIO -> {
                if (!ctx.usesDevice()) {
                    throw new UnsupportedConfigurationException("channel " + alias + ": a virtio channel needs -device "
                            + "support (capability 'device')");
                }
                boolean spicevmcDevice = channel.getType() == CharType.SPICEVMC && ctx.has(Capability.DEVICE_SPICEVMC);
                if (!spicevmcDevice) {
                    CharBackend backend = channel.getType() == CharType.UNIX
                            ? CharBackend.of("channel " + alias, CharType.UNIX, unixSources(ctx, channel, alias), channel.getProtocol(), null)
                            : CharBackend.of("channel " + alias, channel, "vdagent");
                    out.option("-chardev", backend.chardev(ctx, alias, false));
                }
                out.option("-device", virtioSerialPort(ctx, channel, alias, false));
            }
            default -> throw new UnsupportedConfigurationException("channel " + alias + ": target type '" + type.xml()
                    + "' is not supported by QEMU; allowed: virtio, guestfwd");
        }
    }

    /**
     * A unix channel written without a path (as virt-install writes the guest agent's, and libvirt 9
     * stores it) gets one at start, as libvirt does: a socket the daemon listens on beside the
     * monitor's, named after the domain and the channel's target name (or its alias).
     */
    private static List<CharSource> unixSources(BuildContext ctx, CharDevice channel, String alias) {
        List<CharSource> written = channel.getSources();
        if (!written.isEmpty() && written.getFirst().getPath() != null) return written;
        CharSource generated = new CharSource();
        generated.setMode(written.isEmpty() || written.getFirst().getMode() == null ? CharSourceMode.BIND : written.getFirst().getMode());
        String name = channel.getTarget() != null && channel.getTarget().getName() != null ? channel.getTarget().getName() : alias;
        generated.setPath(ctx.options().monitorSocket().resolveSibling(ctx.domain().getName() + "." + name).toString());
        return List.of(generated);
    }

    private static void console(BuildContext ctx, ArgvWriter out, CharDevice console) throws UnsupportedConfigurationException {
        String alias = ctx.alias(console);
        CharTargetType type = console.getTarget() == null || console.getTarget().getType() == null
                ? CharTargetType.SERIAL : console.getTarget().getType();
        switch (type) {
            case SERIAL -> {
                // The guest's first serial port, written with the serials.
            }
            case VIRTIO -> {
                if (!ctx.usesDevice()) {
                    throw new UnsupportedConfigurationException("console " + alias + ": a virtio console needs -device "
                            + "support (capability 'device')");
                }
                out.option("-chardev", CharBackend.of("console " + alias, console, null).chardev(ctx, alias, false));
                out.option("-device", virtioSerialPort(ctx, console, alias, true));
            }
            default -> throw new UnsupportedConfigurationException("console " + alias + ": target type '" + type.xml()
                    + "' is not supported by QEMU; allowed: serial, virtio");
        }
    }

    private static String virtioSerialPort(BuildContext ctx, CharDevice chr, String alias, boolean console)
            throws UnsupportedConfigurationException {
        boolean spicevmcDevice = chr.getType() == CharType.SPICEVMC && ctx.has(Capability.DEVICE_SPICEVMC);
        OptionString o = new OptionString(console ? "virtconsole" : spicevmcDevice ? "spicevmc" : "virtserialport");
        Address a = chr.getAddress();
        if (a != null) {
            if (a.getType() != AddressType.VIRTIO_SERIAL) {
                throw new UnsupportedConfigurationException((console ? "console " : "channel ") + alias
                        + ": a virtio-serial port needs an address of type 'virtio-serial', not '" + a.getType().xml() + "'");
            }
            o.add("bus", "virtio-serial" + DiskNames.orZero(a.getController()) + "." + DiskNames.orZero(a.getBus()));
            o.add("nr", DiskNames.orZero(a.getPortNumber()));
        }
        if (spicevmcDevice) {
            o.add("id", alias);
        } else {
            o.add("chardev", "char" + alias).add("id", alias);
        }
        if (!console && chr.getTarget() != null && chr.getTarget().getName() != null) {
            o.add("name", chr.getTarget().getName());
        }
        return o.toString();
    }
}
