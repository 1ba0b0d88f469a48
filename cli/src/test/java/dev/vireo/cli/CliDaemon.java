package dev.vireo.cli;

import dev.vireo.daemon.Daemon;
import dev.vireo.daemon.DaemonOptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real vireod running in-process on a private socket under a test's temporary folder, and the
 * vireo command line run against it: what every CLI test starts from. Closing it destroys every
 * guest still running (a failed test must not leave a QEMU behind) and stops the daemon.
 */
final class CliDaemon implements AutoCloseable {
    private final Path socket;
    private final Daemon daemon;

    private CliDaemon(Path socket, Daemon daemon) {
        this.socket = socket;
        this.daemon = daemon;
    }

    /** Starts a daemon keeping its state in {@code DIR/state} and its sockets in {@code DIR/run}. */
    static CliDaemon start(Path dir) throws Exception {
        Path socket = dir.resolve("run/vireod.sock");
        return new CliDaemon(socket, Daemon.start(new DaemonOptions(socket, dir.resolve("state"), dir.resolve("run"))));
    }

    Path socket() {
        return socket;
    }

    /** Runs {@code vireo -c unix:SOCKET ARGS...} in-process. */
    Run vireo(String... args) {
        return Run.against(socket, args);
    }

    /** Runs a host command (qemu-img, qemu-io ...) and returns its output; fails the test if it fails. */
    static String host(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not exit within 2 minutes: " + out);
        }
        if (p.exitValue() != 0) throw new AssertionError(String.join(" ", command) + " failed: " + out);
        return out;
    }

    /**
     * Waits for {@code marker} on a guest's serial console, firmware escapes dropped (OVMF's CSI
     * sequences, SeaBIOS's reset {@code ESC c}). The marker need not start its line: SeaBIOS ends
     * "Booting from ROM.." without a newline, so the guest's first line follows it on the same one.
     *
     * @param domainLog the domain's QEMU log, quoted when the marker does not come
     */
    static void awaitConsole(Path console, String marker, Duration timeout, Path domainLog) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Files.exists(console)) {
                String text = Files.readString(console, StandardCharsets.ISO_8859_1).replaceAll("\u001b(\\[[0-9;=?]*[A-Za-z]|c)", "");
                if (text.lines().anyMatch(l -> l.contains(marker))) return;
            }
            if (System.nanoTime() > deadline) {
                String text = Files.exists(console) ? Files.readString(console, StandardCharsets.ISO_8859_1) : "(no file)";
                String log = Files.exists(domainLog) ? Files.readString(domainLog) : "(no log)";
                throw new AssertionError("no " + marker + " on " + console + "; it ends: "
                        + text.substring(Math.max(0, text.length() - 600)) + "\nthe domain's log: " + log);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        try {
            Run running = vireo("list", "--name");
            if (running.exit() == 0) running.out().lines().filter(n -> !n.isBlank()).forEach(n -> vireo("destroy", n));
        } finally {
            daemon.close();
        }
    }
}
