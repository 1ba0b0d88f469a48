package dev.vireo.conf.defaults;

import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.Device;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.HostAddress;
import dev.vireo.conf.model.Hostdev;
import dev.vireo.conf.model.HostdevType;
import java.util.ArrayList;
import java.util.List;

/** Prints every address the way libvirt does (PCI numbers in fixed-width hex, others in decimal). */
final class AddressDefaults {

    private AddressDefaults() {
    }

    static void normaliseAll(Domain d) {
        for (Device device : allDevices(d.getDevices())) {
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

    /** Every device that can carry an {@code <address>}. */
    static List<Device> allDevices(Devices dev) {
        List<Device> all = new ArrayList<>();
        all.addAll(dev.getDisks());
        all.addAll(dev.getControllers());
        all.addAll(dev.getFilesystems());
        all.addAll(dev.getInterfaces());
        all.addAll(dev.getSmartcards());
        all.addAll(dev.getSerials());
        all.addAll(dev.getParallels());
        all.addAll(dev.getConsoles());
        all.addAll(dev.getChannels());
        all.addAll(dev.getInputs());
        all.addAll(dev.getSounds());
        all.addAll(dev.getVideos());
        all.addAll(dev.getHostdevs());
        all.addAll(dev.getRedirdevs());
        all.addAll(dev.getHubs());
        if (dev.getWatchdog() != null) all.add(dev.getWatchdog());
        if (dev.getMemballoon() != null) all.add(dev.getMemballoon());
        return all;
    }
}
