package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.HostAddress;
import dev.vireo.conf.model.Hostdev;
import dev.vireo.conf.model.HostdevMode;

/** Host devices given to the guest: USB devices ({@code usb-host}) and PCI functions ({@code pci-assign}). */
final class HostdevArgs {

    private HostdevArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        for (Hostdev hostdev : ctx.hostdevs()) {
            String alias = ctx.alias(hostdev);
            if (hostdev.getMode() == HostdevMode.CAPABILITIES) {
                throw new UnsupportedConfigurationException("hostdev " + alias + ": mode 'capabilities' is not supported "
                        + "by QEMU; allowed: subsystem");
            }
            HostAddress source = hostdev.getSource() == null ? null : hostdev.getSource().getAddress();
            Integer bootindex = hostdev.getBoot() == null ? null : hostdev.getBoot().getOrder();
            switch (hostdev.getType()) {
                case USB -> usb(ctx, out, hostdev, alias, source, bootindex);
                case PCI -> pci(ctx, out, hostdev, alias, source, bootindex);
                case SCSI -> throw new UnsupportedConfigurationException("hostdev " + alias + ": SCSI host devices are "
                        + "not supported by QEMU of this era; allowed: usb, pci");
            }
        }
    }

    private static void usb(BuildContext ctx, ArgvWriter out, Hostdev hostdev, String alias, HostAddress source,
                            Integer bootindex) throws UnsupportedConfigurationException {
        if (source == null || source.getBus() == null || source.getDevice() == null) {
            throw new UnsupportedConfigurationException("hostdev " + alias + ": a USB host device needs <source><address "
                    + "bus='...' device='...'/></source> (vendor/product lookup is done by the daemon)");
        }
        UsbDeviceArgs.requireUsb(ctx, "hostdev " + alias);
        int bus = number(source.getBus(), alias);
        int device = number(source.getDevice(), alias);
        if (!ctx.usesDevice()) {
            if (bootindex != null) {
                throw bootUnsupported(alias, "usb-host.bootindex");
            }
            out.option("-usbdevice", "host:" + bus + "." + device);
            return;
        }
        OptionString o = new OptionString("usb-host").add("hostbus", bus).add("hostaddr", device).add("id", alias);
        DeviceAddressOption.append(ctx, o, hostdev);
        if (bootindex != null) {
            if (!ctx.has(Capability.USB_HOST_BOOTINDEX)) {
                throw bootUnsupported(alias, "usb-host.bootindex");
            }
            o.add("bootindex", bootindex);
        }
        out.option("-device", o.toString());
    }

    private static void pci(BuildContext ctx, ArgvWriter out, Hostdev hostdev, String alias, HostAddress source,
                            Integer bootindex) throws UnsupportedConfigurationException {
        if (source == null || source.getBus() == null || source.getSlot() == null || source.getFunction() == null) {
            throw new UnsupportedConfigurationException("hostdev " + alias + ": a PCI host device needs <source><address "
                    + "domain='...' bus='...' slot='...' function='...'/></source>");
        }
        // The PCI domain is written only when it is not 0, as QEMU's older syntax has none.
        int domain = source.getDomain() == null ? 0 : number(source.getDomain(), alias);
        String host = (domain == 0 ? "" : String.format("%04x:", domain))
                + String.format("%02x:%02x.%x", number(source.getBus(), alias), number(source.getSlot(), alias),
                number(source.getFunction(), alias));
        if (ctx.usesDevice()) {
            // QEMU 2.12 removed the old KVM device assignment; VFIO took its place.
            String model = ctx.qemuAtLeast(2_012_000) ? "vfio-pci" : "pci-assign";
            OptionString o = new OptionString(model).add("host", host).add("id", alias);
            if (bootindex != null) {
                if (!ctx.has(Capability.PCI_BOOTINDEX)) {
                    throw bootUnsupported(alias, "pci-bootindex");
                }
                o.add("bootindex", bootindex);
            }
            DeviceAddressOption.append(ctx, o, hostdev);
            if (hostdev.getRom() != null) {
                RomOption.append(ctx, o, hostdev.getRom(), "hostdev " + alias);
            }
            out.option("-device", o.toString());
        } else if (ctx.has(Capability.PCI_DEVICE)) {
            if (bootindex != null) {
                throw bootUnsupported(alias, "pci-bootindex");
            }
            out.option("-pcidevice", "host=" + host);
        } else {
            throw new UnsupportedConfigurationException("hostdev " + alias + ": PCI device assignment is not supported by "
                    + "this QEMU binary (capabilities 'device' or 'pci-device')");
        }
    }

    private static UnsupportedConfigurationException bootUnsupported(String alias, String capability) {
        return new UnsupportedConfigurationException("hostdev " + alias + ": booting from an assigned device is not "
                + "supported by this QEMU binary (capability '" + capability + "')");
    }

    /** Host addresses are written in decimal or with a 0x prefix. */
    private static int number(String value, String alias) throws UnsupportedConfigurationException {
        try {
            return Integer.decode(value.strip());
        } catch (NumberFormatException e) {
            throw new UnsupportedConfigurationException("hostdev " + alias + ": '" + value + "' is not a number");
        }
    }
}
