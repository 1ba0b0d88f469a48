package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Hub;
import dev.vireo.conf.model.HubType;
import dev.vireo.conf.model.Input;
import dev.vireo.conf.model.InputBus;
import dev.vireo.conf.model.InputType;

/** The board's USB controller switch ({@code -usb}), USB hubs, and USB input devices. */
final class UsbDeviceArgs {

    private UsbDeviceArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        if (UsbLayout.legacy(ctx)) {
            out.add("-usb");
        }
        for (Hub hub : ctx.devices().getHubs()) {
            String alias = ctx.alias(hub);
            if (hub.getType() != null && hub.getType() != HubType.USB) {
                throw new UnsupportedConfigurationException("hub " + alias + ": only type 'usb' is supported");
            }
            if (!ctx.usesDevice() || !ctx.has(Capability.USB_HUB)) {
                throw new UnsupportedConfigurationException("hub " + alias + ": usb-hub is not supported by this QEMU "
                        + "binary (capabilities 'device' and 'usb-hub')");
            }
            requireUsb(ctx, "hub " + alias);
            OptionString o = new OptionString("usb-hub").add("id", alias);
            DeviceAddressOption.append(ctx, o, hub);
            out.option("-device", o.toString());
        }
        for (Input input : ctx.devices().getInputs()) {
            if (input.getBus() == InputBus.VIRTIO) {
                OptionString o = new OptionString("virtio-" + (input.getType() == InputType.KEYBOARD ? "keyboard"
                        : input.getType() == InputType.TABLET ? "tablet" : "mouse") + "-pci").add("id", ctx.alias(input));
                DeviceAddressOption.append(ctx, o, input);
                out.option("-device", o.toString());
                continue;
            }
            if (input.getBus() != InputBus.USB) {
                // PS/2 and Xen inputs come with the board.
                continue;
            }
            String alias = ctx.alias(input);
            requireUsb(ctx, "input " + alias);
            String kind = switch (input.getType()) {
                case TABLET -> "tablet";
                case KEYBOARD -> "kbd";
                case MOUSE -> "mouse";
            };
            if (ctx.usesDevice()) {
                OptionString o = new OptionString("usb-" + kind).add("id", alias);
                DeviceAddressOption.append(ctx, o, input);
                out.option("-device", o.toString());
            } else {
                out.option("-usbdevice", input.getType() == InputType.KEYBOARD ? "keyboard" : kind);
            }
        }
    }

    static void requireUsb(BuildContext ctx, String owner) throws UnsupportedConfigurationException {
        if (UsbLayout.disabled(ctx)) {
            throw new UnsupportedConfigurationException(owner + " is a USB device, but the USB controller has "
                    + "model 'none'");
        }
    }
}
