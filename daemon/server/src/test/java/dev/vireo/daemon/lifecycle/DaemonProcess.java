package dev.vireo.daemon.lifecycle;

import dev.vireo.client.VireoClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * vireod as its own JVM (as bin/vireod runs it), so that a restart is a real one: the guests'
 * QEMUs outlive the daemon process and the next one must find them again.
 */
final class DaemonProcess implements AutoCloseable {
    final Path root;
    final Path socket;
    private Process process;

    DaemonProcess(Path root) throws Exception {
        this.root = root;
        this.socket = root.resolve("run/vireod.sock");
        start();
    }

    void start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.vireo.daemon.Main", "--listen", "unix:" + socket, "--state-dir", root.resolve("state").toString(),
                "--runtime-dir", root.resolve("run").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("vireod.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(socket)) {
            if (!process.isAlive()) throw new IOException("vireod exited: " + Files.readString(root.resolve("vireod.log")));
            if (System.nanoTime() > deadline) throw new IOException("vireod did not come up: " + Files.readString(root.resolve("vireod.log")));
            Thread.sleep(50);
        }
    }

    /** SIGTERM, as an administrator stops it; guests keep running. */
    void stop() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    void restart() throws Exception {
        stop();
        start();
    }

    VireoClient client() throws IOException {
        return VireoClient.connect(socket);
    }

    List<Path> runtimeFiles() throws IOException {
        Path dir = root.resolve("run/qemu");
        if (!Files.isDirectory(dir)) return List.of();
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** Stops the daemon and any guest it left running (a failed test must not leak QEMUs). */
    @Override
    public void close() throws Exception {
        for (Path f : runtimeFiles()) {
            if (!f.toString().endsWith(".json")) continue;
            RuntimeRecord r = RuntimeRecord.read(f);
            ProcessHandle.of(r.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
        stop();
    }
}
