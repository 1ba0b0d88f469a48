package dev.vireo.cli;

import java.util.List;

/** Every subcommand, in the order {@code vireo --help} lists them. */
final class Commands {
    static final List<CommandSpec> ALL = List.of(
            DefinitionCommands.DEFINE, DefinitionCommands.UNDEFINE, DefinitionCommands.VALIDATE,
            DefinitionCommands.DUMPXML, DefinitionCommands.LIST, DefinitionCommands.DOMSTATE,
            DefinitionCommands.DOMINFO, DefinitionCommands.AUTOSTART, DefinitionCommands.DOMNAME,
            DefinitionCommands.DOMUUID, DefinitionCommands.VERSION,
            EmulatorCommands.DOMCAPABILITIES, EmulatorCommands.DOMXML_TO_NATIVE,
            ImageCommands.IMAGE_INFO,
            LifecycleCommands.START, LifecycleCommands.CREATE, LifecycleCommands.DESTROY,
            LifecycleCommands.SHUTDOWN, LifecycleCommands.SUSPEND, LifecycleCommands.RESUME,
            LifecycleCommands.REBOOT, LifecycleCommands.DOMBLKLIST, LifecycleCommands.DOMBLKSTAT,
            LifecycleCommands.DOMBLKINFO,
            BlockJobCommands.BLOCKPULL, BlockJobCommands.BLOCKCOMMIT, BlockJobCommands.BLOCKJOB,
            DiskAdminCommands.BLOCKRESIZE, DiskAdminCommands.BLKDEVIOTUNE, DiskAdminCommands.DOMBLKERROR,
            DiskAdminCommands.DOMBLKTHRESHOLD, DiskAdminCommands.DOMSTATS,
            LifecycleCommands.QEMU_MONITOR_COMMAND, LifecycleCommands.EVENT,
            BlockCopyCommands.BLOCKCOPY,
            BackupCommands.BACKUP_BEGIN, BackupCommands.BACKUP_DUMPXML, BackupCommands.DOMJOBINFO,
            BackupCommands.DOMJOBABORT,
            HotplugCommands.ATTACH_DISK, HotplugCommands.ATTACH_DEVICE, HotplugCommands.DETACH_DEVICE,
            HotplugCommands.DETACH_DISK, HotplugCommands.CHANGE_MEDIA,
            SnapshotCommands.CREATE, SnapshotCommands.CREATE_AS, SnapshotCommands.CURRENT, SnapshotCommands.DELETE,
            SnapshotCommands.DUMPXML, SnapshotCommands.INFO, SnapshotCommands.LIST, SnapshotCommands.PARENT,
            SnapshotCommands.REVERT, ConsoleCommand.CONSOLE);

    private Commands() {
    }

    /** The command called {@code name}, or null. */
    static CommandSpec named(String name) {
        for (CommandSpec c : ALL) {
            if (c.name().equals(name)) return c;
        }
        return null;
    }
}
