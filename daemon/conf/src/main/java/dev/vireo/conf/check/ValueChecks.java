package dev.vireo.conf.check;

import dev.vireo.conf.CpuSet;
import dev.vireo.conf.MemoryUnits;
import dev.vireo.conf.SourcePositions;
import dev.vireo.conf.XmlProblem;
import dev.vireo.conf.defaults.Uuids;
import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.CpuPlacement;
import dev.vireo.conf.model.Device;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBus;
import dev.vireo.conf.model.DiskDevice;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.Graphics;
import dev.vireo.conf.model.GraphicsListen;
import dev.vireo.conf.model.Hostdev;
import dev.vireo.conf.model.ListenType;
import dev.vireo.conf.model.MemoryAmount;
import dev.vireo.conf.model.SecLabel;
import dev.vireo.conf.model.SecLabelType;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks of single values that the schema cannot express or that defaults rely on: the UUID, memory
 * units, CPU lists, numbers in addresses, the disk bus against the device, label rules. They run before
 * the defaults so that those only ever see sound values.
 */
public final class ValueChecks {
    private final SourcePositions at;
    private final List<XmlProblem> problems = new ArrayList<>();

    private ValueChecks(SourcePositions at) {
        this.at = at;
    }

    public static List<XmlProblem> check(Domain d, SourcePositions at) {
        ValueChecks c = new ValueChecks(at);
        c.domain(d);
        return c.problems;
    }

    private void domain(Domain d) {
        if (d.getType() == null) add(d, "/domain", "attribute 'type' is missing; allowed: qemu, kvm, ...");
        if (d.getName() == null || d.getName().isBlank()) add(d, "/domain/name", "element <name> is missing or empty");
        if (d.getUuid() != null && Uuids.digits(d.getUuid()) == null) {
            add(d, "/domain/uuid", "<uuid> '" + d.getUuid().strip() + "' is not a UUID; expected 32 hex digits such as c7a5fdbd-edaf-9455-926a-d65c16db1809");
        }
        if (d.getMemory() == null) add(d, "/domain/memory", "element <memory> is missing");
        memory(d.getMemory(), "/domain/memory");
        memory(d.getCurrentMemory(), "/domain/currentMemory");
        if (d.getMemtune() != null) {
            memory(d.getMemtune().getHardLimit(), "/domain/memtune/hard_limit");
            memory(d.getMemtune().getSoftLimit(), "/domain/memtune/soft_limit");
            memory(d.getMemtune().getMinGuarantee(), "/domain/memtune/min_guarantee");
            memory(d.getMemtune().getSwapHardLimit(), "/domain/memtune/swap_hard_limit");
        }
        if (d.getVcpu() != null) {
            var v = d.getVcpu();
            if (v.getCount() != null && v.getCount() < 1) add(v, "/domain/vcpu", "<vcpu> must be at least 1, not " + v.getCount());
            if (v.getCurrent() != null && v.getCount() != null && v.getCurrent() > v.getCount()) {
                add(v, "/domain/vcpu", "current vCPUs (" + v.getCurrent() + ") exceed the maximum (" + v.getCount() + ")");
            }
            if (v.getCurrent() != null && v.getCurrent() < 1) add(v, "/domain/vcpu", "attribute 'current' must be at least 1, not " + v.getCurrent());
            cpuList(v, "/domain/vcpu", "cpuset", v.getCpuset());
        }
        if (d.getCputune() != null) {
            d.getCputune().getVcpupins().forEach(p -> cpuList(p, "/domain/cputune/vcpupin", "cpuset", p.getCpuset()));
            if (d.getCputune().getEmulatorpin() != null) {
                cpuList(d.getCputune().getEmulatorpin(), "/domain/cputune/emulatorpin", "cpuset", d.getCputune().getEmulatorpin().getCpuset());
            }
        }
        var kvm = d.getFeatures() == null ? null : d.getFeatures().getKvm();
        if (kvm != null && kvm.getDirtyRing() != null && Boolean.TRUE.equals(kvm.getDirtyRing().getState())
                && kvm.getDirtyRing().getSize() == null) {
            add(kvm.getDirtyRing(), "/domain/features/kvm/dirty-ring", "<dirty-ring state='on'> needs attribute 'size' "
                    + "(entries per vCPU, a power of 2 from 1024 to 65536)");
        }
        if (d.getNumatune() != null && d.getNumatune().getMemory() != null) {
            var m = d.getNumatune().getMemory();
            cpuList(m, "/domain/numatune/memory", "nodeset", m.getNodeset());
            boolean vcpusAuto = d.getVcpu() != null && d.getVcpu().getPlacement() == CpuPlacement.AUTO;
            CpuPlacement placement = m.getPlacement() != null ? m.getPlacement() : vcpusAuto ? CpuPlacement.AUTO : CpuPlacement.STATIC;
            if (placement == CpuPlacement.STATIC && m.getNodeset() == null) {
                add(m, "/domain/numatune/memory", "attribute 'nodeset' is required unless placement is 'auto'"
                        + " (placement defaults to the <vcpu> placement, here 'static')");
            }
        }
        d.getSeclabels().forEach(this::seclabel);
        if (d.getDevices() != null) devices(d.getDevices());
    }

    private void memory(MemoryAmount m, String path) {
        if (m == null) return;
        if (m.getValue() == null) {
            add(m, path, "<" + path.substring(path.lastIndexOf('/') + 1) + "> needs a number of " + (m.getUnit() == null ? "KiB" : m.getUnit()));
            return;
        }
        if (m.getValue() < 0) add(m, path, "memory cannot be negative: " + m.getValue());
        try {
            MemoryUnits.toKiB(m.getValue(), m.getUnit());
        } catch (IllegalArgumentException e) {
            add(m, path, "attribute 'unit': " + e.getMessage());
        }
    }

    private void cpuList(Object owner, String path, String attribute, String value) {
        if (value == null) return;
        try {
            if (CpuSet.parse(value).isEmpty()) add(owner, path, "attribute '" + attribute + "' selects no CPU: '" + value + "'");
        } catch (IllegalArgumentException e) {
            add(owner, path, "attribute '" + attribute + "': " + e.getMessage() + "; expected a list such as 0-3,5,^2");
        }
    }

    private void seclabel(SecLabel s) {
        if (s.getType() == SecLabelType.DYNAMIC && Boolean.FALSE.equals(s.getRelabel())) {
            add(s, "/domain/seclabel", "a dynamic label must allow relabelling: relabel='no' is not allowed with type='dynamic'");
        }
        if (s.getType() == SecLabelType.STATIC && s.getLabel() == null) {
            add(s, "/domain/seclabel", "a static label needs a <label> element");
        }
    }

    private void devices(Devices dev) {
        List<Disk> disks = dev.getDisks();
        for (int i = 0; i < disks.size(); i++) disk(disks.get(i), "/domain/devices/disk[" + (i + 1) + "]");
        for (Device device : dev.all()) {
            Address a = device.getAddress();
            if (a == null) continue;
            List<String> bad = a.malformedNumbers();
            if (!bad.isEmpty()) add(a, "/domain/devices", "address " + String.join(", ", bad) + " is not a number (decimal or 0x-prefixed hex)");
        }
        for (Hostdev h : dev.getHostdevs()) {
            if (h.getSource() == null || h.getSource().getAddress() == null) continue;
            var a = h.getSource().getAddress();
            for (String[] f : new String[][] {{"domain", a.getDomain()}, {"bus", a.getBus()}, {"slot", a.getSlot()},
                    {"function", a.getFunction()}, {"device", a.getDevice()}}) {
                if (f[1] != null && !isNumber(f[1])) add(a, "/domain/devices/hostdev/source/address", "attribute '" + f[0] + "' = '" + f[1] + "' is not a number");
            }
        }
        for (Graphics g : dev.getGraphics()) {
            if (g.getListen() == null) continue;
            String first = g.getListens().stream().filter(l -> l.getType() != ListenType.NETWORK).map(GraphicsListen::getAddress)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (first != null && !first.equals(g.getListen())) {
                add(g, "/domain/devices/graphics", "attribute listen='" + g.getListen() + "' must match the address of the first <listen> ('" + first + "')");
            }
        }
    }

    private void disk(Disk disk, String path) {
        if (disk.getTarget() == null || disk.getTarget().getDev() == null) {
            add(disk, path, "a disk needs <target dev='...'/>, such as hda, sda or vda");
            return;
        }
        DiskBus bus = disk.getTarget().getBus();
        if (bus == null) return;
        if (disk.getDevice() == DiskDevice.FLOPPY && bus != DiskBus.FDC) {
            add(disk.getTarget(), path + "/target", "bus '" + bus.xml() + "' is not allowed for a floppy; allowed: fdc");
        }
        if (disk.getDevice() != DiskDevice.FLOPPY && bus == DiskBus.FDC) {
            add(disk.getTarget(), path + "/target", "bus 'fdc' is only allowed for device='floppy'");
        }
        if (disk.getDevice() == DiskDevice.LUN && bus != DiskBus.VIRTIO && bus != DiskBus.SCSI) {
            add(disk.getTarget(), path + "/target", "a lun needs bus 'virtio' or 'scsi', not '" + bus.xml() + "'");
        }
    }


    private static boolean isNumber(String s) {
        try {
            Integer.decode(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void add(Object subject, String path, String message) {
        problems.add(at.problem(subject, path, message));
    }
}
