package dev.vireo.command;

import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.Filesystem;
import dev.vireo.conf.model.FilesystemDriverType;
import dev.vireo.conf.model.MemoryAccessMode;
import dev.vireo.conf.model.MemoryBacking;
import dev.vireo.conf.model.NumaCell;
import java.util.List;

/**
 * virtiofs ({@code <filesystem><driver type='virtiofs'/>}): a host folder served by virtiofsd over
 * vhost-user, as libvirt 9 builds it: {@code -chardev socket} to the virtiofsd the daemon starts
 * ({@link LaunchOptions#virtiofsSocket}) and {@code -device vhost-user-fs-pci} with the mount tag.
 * vhost-user hands the guest's memory to virtiofsd, so the guest must have shared memory: without
 * it the build is refused with libvirt's words.
 */
public final class VhostUserFsArgs {

    private VhostUserFsArgs() {
    }

    /** Whether the filesystem is served by virtiofsd (not by QEMU's own 9p). */
    public static boolean isVirtiofs(Filesystem fs) {
        return fs.getDriver() != null && fs.getDriver().getType() == FilesystemDriverType.VIRTIOFS;
    }

    static void write(BuildContext ctx, ArgvWriter out, Filesystem fs, String alias) throws UnsupportedConfigurationException {
        String owner = "filesystem " + alias;
        requireSharedMemory(ctx.domain(), owner);
        if (!ctx.qemuAtLeast(5_000_000)) {
            throw new UnsupportedConfigurationException(owner + ": virtiofs needs QEMU 5.0 or later (vhost-user-fs-pci); "
                    + ctx.emulator() + " is older");
        }
        if (fs.getTarget() == null || fs.getTarget().getDir() == null) {
            throw new UnsupportedConfigurationException(owner + " needs <target dir='TAG'/>: the tag the guest mounts");
        }
        String chardev = "chr-vu-" + alias;
        out.option("-chardev", "socket,id=" + chardev + ",path=" + ctx.options().virtiofsSocket(alias));
        OptionString device = new OptionString("vhost-user-fs-pci").add("id", alias).add("chardev", chardev);
        if (fs.getDriver().getQueue() != null) device.add("queue-size", fs.getDriver().getQueue());
        device.addEscaped("tag", fs.getTarget().getDir());
        DeviceAddressOption.append(ctx, device, fs);
        out.option("-device", device.toString());
    }

    /**
     * Shared memory: {@code <memoryBacking><access mode='shared'/>}, or every NUMA cell's
     * {@code memAccess='shared'} (a cell without one inherits the memory backing's).
     */
    static void requireSharedMemory(Domain d, String owner) throws UnsupportedConfigurationException {
        MemoryBacking mb = d.getMemoryBacking();
        boolean sharedByDefault = mb != null && mb.getAccess() != null && mb.getAccess().getMode() == MemoryAccessMode.SHARED;
        List<NumaCell> cells = d.getCpu() == null || d.getCpu().getNuma() == null ? List.of() : d.getCpu().getNuma().getCells();
        boolean shared = cells.isEmpty() ? sharedByDefault
                : cells.stream().allMatch(c -> c.getMemAccess() == null ? sharedByDefault : c.getMemAccess().equals("shared"));
        if (!shared) {
            throw new UnsupportedConfigurationException(owner + ": virtiofs requires shared memory: add "
                    + "<memoryBacking><source type='memfd'/><access mode='shared'/></memoryBacking>");
        }
    }
}
