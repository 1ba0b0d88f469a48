package dev.vireo.conf.defaults;

import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.AddressType;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.DomainVirtType;
import dev.vireo.conf.model.Filesystem;
import dev.vireo.conf.model.FilesystemAccessMode;
import dev.vireo.conf.model.FilesystemType;
import dev.vireo.conf.model.Hostdev;
import dev.vireo.conf.model.HostdevMode;
import dev.vireo.conf.model.MacAddress;
import dev.vireo.conf.model.Memballoon;
import dev.vireo.conf.model.MemballoonModel;
import dev.vireo.conf.model.NetInterface;
import dev.vireo.conf.model.Redirdev;
import dev.vireo.conf.model.Smartcard;
import dev.vireo.conf.model.WatchdogAction;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Defaults of the remaining devices: controllers, NICs, filesystems, smartcards, hostdevs, watchdog, balloon. */
final class OtherDeviceDefaults {
    private static final SecureRandom RANDOM = new SecureRandom();

    private OtherDeviceDefaults() {
    }

    static void apply(Domain d, boolean live) {
        Devices dev = d.getDevices();
        for (NetInterface n : dev.getInterfaces()) network(n, live);
        for (Filesystem f : dev.getFilesystems()) {
            if (f.getType() == null) f.setType(FilesystemType.MOUNT);
            if (f.getAccessmode() == null) f.setAccessmode(FilesystemAccessMode.PASSTHROUGH);
        }
        smartcards(dev);
        RngTpmDefaults.apply(dev, live);
        for (Hostdev h : dev.getHostdevs()) {
            if (h.getMode() == null) h.setMode(HostdevMode.SUBSYSTEM);
            if (h.getMode() == HostdevMode.SUBSYSTEM && h.getManaged() == null) h.setManaged(false);
        }
        for (Redirdev r : dev.getRedirdevs()) CharDeviceDefaults.normaliseSources(r.getType(), r.getSources(), live);
        if (dev.getWatchdog() != null && dev.getWatchdog().getAction() == null) dev.getWatchdog().setAction(WatchdogAction.RESET);
        if (dev.getMemballoon() == null && (DomainDefaults.isQemu(d) || d.getType() == DomainVirtType.XEN)) {
            Memballoon b = new Memballoon();
            b.setModel(d.getType() == DomainVirtType.XEN ? MemballoonModel.XEN : MemballoonModel.VIRTIO);
            dev.setMemballoon(b);
        }
    }

    private static void network(NetInterface n, boolean live) {
        if (n.getMac() == null) n.setMac(new MacAddress());
        if (n.getMac().getAddress() == null) n.getMac().setAddress(randomMac());
        else n.getMac().setAddress(n.getMac().getAddress().strip().toLowerCase(java.util.Locale.ROOT));
        // tap names vnetN are handed out at start; an inactive definition does not keep one
        if (!live && n.getTarget() != null && n.getTarget().getDev() != null && n.getTarget().getDev().startsWith("vnet")) n.setTarget(null);
    }

    /** A MAC in QEMU's locally administered range 52:54:00, as libvirt generates one. */
    private static String randomMac() {
        byte[] tail = new byte[3];
        RANDOM.nextBytes(tail);
        return "52:54:00:" + HexFormat.ofDelimiter(":").formatHex(tail);
    }

    /** Smartcards without an address take the next slot on CCID controller 0. */
    private static void smartcards(Devices dev) {
        for (Smartcard s : dev.getSmartcards()) {
            if (s.getAddress() != null) continue;
            int max = -1;
            for (Smartcard other : dev.getSmartcards()) {
                Address a = other.getAddress();
                if (a != null && a.getType() == AddressType.CCID && Integer.valueOf(0).equals(a.getController()) && a.getSlot() != null) {
                    max = Math.max(max, a.getSlot());
                }
            }
            s.setAddress(Address.ccid(0, max + 1));
        }
    }
}
