package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.ControllerType;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBus;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids the emulator knows devices by ({@code ide0-0-0}, {@code virtio-disk1}, {@code net0},
 * {@code serial0}, ...), named the way libvirt names them so that monitor commands and logs match.
 * Computed per build; the model is not changed.
 */
final class DeviceAliases {

    private final Map<Object, String> aliases = new IdentityHashMap<>();

    private DeviceAliases() {
    }

    static DeviceAliases assign(BuildContext ctx) throws UnsupportedConfigurationException {
        DeviceAliases a = new DeviceAliases();
        Devices d = ctx.devices();
        for (Disk disk : ctx.disks()) {
            a.aliases.put(disk, diskAlias(ctx, disk));
        }
        a.numbered(d.getInterfaces(), "net");
        a.numbered(d.getFilesystems(), "fs");
        a.numbered(d.getSounds(), "sound");
        a.numbered(ctx.hostdevs(), "hostdev");
        a.numbered(d.getRedirdevs(), "redir");
        a.numbered(d.getVideos(), "video");
        a.numbered(d.getSerials(), "serial");
        a.numbered(d.getParallels(), "parallel");
        a.numbered(d.getChannels(), "channel");
        a.numbered(d.getConsoles(), "console");
        a.numbered(d.getHubs(), "hub");
        a.numbered(d.getSmartcards(), "smartcard");
        a.numbered(d.getInputs(), "input");
        if (d.getWatchdog() != null) {
            a.aliases.put(d.getWatchdog(), "watchdog0");
        }
        if (d.getMemballoon() != null) {
            a.aliases.put(d.getMemballoon(), "balloon0");
        }
        a.numbered(d.getRngs(), "rng");
        a.numbered(d.getPanics(), "panic");
        a.numbered(d.getTpms(), "tpm");
        if (d.getVsock() != null) {
            a.aliases.put(d.getVsock(), "vsock0");
        }
        for (Controller c : ctx.controllers()) {
            if (c.getType() == ControllerType.USB && "none".equals(c.getModel())) continue;
            a.aliases.put(c, ControllerAliases.of(ctx, c));
        }
        return a;
    }

    private void numbered(List<?> devices, String prefix) {
        for (int i = 0; i < devices.size(); i++) {
            aliases.put(devices.get(i), prefix + i);
        }
    }

    /** Every device with its alias (for the live XML: {@link LiveAliases}). */
    Map<Object, String> all() {
        return java.util.Collections.unmodifiableMap(aliases);
    }

    String of(Object device) {
        String alias = aliases.get(device);
        if (alias == null) {
            throw new IllegalStateException("no alias assigned for " + device);
        }
        return alias;
    }

    private static String diskAlias(BuildContext ctx, Disk disk) throws UnsupportedConfigurationException {
        DiskBus bus = DiskNames.bus(disk);
        String prefix = switch (bus) {
            case IDE -> "ide";
            case FDC -> "fdc";
            case SCSI -> "scsi";
            case VIRTIO -> "virtio-disk";
            case XEN -> "xenblk";
            case USB -> "usb-disk";
            case UML -> "uml";
            case SATA -> "sata";
        };
        Address address = DiskNames.driveAddress(disk);
        if (!ctx.has(Capability.DRIVE) || address == null) {
            int idx = DiskNames.index(DiskNames.dev(disk));
            return prefix + Math.max(idx, 0);
        }
        int controller = DiskNames.orZero(address.getController());
        int busNumber = DiskNames.orZero(address.getBus());
        int unit = DiskNames.orZero(address.getUnit());
        // Only SCSI controllers other than LSI address a disk by target as well.
        if (bus == DiskBus.SCSI && ScsiControllerModel.of(ctx, controller) != ScsiControllerModel.LSILOGIC) {
            return prefix + controller + "-" + busNumber + "-" + DiskNames.orZero(address.getTarget()) + "-" + unit;
        }
        return prefix + controller + "-" + busNumber + "-" + unit;
    }
}
