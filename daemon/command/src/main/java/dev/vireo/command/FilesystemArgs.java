package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Filesystem;
import dev.vireo.conf.model.FilesystemAccessMode;
import dev.vireo.conf.model.FilesystemDriverType;
import dev.vireo.conf.model.FilesystemType;
import java.util.List;

/**
 * Host folders shared with the guest over virtio-9p: {@code -fsdev} plus {@code -device virtio-9p-pci};
 * virtiofs ones are {@link VhostUserFsArgs}'.
 */
final class FilesystemArgs {

    private FilesystemArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        List<Filesystem> filesystems = ctx.devices().getFilesystems();
        if (filesystems.isEmpty()) {
            return;
        }
        for (Filesystem fs : filesystems) {
            String alias = ctx.alias(fs);
            if (VhostUserFsArgs.isVirtiofs(fs)) {
                VhostUserFsArgs.write(ctx, out, fs, alias);
                continue;
            }
            if (!ctx.has(Capability.FSDEV) || !ctx.usesDevice()) {
                throw new UnsupportedConfigurationException("<filesystem>: filesystem passthrough is not supported by this "
                        + "QEMU binary (capabilities 'fsdev' and 'device')");
            }
            out.option("-fsdev", fsdev(ctx, fs, alias));
            OptionString device = new OptionString("virtio-9p-pci").add("id", alias).add("fsdev", "fsdev-" + alias)
                    .add("mount_tag", fs.getTarget() == null ? alias : fs.getTarget().getDir());
            DeviceAddressOption.append(ctx, device, fs);
            out.option("-device", device.toString());
        }
    }

    private static String fsdev(BuildContext ctx, Filesystem fs, String alias) throws UnsupportedConfigurationException {
        String owner = "filesystem " + alias;
        if (fs.getType() != null && fs.getType() != FilesystemType.MOUNT) {
            throw new UnsupportedConfigurationException(owner + ": type '" + fs.getType().xml() + "' is not supported "
                    + "by QEMU; allowed: mount");
        }
        FilesystemDriverType driver = fs.getDriver() == null || fs.getDriver().getType() == null
                ? FilesystemDriverType.PATH : fs.getDriver().getType();
        FilesystemAccessMode mode = fs.getAccessmode() == null ? FilesystemAccessMode.PASSTHROUGH : fs.getAccessmode();
        OptionString o;
        switch (driver) {
            case PATH -> {
                o = new OptionString("local");
                o.add("security_model", switch (mode) {
                    case MAPPED -> "mapped";
                    case PASSTHROUGH -> "passthrough";
                    case SQUASH -> "none";
                });
            }
            case HANDLE -> {
                if (mode != FilesystemAccessMode.PASSTHROUGH) {
                    throw new UnsupportedConfigurationException(owner + ": the handle driver only supports "
                            + "accessmode 'passthrough'");
                }
                o = new OptionString("handle");
            }
            default -> throw new UnsupportedConfigurationException(owner + ": driver type '" + driver.xml()
                    + "' is not supported by QEMU; allowed: path, handle");
        }
        if (fs.getDriver() != null && fs.getDriver().getWrpolicy() != null) {
            if (!ctx.has(Capability.FSDEV_WRITEOUT)) {
                throw new UnsupportedConfigurationException(owner + ": <driver wrpolicy> is not supported by this "
                        + "QEMU binary (capability 'fsdev-writeout')");
            }
            o.add("writeout", fs.getDriver().getWrpolicy().xml());
        }
        o.add("id", "fsdev-" + alias);
        if (fs.getSource() == null || fs.getSource().getDir() == null) {
            throw new UnsupportedConfigurationException(owner + " needs <source dir='...'/>");
        }
        o.addEscaped("path", fs.getSource().getDir());
        if (fs.isReadonly()) {
            if (!ctx.has(Capability.FSDEV_READONLY)) {
                throw new UnsupportedConfigurationException(owner + ": a readonly filesystem is not supported by this "
                        + "QEMU binary (capability 'fsdev-readonly')");
            }
            o.flag("readonly");
        }
        return o.toString();
    }
}
