package dev.vireo.daemon;

import dev.vireo.daemon.config.QemuIdentity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every folder vireod keeps files in, created and given its final group and mode here and only
 * here, before the RPC socket accepts and before autostart runs: a guest started at any moment
 * finds its folders as they stay. The parts that use a folder expect it to exist and never change
 * its mode.
 *
 * @param domains   stored definitions (may hold display passwords): owner only
 * @param autostart the autostart marks: owner only
 * @param logs      QEMU's output per domain (guest data): owner only
 * @param runtime   runtime records and the default RPC socket
 * @param qemuRun   monitor sockets (each controls its guest completely)
 * @param nvram     the domains' UEFI variable stores: QEMU's group may pass through (it opens its
 *                  own store, which it owns), not list
 * @param swtpm     the emulated TPMs' states (secrets of the guests): owner only
 */
public record DaemonFolders(Path domains, Path autostart, Path logs, Path runtime, Path qemuRun, Path nvram, Path swtpm) {
    private static final int OWNER_ONLY = 0700;
    /** QEMU's group may pass through to its socket folder, not list: the RPC socket stays 0600. */
    private static final int GROUP_PASSES = 0710;
    /**
     * QEMU's group may create its monitor socket and enter, not list; the sticky bit keeps it from
     * removing or renaming the daemon's files.
     */
    private static final int GROUP_CREATES_STICKY = 01730;

    /**
     * Creates the folders and sets their modes (an existing folder's mode is reset, so a loosened
     * one is closed again).
     *
     * @param qemu who QEMU runs as ({@code qemu_user}); empty: QEMU runs as the daemon's user
     */
    public static DaemonFolders prepare(DaemonOptions options, Optional<QemuIdentity> qemu) throws IOException {
        Path state = options.stateDir();
        DaemonFolders folders = new DaemonFolders(state.resolve("domains"), state.resolve("autostart"),
                state.resolve("log"), options.runtimeDir(), options.runtimeDir().resolve("qemu"),
                state.resolve("nvram"), state.resolve("swtpm"));
        for (Path secrets : List.of(folders.domains, folders.autostart, folders.logs, folders.swtpm)) {
            set(secrets, OWNER_ONLY, Optional.empty());
        }
        Optional<Integer> qemuGroup = qemu.map(QemuIdentity::gid);
        set(folders.runtime, qemuGroup.isPresent() ? GROUP_PASSES : OWNER_ONLY, qemuGroup);
        set(folders.nvram, qemuGroup.isPresent() ? GROUP_PASSES : OWNER_ONLY, qemuGroup);
        set(folders.qemuRun, qemuGroup.isPresent() ? GROUP_CREATES_STICKY : OWNER_ONLY, qemuGroup);
        // the socket is the daemon's front door; when it is elsewhere (--listen), its folder is private too
        Path socketFolder = options.socket().toAbsolutePath().getParent();
        if (!socketFolder.equals(folders.runtime.toAbsolutePath())) set(socketFolder, OWNER_ONLY, Optional.empty());
        return folders;
    }

    private static void set(Path folder, int mode, Optional<Integer> group) throws IOException {
        Files.createDirectories(folder);
        if (group.isPresent()) Files.setAttribute(folder, "unix:gid", group.get());
        Files.setAttribute(folder, "unix:mode", mode);
    }
}
