package dev.vireo.command;

import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.AddressType;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.HostAddress;
import dev.vireo.conf.model.Hostdev;
import dev.vireo.conf.model.HostdevMode;
import dev.vireo.conf.model.HostdevSource;
import dev.vireo.conf.model.HostdevType;
import dev.vireo.conf.model.InterfaceType;
import dev.vireo.conf.model.NetInterface;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code <interface type='hostdev'>} is a host device given to the guest as a network card: on
 * the command line it is a plain host device ({@code -device pci-assign,host=...}), named, placed
 * and ordered with the {@code <hostdev>} elements, ahead of them, as libvirt lists it. The card's
 * MAC address and virtual port are set on the host function by the daemon, not by QEMU.
 */
final class InterfaceHostdevs {

    private InterfaceHostdevs() {
    }

    static boolean isHostdev(NetInterface net) {
        return net.getType() == InterfaceType.HOSTDEV;
    }

    /** The host devices the guest gets: first those behind hostdev interfaces, then the {@code <hostdev>}s. */
    static List<Hostdev> all(Devices devices) throws UnsupportedConfigurationException {
        List<Hostdev> all = new ArrayList<>();
        for (NetInterface net : devices.getInterfaces()) {
            if (isHostdev(net)) {
                all.add(asHostdev(net));
            }
        }
        all.addAll(devices.getHostdevs());
        return List.copyOf(all);
    }

    private static Hostdev asHostdev(NetInterface net) throws UnsupportedConfigurationException {
        Address source = net.getSource() == null ? null : net.getSource().getPciAddress();
        if (source == null || source.getType() != AddressType.PCI || source.getSlot() == null) {
            throw new UnsupportedConfigurationException("an interface of type 'hostdev' needs <source><address "
                    + "type='pci' domain='...' bus='...' slot='...' function='...'/></source>; only PCI functions "
                    + "can be given to the guest as network cards here");
        }
        HostAddress host = new HostAddress();
        host.setDomain(String.valueOf(DiskNames.orZero(source.getDomain())));
        host.setBus(String.valueOf(DiskNames.orZero(source.getBus())));
        host.setSlot(String.valueOf(source.getSlot()));
        host.setFunction(String.valueOf(DiskNames.orZero(source.getFunction())));
        HostdevSource hostdevSource = new HostdevSource();
        hostdevSource.setAddress(host);
        Hostdev hostdev = new Hostdev();
        hostdev.setMode(HostdevMode.SUBSYSTEM);
        hostdev.setType(HostdevType.PCI);
        hostdev.setManaged(net.getManaged());
        hostdev.setSource(hostdevSource);
        hostdev.setAddress(net.getAddress());
        hostdev.setBoot(net.getBoot());
        hostdev.setRom(net.getRom());
        return hostdev;
    }
}
