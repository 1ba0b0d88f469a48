package dev.vireo.qmp;

import dev.vireo.process.ManagedProcess;
import dev.vireo.process.ProcessSpawner;
import dev.vireo.process.Signal;
import dev.vireo.process.SpawnSpec;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real QEMU 7.2 with no machine, paused, its QMP monitor on a Unix socket. */
final class PausedQemu implements AutoCloseable {
    final Path socket;
    final ManagedProcess process;

    private PausedQemu(Path socket, ManagedProcess process) {
        this.socket = socket;
        this.process = process;
    }

    static PausedQemu start(Path dir) throws Exception {
        Path socket = dir.resolve("qmp.sock");
        ManagedProcess process = ProcessSpawner.spawn(SpawnSpec.command("qemu-system-x86_64", "-S",
                        "-qmp", "unix:" + socket + ",server=on,wait=off",
                        "-machine", "none", "-nodefaults", "-display", "none")
                .log(dir.resolve("qemu.log")).build());
        return new PausedQemu(socket, process);
    }

    @Override
    public void close() throws Exception {
        process.kill(Signal.SIGKILL);
        process.onExit().get(10, TimeUnit.SECONDS);
    }
}
