package dev.vireo.command;

/** The ICH9 USB2 controller family: an EHCI master at function 7 and UHCI companions at 0, 1, 2. */
final class Ich9Usb {

    private Ich9Usb() {
    }

    /** The PCI function the model occupies within its shared slot, or null when it is not an ICH9 model. */
    static Integer function(String model) {
        if (model == null) {
            return null;
        }
        return switch (model) {
            case "ich9-ehci1" -> 7;
            case "ich9-uhci1" -> 0;
            case "ich9-uhci2" -> 1;
            case "ich9-uhci3" -> 2;
            default -> null;
        };
    }
}
