package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.BootDevice;
import dev.vireo.conf.model.BootOrder;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.Hostdev;
import dev.vireo.conf.model.NetInterface;
import dev.vireo.conf.model.Os;
import dev.vireo.conf.model.OsBoot;
import java.util.ArrayList;
import java.util.List;

/**
 * How the boot order reaches the emulator. libvirt prefers {@code bootindex=N} on each device when
 * the emulator has it, because {@code -boot} letters only say "first cdrom", "first disk"; it falls
 * back to {@code -boot} letters (and {@code boot=on} on {@code -drive}) otherwise, and must use the
 * letters when a boot menu is asked for.
 *
 * @param devices       the {@code <os><boot dev>} list, with libvirt's default (hard disk) applied
 * @param emitBootindex whether devices carry {@code bootindex=}
 * @param firstCdrom    the boot position (1-based) of the first cdrom, 0 when cdroms do not boot;
 *                      likewise for floppies, disks and network cards
 */
record BootPlan(List<BootDevice> devices, boolean emitBootindex, int firstCdrom, int firstFloppy,
                int firstDisk, int firstNetwork) {

    static BootPlan of(BuildContext ctx) throws UnsupportedConfigurationException {
        Os os = ctx.os();
        List<BootDevice> devices = new ArrayList<>();
        for (OsBoot boot : os.getBoots()) {
            devices.add(boot.getDev());
        }
        if (devices.isEmpty() && !anyDeviceBootOrder(ctx)) {
            devices.add(BootDevice.HD);
        }
        boolean emitBootindex;
        if (devices.isEmpty()) {
            if (!ctx.has(Capability.BOOT_INDEX)) {
                throw new UnsupportedConfigurationException("per-device <boot order='N'/> needs bootindex= support, "
                        + "which this QEMU binary lacks (capability 'boot-index'); use <os><boot dev='...'/> instead");
            }
            emitBootindex = true;
        } else {
            boolean menuEnabled = os.getBootmenu() != null && Boolean.TRUE.equals(os.getBootmenu().getEnable());
            emitBootindex = ctx.has(Capability.BOOT_INDEX) && (!menuEnabled || !ctx.has(Capability.BOOT_MENU));
        }
        int cdrom = 0;
        int floppy = 0;
        int disk = 0;
        int network = 0;
        if (ctx.has(Capability.DRIVE_BOOT) || emitBootindex) {
            for (int i = devices.size() - 1; i >= 0; i--) {
                switch (devices.get(i)) {
                    case CDROM -> cdrom = i + 1;
                    case FD -> floppy = i + 1;
                    case HD -> disk = i + 1;
                    case NETWORK -> network = i + 1;
                }
            }
        }
        // A network card boots by bootindex only; without it, -boot n does the job.
        if (!emitBootindex) {
            network = 0;
        }
        return new BootPlan(List.copyOf(devices), emitBootindex, cdrom, floppy, disk, network);
    }

    private static boolean anyDeviceBootOrder(BuildContext ctx) {
        for (Disk d : ctx.disks()) {
            if (hasOrder(d.getBoot())) return true;
        }
        for (NetInterface n : ctx.devices().getInterfaces()) {
            if (hasOrder(n.getBoot())) return true;
        }
        for (Hostdev h : ctx.hostdevs()) {
            if (hasOrder(h.getBoot())) return true;
        }
        return false;
    }

    private static boolean hasOrder(BootOrder boot) {
        return boot != null && boot.getOrder() != null;
    }

    /** The {@code -boot} letters: {@code c} disk, {@code d} cdrom, {@code a} floppy, {@code n} network. */
    String letters() {
        StringBuilder s = new StringBuilder(devices.size());
        for (BootDevice d : devices) {
            s.append(switch (d) {
                case CDROM -> 'd';
                case FD -> 'a';
                case NETWORK -> 'n';
                case HD -> 'c';
            });
        }
        return s.toString();
    }
}
