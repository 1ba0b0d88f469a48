package dev.vireo.caps;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs an emulator binary once for a query ({@code -help}, {@code -device help}) and collects what it
 * printed. The environment is {@code LC_ALL=C} plus {@code PATH}, so the output is in the untranslated
 * form the parsers read; stdin is closed; a run that outlasts the timeout is killed.
 */
final class EmulatorRunner {

    /** What one run printed. */
    record Output(int exitCode, String stdout, String stderr) {
        /** Old QEMU prints device listings on stderr, newer on stdout: the parsers take both. */
        String both() {
            return stdout + stderr;
        }

        /** The first line of stderr, to quote in an error message. */
        String firstErrorLine() {
            return stderr.lines().filter(l -> !l.isBlank()).findFirst().orElse("(nothing on stderr)");
        }
    }

    private final Duration timeout;

    EmulatorRunner(Duration timeout) {
        this.timeout = timeout;
    }

    Output run(Path binary, List<String> arguments) throws ProbeException {
        CommandLine command = new CommandLine(binary.toFile());
        // no shell is involved, and commons-exec must not re-quote arguments such as "virtio-blk-pci,?"
        for (String argument : arguments) command.addArgument(argument, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        DefaultExecutor executor = DefaultExecutor.builder().setExecuteStreamHandler(new PumpStreamHandler(out, err)).get();
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        int exit;
        try {
            exit = executor.execute(command, environment());
        } catch (IOException e) {
            throw new ProbeException("cannot run emulator " + binary + " " + String.join(" ", arguments) + ": "
                    + e.getMessage(), e);
        }
        if (watchdog.killedProcess()) {
            throw new ProbeException("emulator " + binary + " " + String.join(" ", arguments)
                    + " did not finish within " + timeout.toMillis() + " ms and was killed");
        }
        return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> environment() {
        String path = System.getenv("PATH");
        return Map.of("LC_ALL", "C", "PATH", path == null ? "/usr/local/bin:/usr/bin:/bin" : path);
    }
}
