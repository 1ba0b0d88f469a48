package dev.vireo.conf.defaults;

import dev.vireo.conf.DiskNames;
import dev.vireo.conf.model.CharDevice;
import dev.vireo.conf.model.CharSource;
import dev.vireo.conf.model.CharSourceMode;
import dev.vireo.conf.model.CharTarget;
import dev.vireo.conf.model.CharTargetType;
import dev.vireo.conf.model.CharType;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.Graphics;
import dev.vireo.conf.model.GraphicsListen;
import dev.vireo.conf.model.GraphicsType;
import dev.vireo.conf.model.ListenType;
import dev.vireo.conf.model.NamedModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Device details libvirt 9 fills in (or leaves out) where libvirt 0.10.2 did not, when libvirt 9's
 * defaults apply (see {@link DomainDefaults}):
 * <ul>
 * <li>disks are kept grouped by bus: a disk goes after the last disk of its bus written before it,
 * before one of its bus with a later name;</li>
 * <li>an x86 serial port without a target type is an {@code isa-serial}; serial targets name their
 * QEMU device ({@code <model name>}, the target type's own name);</li>
 * <li>a guest whose first console is not the serial one still gets the serial console first, as a
 * mirror of serial port 0, when that is an ISA serial port;</li>
 * <li>a unix channel without a path stores no {@code <source>} (the path is made at start), nor one
 * whose bound path is in libvirt's own channel directory;</li>
 * <li>a VNC display without a listen gets {@code <listen type='address'/>}, so does a SPICE one with a
 * port (or autoport); a SPICE display with neither listens nowhere: {@code <listen type='none'/>}.</li>
 * </ul>
 */
final class Libvirt9DeviceDefaults {
    /** Where libvirt makes channel sockets; a bound path in it is one libvirt makes again, so it is not kept. */
    private static final String LIBVIRT_CHANNEL_DIR = "/var/lib/libvirt/qemu/channel/target/";

    private Libvirt9DeviceDefaults() {
    }

    static void apply(Domain d) {
        Devices dev = d.getDevices();
        groupDisksByBus(dev.getDisks());
        if (PciAddressAssigner.machineIsQ35(machine(d)) != null) {
            for (CharDevice s : dev.getSerials()) serialTarget(s);
        }
        serialConsoleFirst(d);
        for (CharDevice c : dev.getChannels()) channelSource(c);
        for (Graphics g : dev.getGraphics()) listen(g);
    }

    private static String machine(Domain d) {
        return d.getOs() == null || d.getOs().getType() == null ? null : d.getOs().getType().getMachine();
    }

    static void groupDisksByBus(List<Disk> disks) {
        List<Disk> written = new ArrayList<>(disks);
        disks.clear();
        for (Disk disk : written) {
            int insertAt = -1;
            int index = nameIndex(disk);
            for (int i = disks.size() - 1; i >= 0; i--) {
                Disk other = disks.get(i);
                if (other.getTarget() == null || disk.getTarget() == null || other.getTarget().getBus() != disk.getTarget().getBus()) continue;
                if (nameIndex(other) > index) insertAt = i;
                else if (insertAt == -1) insertAt = i + 1;
            }
            disks.add(insertAt < 0 ? disks.size() : insertAt, disk);
        }
    }

    private static int nameIndex(Disk d) {
        if (d.getTarget() == null || d.getTarget().getDev() == null) return -1;
        try {
            return DiskNames.index(d.getTarget().getDev());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static void serialTarget(CharDevice s) {
        if (s.getTarget() == null) s.setTarget(new CharTarget());
        CharTarget t = s.getTarget();
        if (t.getType() == null) t.setType(CharTargetType.ISA_SERIAL);
        if (t.getModel() == null) {
            switch (t.getType()) {
                case ISA_SERIAL, PCI_SERIAL, USB_SERIAL -> t.setModel(new NamedModel(t.getType().xml()));
                default -> { }
            }
        }
    }

    private static void serialConsoleFirst(Domain d) {
        Devices dev = d.getDevices();
        if (!DomainDefaults.isHvm(d) || dev.getSerials().isEmpty() || dev.getConsoles().isEmpty()) return;
        CharDevice first = dev.getConsoles().getFirst();
        if (first.getTarget() != null && first.getTarget().getType() == CharTargetType.SERIAL) return;
        CharTarget serial = dev.getSerials().getFirst().getTarget();
        // only an ISA serial port is the serial console a PC's firmware and kernel use
        if (serial == null || serial.getType() != CharTargetType.ISA_SERIAL) return;
        CharDevice mirror = CharDeviceDefaults.copy(dev.getSerials().getFirst());
        mirror.getTarget().setType(CharTargetType.SERIAL);
        mirror.getTarget().setModel(null);
        dev.getConsoles().addFirst(mirror);
    }

    private static void channelSource(CharDevice c) {
        if (c.getType() != CharType.UNIX || c.getSources().isEmpty()) return;
        CharSource s = c.getSources().getFirst();
        boolean libvirtMade = s.getMode() == CharSourceMode.BIND && s.getPath() != null && s.getPath().startsWith(LIBVIRT_CHANNEL_DIR);
        if (s.getPath() == null || libvirtMade) c.getSources().clear();
    }

    private static void listen(Graphics g) {
        if (g.getType() != GraphicsType.VNC && g.getType() != GraphicsType.SPICE) return;
        if (!g.getListens().isEmpty() || g.getSocket() != null) return;
        boolean spiceWithoutPorts = g.getType() == GraphicsType.SPICE && !Boolean.TRUE.equals(g.getAutoport())
                && g.getPort() == null && g.getTlsPort() == null;
        GraphicsListen l = new GraphicsListen();
        l.setType(spiceWithoutPorts ? ListenType.NONE : ListenType.ADDRESS);
        g.getListens().add(l);
    }
}
