package dev.vireo.daemon;

import dev.vireo.daemon.config.QemuIdentity;
import dev.vireo.protocol.Endpoint;

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
 * <p>The daemon sets the mode only of folders that are its own: the ones it creates now, its
 * named folders inside them (domains, autostart, log, qemu) and its default runtime folder. A
 * folder someone else made and named on the command line ({@code --listen unix:/tmp/vireod.sock},
 * {@code --runtime-dir}) keeps its mode: making {@code /tmp} 0700 took its sticky bit and locked
 * out every other user. The socket itself is protected either way (0600 and SO_PEERCRED).
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
     * Creates the folders and sets the modes of the daemon's own (an existing one's mode is reset,
     * so a loosened one is closed again).
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
        int runtimeMode = qemuGroup.isPresent() ? GROUP_PASSES : OWNER_ONLY;
        if (createdNow(folders.runtime) || folders.runtime.toAbsolutePath().equals(Endpoint.defaultRuntimeDir().toAbsolutePath())) {
            set(folders.runtime, runtimeMode, qemuGroup);
        } else if (qemuGroup.isPresent() && (mode(folders.runtime) & 0011) == 0) {
            Log.warn("runtime folder " + folders.runtime + " is not vireod's own, so its mode is left as it is; "
                    + "QEMU's group cannot pass through it to create its monitor socket (give it mode "
                    + Integer.toOctalString(runtimeMode) + " and group " + qemuGroup.get() + ")", null);
        }
        set(folders.nvram, qemuGroup.isPresent() ? GROUP_PASSES : OWNER_ONLY, qemuGroup);
        set(folders.qemuRun, qemuGroup.isPresent() ? GROUP_CREATES_STICKY : OWNER_ONLY, qemuGroup);
        // the socket is the daemon's front door: elsewhere (--listen), a folder the daemon creates
        // for it is private; one that exists is someone else's, and the socket's own mode protects it
        Path socketFolder = options.socket().toAbsolutePath().getParent();
        if (!socketFolder.equals(folders.runtime.toAbsolutePath()) && createdNow(socketFolder)) {
            set(socketFolder, OWNER_ONLY, Optional.empty());
        }
        return folders;
    }

    /** Creates the folder (and any missing parent) if it does not exist: true when it did not. */
    private static boolean createdNow(Path folder) throws IOException {
        if (Files.isDirectory(folder)) return false;
        Files.createDirectories(folder);
        return true;
    }

    private static int mode(Path folder) throws IOException {
        return (Integer) Files.getAttribute(folder, "unix:mode") & 07777;
    }

    private static void set(Path folder, int mode, Optional<Integer> group) throws IOException {
        Files.createDirectories(folder);
        if (group.isPresent()) Files.setAttribute(folder, "unix:gid", group.get());
        Files.setAttribute(folder, "unix:mode", mode);
    }
}
