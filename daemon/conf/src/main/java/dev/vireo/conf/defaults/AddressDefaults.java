package dev.vireo.conf.defaults;

import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.Device;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.HostAddress;
import dev.vireo.conf.model.Hostdev;
import dev.vireo.conf.model.HostdevType;

/** Prints every address the way libvirt does (PCI numbers in fixed-width hex, others in decimal). */
final class AddressDefaults {

    private AddressDefaults() {
    }

    static void normaliseAll(Domain d) {
        for (Device device : d.getDevices().all()) {
            Address a = device.getAddress();
            if (a != null) a.normalise();
        }
        for (var n : d.getDevices().getInterfaces()) {
            if (n.getSource() != null && n.getSource().getPciAddress() != null) n.getSource().getPciAddress().normalise();
        }
        for (Hostdev h : d.getDevices().getHostdevs()) {
            if (h.getSource() == null || h.getSource().getAddress() == null) continue;
            HostAddress a = h.getSource().getAddress();
            if (h.getType() == HostdevType.PCI) a.normalisePci();
            else a.normaliseUsb();
        }
    }

}
