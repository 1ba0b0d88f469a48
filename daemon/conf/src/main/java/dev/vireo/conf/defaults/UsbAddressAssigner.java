package dev.vireo.conf.defaults;

import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.AddressType;
import dev.vireo.conf.model.CharDevice;
import dev.vireo.conf.model.CharTargetType;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.ControllerType;
import dev.vireo.conf.model.Device;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBus;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.Hostdev;
import dev.vireo.conf.model.HostdevType;
import dev.vireo.conf.model.Hub;
import dev.vireo.conf.model.Input;
import dev.vireo.conf.model.InputBus;
import dev.vireo.conf.model.Redirdev;
import dev.vireo.conf.model.Sound;
import dev.vireo.conf.model.SoundModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives USB devices without an address a port of USB bus 0, as libvirt 9 stores them: hubs first,
 * then disks, inputs, USB serial ports, sound cards, host devices and redirected devices, each the
 * first free port of the root hub (numbered from 1), then of the hubs (port {@code H.N}). The root hub
 * has as many ports as the controller gives: {@code ports} when written, else 4 for the xHCI models,
 * 2 for UHCI, 6 for EHCI (with its companions), 3 for OHCI; a hub has 8.
 */
final class UsbAddressAssigner {
    private static final int HUB_PORTS = 8;

    private UsbAddressAssigner() {
    }

    static void apply(Domain d) {
        Devices dev = d.getDevices();
        int rootPorts = rootPorts(dev.getControllers());
        if (rootPorts <= 0) return;
        Set<String> taken = new HashSet<>();
        for (Device device : dev.all()) {
            Address a = device.getAddress();
            if (a != null && a.getType() == AddressType.USB && a.getPort() != null && (a.getBus() == null || a.getBus() == 0)) taken.add(a.getPort());
        }
        List<String> hubPorts = new ArrayList<>();
        for (Hub h : dev.getHubs()) {
            String port = assign(h, taken, rootPorts, hubPorts);
            if (port != null && !port.contains(".")) hubPorts.add(port);
        }
        for (Hub h : dev.getHubs()) {
            Address a = h.getAddress();
            if (a != null && a.getType() == AddressType.USB && a.getPort() != null && !hubPorts.contains(a.getPort())) hubPorts.add(a.getPort());
        }
        List<Device> order = new ArrayList<>();
        for (Disk disk : dev.getDisks()) {
            if (disk.getTarget() != null && disk.getTarget().getBus() == DiskBus.USB) order.add(disk);
        }
        for (Input i : dev.getInputs()) {
            if (i.getBus() == InputBus.USB) order.add(i);
        }
        for (CharDevice s : dev.getSerials()) {
            if (s.getTarget() != null && s.getTarget().getType() == CharTargetType.USB_SERIAL) order.add(s);
        }
        for (Sound s : dev.getSounds()) {
            if (s.getModel() == SoundModel.USB) order.add(s);
        }
        for (Hostdev h : dev.getHostdevs()) {
            if (h.getType() == HostdevType.USB) order.add(h);
        }
        order.addAll(dev.getRedirdevs());
        for (Device device : order) assign(device, taken, rootPorts, hubPorts);
    }

    /** The port given to {@code device} (null when it had an address or none was free). */
    private static String assign(Device device, Set<String> taken, int rootPorts, List<String> hubPorts) {
        if (device.getAddress() != null) return null;
        String port = free(taken, rootPorts, hubPorts);
        if (port == null) return null;
        taken.add(port);
        device.setAddress(Address.usb(0, port));
        return port;
    }

    private static String free(Set<String> taken, int rootPorts, List<String> hubPorts) {
        for (int p = 1; p <= rootPorts; p++) {
            if (!taken.contains(Integer.toString(p))) return Integer.toString(p);
        }
        for (String hub : hubPorts) {
            for (int p = 1; p <= HUB_PORTS; p++) {
                if (!taken.contains(hub + "." + p)) return hub + "." + p;
            }
        }
        return null;
    }

    /** The root hub's ports of USB controller 0; 0 when the guest has no USB (or a model this does not know). */
    private static int rootPorts(List<Controller> controllers) {
        for (Controller c : controllers) {
            if (c.getType() != ControllerType.USB || (c.getIndex() != null && c.getIndex() != 0) || c.getModel() == null) continue;
            if (c.getPorts() != null) return c.getPorts();
            String m = c.getModel();
            if (m.equals("qemu-xhci") || m.equals("nec-xhci")) return 4;
            if (m.equals("piix3-uhci") || m.equals("piix4-uhci") || m.equals("vt82c686b-uhci")) return 2;
            if (m.equals("ehci") || m.startsWith("ich9-")) return 6;
            if (m.equals("pci-ohci")) return 3;
            return 0;
        }
        return 0;
    }
}
