package dev.vireo.conf.check;

import dev.vireo.conf.SourcePositions;
import dev.vireo.conf.XmlProblem;
import dev.vireo.conf.defaults.DomainDefaults;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.ControllerType;
import dev.vireo.conf.model.Device;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBus;
import dev.vireo.conf.model.DiskDevice;
import dev.vireo.conf.model.DiskSource;
import dev.vireo.conf.model.DiskType;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.Graphics;
import dev.vireo.conf.model.GraphicsType;
import java.util.ArrayList;
import java.util.List;

/**
 * What libvirt 9 refuses at define that libvirt 0.10.2 let through, checked once libvirt 9's defaults
 * have filled the domain in (so only when they apply):
 * <ul>
 * <li>a hard disk or LUN without a source (only a cdrom or floppy drive may be empty);</li>
 * <li>a directory disk in any format but {@code fat}, and a FAT directory that is not read-only;</li>
 * <li>a read-only IDE or SATA hard disk (QEMU's ide-hd cannot be read-only);</li>
 * <li>a device that wants a PCI slot when none is left and no controller can be added for it;</li>
 * <li>a PCI expander bus on a NUMA node the guest does not have;</li>
 * <li>SPICE with a TLS port: Vireo sets up no SPICE TLS certificates (and libvirt refuses it while its
 * qemu.conf leaves spice_tls off, as it does by default).</li>
 * </ul>
 */
public final class Libvirt9Checks {
    private final SourcePositions at;
    private final List<XmlProblem> problems = new ArrayList<>();

    private Libvirt9Checks(SourcePositions at) {
        this.at = at;
    }

    public static List<XmlProblem> check(Domain d, SourcePositions at) {
        Libvirt9Checks c = new Libvirt9Checks(at);
        List<Disk> disks = d.getDevices().getDisks();
        for (int i = 0; i < disks.size(); i++) c.disk(disks.get(i), "/domain/devices/disk[" + (i + 1) + "]");
        for (Controller ctl : d.getDevices().getControllers()) c.expanderNode(d, ctl);
        for (Graphics g : d.getDevices().getGraphics()) {
            if (g.getType() == GraphicsType.SPICE && g.getTlsPort() != null && g.getTlsPort() > 0) {
                c.add(g, "/domain/devices/graphics", "<graphics type='spice' tlsPort='" + g.getTlsPort() + "'>: SPICE TLS is not "
                        + "supported by Vireo (it sets up no SPICE server certificates); remove tlsPort");
            }
        }
        for (Device dev : DomainDefaults.pciDevicesWithoutSlot(d)) {
            c.add(dev, "/domain/devices", "no PCI slot is left for " + describe(dev) + ": every slot it could use is taken and no "
                    + "controller can be added for it (every slot of the root bus is taken); free one or give it an <address>");
        }
        return c.problems;
    }

    private void disk(Disk disk, String path) {
        String name = "disk '" + disk.getTarget().getDev() + "'";
        boolean removable = disk.getDevice() == DiskDevice.CDROM || disk.getDevice() == DiskDevice.FLOPPY;
        if (!removable && !hasSource(disk.getSource())) {
            add(disk, path, name + " has no <source>: only a cdrom or floppy drive may be empty; name its file, device or network source");
        }
        String format = disk.getDriver() == null ? null : disk.getDriver().getType();
        if (disk.getType() == DiskType.DIR && !"fat".equals(format)) {
            add(disk, path, name + ": a directory (<disk type='dir'>) is only shown to the guest as a FAT disk, which needs "
                    + "<driver type='fat'/>" + (format == null ? "" : ", not '" + format + "'"));
        }
        if ("fat".equals(format) && !disk.isReadonly()) {
            add(disk, path, name + ": a FAT directory disk (<driver type='fat'/>) can only be read-only; add <readonly/>");
        }
        DiskBus bus = disk.getTarget().getBus();
        if (disk.getDevice() == DiskDevice.DISK && disk.isReadonly() && (bus == DiskBus.IDE || bus == DiskBus.SATA)) {
            add(disk, path, name + ": a read-only " + bus.xml().toUpperCase(java.util.Locale.ROOT) + " hard disk is not supported "
                    + "(QEMU's IDE/SATA disks are always writable); use a cdrom, or another bus such as virtio or scsi");
        }
    }

    private static boolean hasSource(DiskSource s) {
        return s != null && (s.getFile() != null || s.getDev() != null || s.getDir() != null || s.getProtocol() != null);
    }

    private void expanderNode(Domain d, Controller c) {
        if (c.getType() != ControllerType.PCI || c.getTarget() == null || c.getTarget().getNode() == null) return;
        int cells = d.getCpu() == null || d.getCpu().getNuma() == null ? 0 : d.getCpu().getNuma().getCells().size();
        int node = c.getTarget().getNode();
        if (node >= cells) {
            add(c.getTarget(), "/domain/devices/controller/target/node", "controller " + c.getModel() + " " + c.getIndex()
                    + " is on NUMA node " + node + ", but the guest has " + (cells == 0 ? "no NUMA nodes (<cpu><numa>)"
                    : cells + " NUMA node" + (cells == 1 ? "" : "s") + " (0-" + (cells - 1) + ")"));
        }
    }

    private static String describe(Device device) {
        if (device instanceof Disk d) return "disk '" + d.getTarget().getDev() + "'";
        if (device instanceof Controller c) return "controller " + c.getType().xml() + " " + c.getIndex();
        return "the " + device.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private void add(Object subject, String path, String message) {
        problems.add(at.problem(subject, path, message));
    }
}
