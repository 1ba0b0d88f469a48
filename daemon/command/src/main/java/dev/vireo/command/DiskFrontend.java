package dev.vireo.command;

import dev.vireo.caps.QemuCaps;
import dev.vireo.command.storage.DiskStorage;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBus;
import dev.vireo.conf.model.Domain;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The guest device of one disk exactly as a start renders it ({@code -device}), as the arguments
 * of QMP {@code device_add}: a disk plugged into a running guest gets the same driver, id
 * (libvirt's alias, e.g. {@code virtio-disk1}), address and properties it would have had from the
 * start. QEMU 7.2's {@code device_add} takes the same {@code key=value} strings as {@code -device}.
 *
 * @param driver     the device model ({@code virtio-blk-pci}, {@code scsi-hd}, ...)
 * @param id         the device's id, which {@code device_del} and events name
 * @param properties every other property, in the command line's order
 */
public record DiskFrontend(String driver, String id, Map<String, String> properties) {

    public DiskFrontend {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(id, "id");
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * @param domain the definition that holds the disk (the running guest's live one, the disk added)
     * @param dev    the disk's target ({@code vdb})
     * @throws UnsupportedConfigurationException when the disk cannot be rendered (as a start would refuse it)
     */
    public static DiskFrontend of(Domain domain, QemuCaps caps, String dev) throws UnsupportedConfigurationException {
        BuildContext ctx = BuildContext.of(domain, caps, LaunchOptions.forMonitor(Path.of("/dev/null")));
        Disk disk = ctx.disks().stream().filter(d -> dev.equals(DiskNames.dev(d))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the definition has no disk '" + dev + "'"));
        if (DiskNames.bus(disk) == DiskBus.FDC || DiskNames.bus(disk) == DiskBus.XEN || !ctx.usesDevice()) {
            throw new UnsupportedConfigurationException("disk '" + dev + "': bus '" + DiskNames.bus(disk).xml()
                    + "' has no guest device of its own");
        }
        String drive = ctx.storage().disk(dev).flatMap(DiskStorage::frontNode).orElse(null);
        int bootindex = disk.getBoot() != null && disk.getBoot().getOrder() != null ? disk.getBoot().getOrder() : 0;
        return parse(DiskDeviceOption.of(ctx, disk, bootindex, drive, ctx.blockdev()));
    }

    /**
     * The id of a disk's guest device as a start names it ({@code ide0-1-0}, {@code fdc0-0-0}):
     * what the tray commands and {@code DEVICE_TRAY_MOVED} name, for every bus.
     */
    public static String idOf(Domain domain, QemuCaps caps, String dev) throws UnsupportedConfigurationException {
        BuildContext ctx = BuildContext.of(domain, caps, LaunchOptions.forMonitor(Path.of("/dev/null")));
        Disk disk = ctx.disks().stream().filter(d -> dev.equals(DiskNames.dev(d))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the definition has no disk '" + dev + "'"));
        return ctx.alias(disk);
    }

    /** Splits {@code driver,key=value,...} (a doubled comma is a comma of the value). */
    static DiskFrontend parse(String option) {
        Map<String, String> properties = new LinkedHashMap<>();
        String driver = null;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= option.length(); i++) {
            boolean end = i == option.length();
            if (!end && option.charAt(i) == ',' && i + 1 < option.length() && option.charAt(i + 1) == ',') {
                word.append(',');
                i++;
                continue;
            }
            if (end || option.charAt(i) == ',') {
                String w = word.toString();
                word.setLength(0);
                if (driver == null) {
                    driver = w;
                } else {
                    int eq = w.indexOf('=');
                    properties.put(eq < 0 ? w : w.substring(0, eq), eq < 0 ? "on" : w.substring(eq + 1));
                }
                continue;
            }
            word.append(option.charAt(i));
        }
        String id = properties.remove("id");
        if (id == null) {
            throw new IllegalStateException("the device of '" + option + "' has no id");
        }
        return new DiskFrontend(driver, id, properties);
    }
}
