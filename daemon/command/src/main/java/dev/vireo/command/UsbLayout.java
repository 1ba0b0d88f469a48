package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.ControllerType;

/**
 * Whether the guest's USB comes from the old {@code -usb} switch (the board's own controller) or
 * from {@code -device} controllers, and whether it has USB at all.
 */
final class UsbLayout {

    private UsbLayout() {
    }

    /** The guest has no USB: its USB controller has model 'none'. */
    static boolean disabled(BuildContext ctx) {
        for (Controller c : ctx.devices().getControllers()) {
            if (c.getType() == ControllerType.USB && "none".equals(c.getModel())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The board's USB controller is switched on with {@code -usb}: always without {@code -device},
     * and with it for a controller without model when QEMU cannot create {@code piix3-usb-uhci}.
     */
    static boolean legacy(BuildContext ctx) {
        if (disabled(ctx)) {
            return false;
        }
        if (!ctx.usesDevice()) {
            return true;
        }
        boolean anyUsb = false;
        for (Controller c : ctx.devices().getControllers()) {
            if (c.getType() != ControllerType.USB) {
                continue;
            }
            anyUsb = true;
            if (isLegacy(ctx, c)) {
                return true;
            }
        }
        // A domain without any USB controller element gets the board's default one.
        return !anyUsb;
    }

    static boolean isLegacy(BuildContext ctx, Controller c) {
        return (c.getModel() == null || c.getModel().isEmpty()) && !ctx.has(Capability.PIIX3_USB_UHCI);
    }
}
