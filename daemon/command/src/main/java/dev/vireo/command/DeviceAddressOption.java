package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.AddressType;
import dev.vireo.conf.model.Device;

/** Appends where a {@code -device} sits: {@code bus=pci.0,addr=0x4}, {@code bus=usb.0,port=2}, {@code reg=0x2000}. */
final class DeviceAddressOption {

    private DeviceAddressOption() {
    }

    static void append(BuildContext ctx, OptionString option, Device device) throws UnsupportedConfigurationException {
        PciAddress pci = ctx.pci().of(device);
        if (pci != null) {
            pci(ctx, option, pci);
            return;
        }
        Long reg = ctx.vio().of(device);
        if (reg != null) {
            option.add("reg", "0x" + Long.toHexString(reg));
            return;
        }
        Address address = device.getAddress();
        if (address != null && address.getType() == AddressType.USB) {
            option.add("bus", UsbBus.id(DiskNames.orZero(address.getBus())) + ".0");
            option.add("port", address.getPort());
        }
    }

    private static void pci(BuildContext ctx, OptionString option, PciAddress pci) throws UnsupportedConfigurationException {
        if (pci.function() != 0 && !ctx.has(Capability.PCI_MULTIFUNCTION)) {
            throw new UnsupportedConfigurationException("PCI address " + pci + ": functions other than 0 need "
                    + "multifunction support, which this QEMU binary lacks (capability 'pci-multifunction')");
        }
        option.add("bus", ctx.pciBusName(pci.bus()));
        if (pci.multifunction() != null) {
            if (!ctx.has(Capability.PCI_MULTIFUNCTION)) {
                throw new UnsupportedConfigurationException("PCI address " + pci + ": multifunction='"
                        + (pci.multifunction() ? "on" : "off") + "' is not supported by this QEMU binary "
                        + "(capability 'pci-multifunction')");
            }
            option.add("multifunction", pci.multifunction() ? "on" : "off");
        }
        option.add("addr", pci.qemuAddr());
    }
}
