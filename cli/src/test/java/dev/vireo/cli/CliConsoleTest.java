package dev.vireo.cli;

import dev.vireo.process.TestGuest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vireo console} against a real TCG guest whose first serial port (a pty) runs a shell
 * (busybox as PID 1: {@code rdinit=/bin/sh}) and whose second is a Unix socket QEMU listens on. The
 * console runs as its own process with stdin and stdout piped, as a script would drive it: what is
 * typed reaches the guest (the shell computes an answer the typed text does not contain) and the
 * guest's output comes back, on either kind of device.
 */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CliConsoleTest {
    private static final String CONNECTED = "Connected to domain 'talker'\nEscape character is ^] (Ctrl + ])\n";

    @TempDir
    Path tmp;
    CliDaemon vireod;

    @BeforeEach
    void start() throws Exception {
        vireod = CliDaemon.start(tmp);
    }

    @AfterEach
    void stop() {
        vireod.close();
    }

    @Test
    void typedInputReachesTheGuestAndItsOutputComesBackOnPtyAndSocketSerials() throws Exception {
        TestGuest guest = TestGuest.get();
        Path file = tmp.resolve("talker.xml");
        Files.writeString(file, """
                <domain type='qemu'>
                  <name>talker</name>
                  <memory unit='MiB'>256</memory>
                  <vcpu>1</vcpu>
                  <os>
                    <type arch='x86_64' machine='pc'>hvm</type>
                    <kernel>%s</kernel>
                    <initrd>%s</initrd>
                    <cmdline>%s rdinit=/bin/sh</cmdline>
                  </os>
                  <features><acpi/></features>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <serial type='pty'><target port='0'/></serial>
                    <serial type='unix'><source mode='bind' path='%s'/><target port='1'/></serial>
                    <console type='pty'><target type='serial' port='0'/></console>
                  </devices>
                </domain>
                """.formatted(guest.kernel(), guest.initrd(), TestGuest.BASE_CMDLINE, tmp.resolve("ttyS1.sock")));
        assertEquals(0, vireod.vireo("define", file.toString()).exit());
        assertEquals(0, vireod.vireo("start", "talker").exit());
        String live = vireod.vireo("dumpxml", "talker").out();
        assertTrue(live.matches("(?s).*<console type='pty' tty='/dev/pts/\\d+'>\\s*<source path='/dev/pts/\\d+'/>.*"), live);

        try (Console shell = new Console("talker")) {
            shell.awaitOut(CONNECTED);
            assertTrue(shell.out().startsWith(CONNECTED), shell.out());
            // the shell may still be booting: type until it answers
            shell.typeUntil("echo VIREO-CONSOLE-$((6*7))\n", shell, "\nVIREO-CONSOLE-42");

            try (Console serial1 = new Console("talker", "--devname", "serial1")) {
                serial1.awaitOut(CONNECTED);
                shell.type("mount -t devtmpfs dev /dev; echo VIREO-SERIAL1-$((6*8)) >/dev/ttyS1\n");
                serial1.awaitOut("VIREO-SERIAL1-48");
                // input that comes while no reader has the port open is dropped, perhaps the start of a
                // line: read line after line, until one arrives whole
                shell.type("(while :; do head -n1 /dev/ttyS1 | sed 's/^/VIREO-GOT-/'; done) &\n");
                serial1.typeUntil("socket-input\n", shell, "VIREO-GOT-socket-input");
                serial1.endInput();
                assertEquals(0, serial1.exit(), serial1.err());
            }

            try (Console second = new Console("talker")) {
                assertEquals(1, second.exit());
                assertEquals("", second.out());
                assertEquals("error: Active console session exists for domain 'talker' on serial0 (--force takes it over)\n", second.err());
            }

            try (Console forced = new Console("talker", "--force")) {
                forced.awaitOut(CONNECTED);
                assertEquals(1, shell.exit(), "the session forced off fails");
                assertEquals("error: the console of domain 'talker' was taken over by another session (--force)\n", shell.err());
                forced.typeUntil("echo VIREO-FORCED-$((7*7))\n", forced, "\nVIREO-FORCED-49");
                forced.type("\u001d");   // Ctrl-]
                assertEquals(0, forced.exit(), forced.err());
                assertTrue(forced.out().endsWith("\n"), "a new line after the session, as virsh");
            }
        }
        Run notThere = vireod.vireo("console", "talker", "--devname", "serial7");
        assertEquals(new Run(1, "", "error: cannot find character device serial7 of domain 'talker' (aliases: serial0, serial1)\n"), notThere);
        assertEquals(0, vireod.vireo("destroy", "talker").exit());
        Run stopped = vireod.vireo("console", "talker");
        assertEquals(new Run(1, "", "error: domain 'talker' is not running\n"), stopped);
    }

    /** {@code vireo console} in a JVM of its own, stdin and stdout piped. */
    private final class Console implements AutoCloseable {
        private final Process process;
        private final StringBuffer out = new StringBuffer();
        private final StringBuffer err = new StringBuffer();
        private final OutputStream stdin;

        Console(String... args) throws IOException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = Stream.concat(Stream.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "-c", "unix:" + vireod.socket(), "console"), Stream.of(args)).toList();
            process = new ProcessBuilder(command).start();
            stdin = process.getOutputStream();
            collect(process.getInputStream(), out);
            collect(process.getErrorStream(), err);
        }

        private static void collect(InputStream in, StringBuffer into) {
            Thread.ofPlatform().daemon().start(() -> {
                byte[] buf = new byte[4096];
                try {
                    for (int n; (n = in.read(buf)) >= 0; ) into.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                } catch (IOException ended) {
                    // the process is gone
                }
            });
        }

        String out() {
            return out.toString();
        }

        String err() {
            return err.toString();
        }

        void type(String text) throws IOException {
            stdin.write(text.getBytes(StandardCharsets.ISO_8859_1));
            stdin.flush();
        }

        /** Types {@code text} every 2 s until {@code where} shows {@code expected}. */
        void typeUntil(String text, Console where, String expected) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!where.out().contains(expected)) {
                assertTrue(System.nanoTime() < deadline, "no " + expected + " after typing " + text + ":\n" + where.out() + where.err());
                type(text);
                long next = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                while (!where.out().contains(expected) && System.nanoTime() < next) Thread.sleep(20);
            }
        }

        void awaitOut(String text) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!out().contains(text)) {
                assertTrue(process.isAlive() || out().contains(text), "console ended: " + out() + err());
                assertTrue(System.nanoTime() < deadline, "no " + text + " in:\n" + out() + err());
                Thread.sleep(20);
            }
        }

        void endInput() throws IOException {
            stdin.close();
        }

        int exit() throws Exception {
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "console did not end: " + out() + err());
            Thread.sleep(100); // the collectors take the last bytes
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
