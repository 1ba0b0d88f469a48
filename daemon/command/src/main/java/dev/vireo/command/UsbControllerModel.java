package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Controller;

/** USB controller models: the XML spelling, QEMU's device name and the capability that says it exists. */
enum UsbControllerModel {
    PIIX3_UHCI("piix3-uhci", "piix3-usb-uhci", Capability.PIIX3_USB_UHCI),
    PIIX4_UHCI("piix4-uhci", "piix4-usb-uhci", Capability.PIIX4_USB_UHCI),
    EHCI("ehci", "usb-ehci", Capability.USB_EHCI),
    ICH9_EHCI1("ich9-ehci1", "ich9-usb-ehci1", Capability.ICH9_USB_EHCI1),
    ICH9_UHCI1("ich9-uhci1", "ich9-usb-uhci1", Capability.ICH9_USB_EHCI1),
    ICH9_UHCI2("ich9-uhci2", "ich9-usb-uhci2", Capability.ICH9_USB_EHCI1),
    ICH9_UHCI3("ich9-uhci3", "ich9-usb-uhci3", Capability.ICH9_USB_EHCI1),
    VT82C686B_UHCI("vt82c686b-uhci", "vt82c686b-usb-uhci", Capability.VT82C686B_USB_UHCI),
    PCI_OHCI("pci-ohci", "pci-ohci", Capability.PCI_OHCI),
    NEC_XHCI("nec-xhci", "nec-usb-xhci", Capability.NEC_USB_XHCI),
    QEMU_XHCI("qemu-xhci", "qemu-xhci", Capability.QEMU_XHCI);

    private final String xml;
    private final String qemuDevice;
    private final Capability capability;

    UsbControllerModel(String xml, String qemuDevice, Capability capability) {
        this.xml = xml;
        this.qemuDevice = qemuDevice;
        this.capability = capability;
    }

    String qemuDevice() {
        return qemuDevice;
    }

    Capability capability() {
        return capability;
    }

    /** An XHCI controller: its {@code ports} count is given as the USB 2 and USB 3 port counts {@code p2}, {@code p3}. */
    boolean isXhci() {
        return this == NEC_XHCI || this == QEMU_XHCI;
    }

    /** The controller's model; one without a model is the board's own (PIIX3 on PCs, OHCI on pSeries). */
    static UsbControllerModel of(BuildContext ctx, Controller controller) throws UnsupportedConfigurationException {
        String model = controller.getModel();
        if (model == null || model.isEmpty()) {
            return ctx.isPseries() ? PCI_OHCI : PIIX3_UHCI;
        }
        for (UsbControllerModel m : values()) {
            if (m.xml.equals(model)) {
                return m;
            }
        }
        throw new UnsupportedConfigurationException("USB controller " + DiskNames.orZero(controller.getIndex())
                + ": model '" + model + "' is unknown; allowed: piix3-uhci, piix4-uhci, ehci, ich9-ehci1, ich9-uhci1, "
                + "ich9-uhci2, ich9-uhci3, vt82c686b-uhci, pci-ohci, nec-xhci, qemu-xhci, none");
    }
}
