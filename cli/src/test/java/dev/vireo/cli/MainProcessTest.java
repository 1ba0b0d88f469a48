package dev.vireo.cli;

import dev.vireo.protocol.Version;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Main} in a JVM of its own: it halts rather than exits, so its output must be complete and its status right. */
class MainProcessTest {
    record Result(int exit, String out, String err) {
    }

    private static Result main(String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = Stream.concat(Stream.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()), Stream.of(args)).toList();
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "vireo did not end");
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void everyLineIsWrittenBeforeTheJvmHalts() throws Exception {
        Result help = main("help");
        assertEquals(0, help.exit());
        assertEquals("", help.err());
        assertTrue(help.out().endsWith("  help                   Print this list, or one command's usage (vireo help COMMAND).\n"),
                help.out());
        assertEquals(new Result(0, "vireo " + Version.VALUE + "\n", ""), main("--version"));
    }

    @Test
    void aFailureExitsOneWithItsMessage() throws Exception {
        assertEquals(new Result(1, "", "error: unknown command 'frobnicate'; see vireo help\n"), main("frobnicate"));
        Result noDaemon = main("-c", "unix:/nonexistent/vireod.sock", "list");
        assertEquals(1, noDaemon.exit());
        assertTrue(noDaemon.err().startsWith("error: cannot connect to vireod at /nonexistent/vireod.sock"), noDaemon.err());
    }
}
