package dev.vireo.command;

/** How QEMU names the bus of USB controller N: {@code usb} for the first, {@code usb1}, {@code usb2}, ... after. */
final class UsbBus {

    private UsbBus() {
    }

    static String id(int controllerIndex) {
        return controllerIndex == 0 ? "usb" : "usb" + controllerIndex;
    }
}
