package dev.vireo.daemon.lifecycle;

import dev.vireo.client.VireoClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * vireod as its own JVM (as bin/vireod runs it), so that a restart is a real one: the guests'
 * QEMUs outlive the daemon process and the next one must find them again. It is what every
 * end-to-end test of a running guest starts from ({@link #start}): the daemon keeps its state in
 * {@code DIR/state}, its sockets in {@code DIR/run} and its log in {@code DIR/vireod.log}; a
 * guest's console is {@code DIR/NAME.console}. Closing it stops the daemon and every guest still
 * running, so a failed test leaves no QEMU behind.
 */
final class DaemonProcess implements AutoCloseable {
    final Path root;
    final Path socket;
    /** JVM options of the next start, e.g. {@code -Dvireo.test.holdStart=spawned}. */
    List<String> jvmOptions = List.of();
    private Process process;

    /** How long a guest may take to print a console marker (TCG on a busy machine). */
    static final Duration CONSOLE_WAIT = Duration.ofMinutes(2);

    /**
     * Starts a daemon on {@code dir}, the test guest built first (a first build of it must not
     * count against a boot's wait).
     *
     * @param jvmOptions e.g. {@code -Dvireo.test.backupSpeed=1048576}
     */
    static DaemonProcess start(Path dir, String... jvmOptions) throws Exception {
        GuestDomains.guest();
        Files.createDirectories(dir.resolve("state"));
        return new DaemonProcess(dir, List.of(jvmOptions));
    }

    private DaemonProcess(Path root, List<String> jvmOptions) throws Exception {
        this.root = root;
        this.socket = root.resolve("run/vireod.sock");
        this.jvmOptions = jvmOptions;
        start();
    }

    void start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "dev.vireo.daemon.Main", "--listen", "unix:" + socket, "--state-dir", root.resolve("state").toString(),
                "--runtime-dir", root.resolve("run").toString()));
        // a socket a stopped daemon left behind would pass for the new one before it listens
        Files.deleteIfExists(socket);
        process = new ProcessBuilder(command)
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

    /** kill -9: the daemon gets no chance to tidy anything up. */
    void kill9() throws Exception {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        Files.deleteIfExists(socket);   // a dead daemon's socket; start() waits for a new one
    }

    /** Waits until the daemon's log holds {@code text} (e.g. a test hook's line). */
    void awaitLog(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!log().contains(text)) {
            if (System.nanoTime() > deadline) throw new IOException("no '" + text + "' in the daemon's log:\n" + log());
            Thread.sleep(20);
        }
    }

    /** What the daemon (all its runs on this folder) wrote to its log, for a failure's message. */
    String log() {
        try {
            return Files.readString(root.resolve("vireod.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    void restart() throws Exception {
        stop();
        start();
    }

    VireoClient client() throws IOException {
        return VireoClient.connect(socket);
    }

    /** A subscription to domain {@code domain}'s block job events, on a connection of its own. */
    BlockJobEvents events(String domain) throws Exception {
        return new BlockJobEvents(socket, domain);
    }

    /** Guest {@code name}'s serial console, where {@link GuestDomains#domain(Path, String, String)} puts it. */
    Path console(String name) {
        return root.resolve(name + ".console");
    }

    /**
     * Waits (up to {@link #CONSOLE_WAIT}) for {@code marker} on guest {@code name}'s console, anywhere
     * in a whole line ({@link GuestDomains#awaitConsole(Path, String, Duration, Path)}), and returns
     * that line from the marker on.
     */
    String awaitConsole(String name, String marker) throws Exception {
        return awaitConsole(name, marker, CONSOLE_WAIT);
    }

    String awaitConsole(String name, String marker, Duration timeout) throws Exception {
        return GuestDomains.awaitConsole(console(name), marker, timeout, root.resolve("state/log/" + name + ".log"));
    }

    List<Path> runtimeFiles() throws IOException {
        Path dir = root.resolve("run/qemu");
        if (!Files.isDirectory(dir)) return List.of();
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** The QEMU processes whose command line names a file under this daemon's folder. */
    List<ProcessHandle> qemus() {
        return ProcessHandle.allProcesses().filter(p -> p.pid() != process.pid())
                .filter(p -> p.info().commandLine().map(l -> l.contains("qemu-system") && l.contains(root.toString())).orElse(false))
                .toList();
    }

    /** Stops the daemon and any guest it left running (a failed test must not leak QEMUs). */
    @Override
    public void close() throws Exception {
        stop();
        for (ProcessHandle qemu : qemus()) {
            qemu.destroyForcibly();
            qemu.onExit().get(10, TimeUnit.SECONDS);
        }
    }
}
