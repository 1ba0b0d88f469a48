package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Redirdev;
import dev.vireo.conf.model.RedirdevBus;

/** USB redirection: a chardev carrying the USB traffic and a {@code usb-redir} device on the guest's bus. */
final class RedirdevArgs {

    private RedirdevArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        String filter = ctx.devices().getRedirdevs().isEmpty() ? null : UsbRedirFilter.of(ctx);
        for (Redirdev redirdev : ctx.devices().getRedirdevs()) {
            String alias = ctx.alias(redirdev);
            if (redirdev.getBus() != null && redirdev.getBus() != RedirdevBus.USB) {
                throw new UnsupportedConfigurationException("redirdev " + alias + ": only bus 'usb' is supported");
            }
            if (!ctx.has(Capability.CHARDEV) || !ctx.usesDevice()) {
                throw new UnsupportedConfigurationException("redirdev " + alias + ": redirected devices are not supported "
                        + "by this QEMU binary (capabilities 'chardev' and 'device')");
            }
            if (!ctx.has(Capability.USB_REDIR)) {
                throw new UnsupportedConfigurationException("redirdev " + alias + ": USB redirection is not supported by "
                        + "this QEMU binary (capability 'usb-redir')");
            }
            UsbDeviceArgs.requireUsb(ctx, "redirdev " + alias);
            CharBackend backend = CharBackend.of("redirdev " + alias, redirdev.getType(), redirdev.getSources(),
                    redirdev.getProtocol(), "usbredir");
            out.option("-chardev", backend.chardev(ctx, alias, false));
            OptionString o = new OptionString("usb-redir").add("chardev", "char" + alias).add("id", alias);
            if (filter != null) {
                o.add("filter", filter);
            }
            DeviceAddressOption.append(ctx, o, redirdev);
            if (redirdev.getBoot() != null && redirdev.getBoot().getOrder() != null) {
                if (!ctx.has(Capability.USB_REDIR_BOOTINDEX)) {
                    throw new UnsupportedConfigurationException("redirdev " + alias + ": booting from a redirected "
                            + "device is not supported by this QEMU binary (capability 'usb-redir.bootindex')");
                }
                o.add("bootindex", redirdev.getBoot().getOrder());
            }
            out.option("-device", o.toString());
        }
    }
}
