package dev.vireo.daemon;

import dev.vireo.protocol.Endpoint;
import dev.vireo.daemon.config.DaemonConfig;
import dev.vireo.daemon.config.QemuIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every folder's final mode, and that it is set before a client (or autostart) can start a guest. */
class DaemonFoldersTest {
    private static final QemuIdentity NOBODY = new QemuIdentity("nobody", 65534, 65534);

    @TempDir
    Path tmp;

    private DaemonOptions options() {
        return new DaemonOptions(tmp.resolve("run/vireod.sock"), tmp.resolve("state"), tmp.resolve("run"));
    }

    private static int mode(Path folder) throws Exception {
        return (Integer) Files.getAttribute(folder, "unix:mode") & 07777;
    }

    @Test
    void withoutAQemuUserEveryFolderIsTheOwnersAlone() throws Exception {
        DaemonFolders.prepare(options(), Optional.empty());
        Files.setAttribute(tmp.resolve("run/qemu"), "unix:mode", 0755);
        DaemonFolders folders = DaemonFolders.prepare(options(), Optional.empty());
        for (Path folder : List.of(folders.domains(), folders.autostart(), folders.logs(), folders.runtime(), folders.qemuRun())) {
            assertEquals(0700, mode(folder), folder + " (a loosened folder is closed again)");
        }
    }

    @Test
    void qemusGroupMayCreateItsSocketButNotListAndOnlyPassThroughTheRuntimeFolder() throws Exception {
        DaemonFolders folders = DaemonFolders.prepare(options(), Optional.of(NOBODY));
        assertEquals(01730, mode(folders.qemuRun()));
        assertEquals(65534, Files.getAttribute(folders.qemuRun(), "unix:gid"));
        assertEquals(0710, mode(folders.runtime()));
        assertEquals(65534, Files.getAttribute(folders.runtime(), "unix:gid"));
        for (Path secrets : List.of(folders.domains(), folders.autostart(), folders.logs())) {
            assertEquals(0700, mode(secrets), secrets.toString());
        }
    }

    @Test
    void aSocketOutsideTheRuntimeFolderGetsAPrivateFolderOfItsOwn() throws Exception {
        DaemonOptions elsewhere = new DaemonOptions(tmp.resolve("front/vireod.sock"), tmp.resolve("state"), tmp.resolve("run"));
        DaemonFolders.prepare(elsewhere, Optional.of(NOBODY));
        assertEquals(0700, mode(tmp.resolve("front")));
        assertEquals(0710, mode(tmp.resolve("run")));
    }

    @Test
    void aFolderTheDaemonDidNotCreateKeepsItsMode() throws Exception {
        // as `vireod --listen unix:/tmp/vireod.sock`: /tmp lost its sticky bit and became 0700
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 01777);
        Path givenRuntime = Files.createDirectories(tmp.resolve("given-run"));
        Files.setAttribute(givenRuntime, "unix:mode", 0755);
        DaemonFolders folders = DaemonFolders.prepare(
                new DaemonOptions(shared.resolve("vireod.sock"), tmp.resolve("state"), givenRuntime), Optional.empty());
        assertEquals(01777, mode(shared), "the socket's existing folder");
        assertEquals(0755, mode(givenRuntime), "an existing runtime folder named with --runtime-dir");
        assertEquals(0700, mode(folders.qemuRun()), "the daemon's own folder inside it");
    }

    @Test
    void theSocketInASharedFolderIsTheOwnersAlone() throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 01777);
        DaemonOptions options = new DaemonOptions(shared.resolve("vireod.sock"), tmp.resolve("state"), tmp.resolve("run"));
        try (Daemon daemon = Daemon.start(options)) {
            assertEquals(0600, mode(options.socket()));
            assertEquals(01777, mode(shared));
        }
    }

    /**
     * A client may start a guest the moment the socket appears: by then QEMU's group must already
     * have its folders. A watcher reads the modes as soon as the socket file exists.
     */
    @Test
    void theFoldersHaveTheirFinalModesWhenTheSocketAppears() throws Exception {
        assumeTrue(Endpoint.currentUid() == 0, "qemu_user needs vireod to run as root");
        DaemonOptions options = options();
        Files.createDirectories(options.stateDir());
        Files.writeString(options.stateDir().resolve(DaemonConfig.FILE_NAME), "qemu_user = \"nobody\"\n");
        CompletableFuture<List<String>> seen = CompletableFuture.supplyAsync(() -> {
            try {
                while (!Files.exists(options.socket())) Thread.onSpinWait();
                return List.of(Integer.toOctalString(mode(options.runtimeDir())),
                        Integer.toOctalString(mode(options.runtimeDir().resolve("qemu"))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Thread::startVirtualThread);
        try (Daemon daemon = Daemon.start(options)) {
            assertEquals(List.of("710", "1730"), seen.get(10, TimeUnit.SECONDS),
                    "modes of the runtime folder and QEMU's socket folder when the socket appeared");
        }
    }
}
