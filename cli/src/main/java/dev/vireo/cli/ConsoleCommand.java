package dev.vireo.cli;

import dev.vireo.client.ConsoleStream;
import dev.vireo.client.VireoClient;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import static dev.vireo.cli.CommandSpec.named;

/**
 * {@code vireo console DOMAIN}: like {@code virsh console}, the guest's console on this terminal
 * until Ctrl-] (the escape character, as virsh's). The daemon opens the guest's pty or socket and
 * streams it; this process never opens it. On a terminal, stdin is switched to raw mode (every key
 * goes to the guest, none is echoed here) and restored afterwards; from a pipe, bytes go through as
 * they come and the end of input ends the session, so scripts and tests can drive it.
 */
final class ConsoleCommand {
    /** Ctrl-]: virsh's escape character. */
    private static final int ESCAPE = 0x1d;

    static final CommandSpec CONSOLE = named("console", "Attach to a running domain's console (Ctrl-] leaves).")
            .option("ALIAS", "the character device's alias (serial0, channel1, ...) instead of the first console", "--devname")
            .flag("--force", "take the console over from the session that has it")
            .flag("--safe", "only if exclusive access is guaranteed (it always is: one session per device)")
            .param("DOMAIN", "domain name, id or uuid")
            .runs(ConsoleCommand::run);

    private ConsoleCommand() {
    }

    private static void run(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        String name = client.domName(in.param(0));
        ConsoleStream console = client.console(in.param(0), in.option("--devname"), in.flag("--force"));
        out.printf("Connected to domain '%s'%nEscape character is ^] (Ctrl + ])%n", name);
        out.flush();
        Terminal terminal = Terminal.raw();
        try (console) {
            Thread input = Thread.ofPlatform().daemon().name("console-input").start(() -> copyInput(System.in, console));
            OutputStream stdout = new FileOutputStream(FileDescriptor.out);
            byte[] buf = new byte[16 << 10];
            for (int n; (n = console.read(buf, 0, buf.length)) >= 0; ) {
                stdout.write(buf, 0, n);
                stdout.flush();
            }
            input.interrupt();
        } finally {
            terminal.restore();
            out.println();
            out.flush();
        }
    }

    /** Sends stdin to the guest up to the escape character or the end of input, then ends the session. */
    private static void copyInput(InputStream stdin, ConsoleStream console) {
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = stdin.read(buf)) >= 0; ) {
                int escape = indexOf(buf, n, ESCAPE);
                if (escape >= 0) {
                    if (escape > 0) console.write(buf, 0, escape);
                    break;
                }
                if (n > 0) console.write(buf, 0, n);
            }
            console.end();
        } catch (IOException e) {
            // the session ended meanwhile: the reader reports how
        }
    }

    private static int indexOf(byte[] buf, int n, int b) {
        for (int i = 0; i < n; i++) if (buf[i] == b) return i;
        return -1;
    }

    /** stdin's terminal in raw mode, with its settings kept to restore (nothing when stdin is not a terminal). */
    private record Terminal(String saved) {
        static Terminal raw() throws IOException, InterruptedException {
            String saved = stty("-g");
            if (saved == null) return new Terminal(null); // not a terminal: a pipe or a file
            stty("raw", "-echo");
            return new Terminal(saved.strip());
        }

        void restore() throws IOException, InterruptedException {
            if (saved != null) stty(saved);
        }

        /** Runs stty on stdin; its output, or null when it failed (stdin is not a terminal). */
        private static String stty(String... args) throws IOException, InterruptedException {
            String[] argv = new String[args.length + 1];
            argv[0] = "stty";
            System.arraycopy(args, 0, argv, 1, args.length);
            Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? output : null;
        }
    }
}
