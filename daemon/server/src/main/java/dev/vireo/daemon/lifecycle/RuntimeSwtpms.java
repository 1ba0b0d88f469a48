package dev.vireo.daemon.lifecycle;

import dev.vireo.daemon.Log;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The swtpm processes of this daemon's guests, found after a restart by their command line: the
 * daemon starts each with {@code --ctrl type=unixio,path=RUNDIR/....swtpm,...}, a socket in its own
 * runtime folder that no other program names. swtpm outlives a daemon killed with SIGKILL (it is
 * reparented, and its QEMU keeps it connected); {@link Recovery} hands each to its guest again, and
 * stops the ones no running guest accounts for (their QEMU ended, or was never spawned because the
 * daemon died during the start).
 */
final class RuntimeSwtpms {
    private static final String CONTROL_OPTION = "--ctrl";

    private RuntimeSwtpms() {
    }

    /** The control socket (absolute) of each swtpm process that serves one in {@code runDir}, with its pid. */
    static Map<Path, Long> find(Path runDir) {
        String folder = runDir.toAbsolutePath() + "/";
        Map<Path, Long> found = new HashMap<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("[0-9]+"))) {
            for (Path proc : procs) {
                Path socket = controlSocketIn(proc.resolve("cmdline"), folder);
                if (socket != null) found.put(socket, Long.parseLong(proc.getFileName().toString()));
            }
        } catch (IOException e) {
            Log.warn("cannot list the processes in /proc to find the swtpm of the guests", e);
        }
        return found;
    }

    private static Path controlSocketIn(Path cmdline, String folder) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(cmdline);
        } catch (IOException gone) {
            return null;
        }
        String[] args = new String(bytes, StandardCharsets.UTF_8).split("\0");
        if (args.length < 2 || !Path.of(args[0]).getFileName().toString().equals("swtpm")) return null;
        for (int i = 1; i + 1 < args.length; i++) {
            if (!args[i].equals(CONTROL_OPTION)) continue;
            for (String part : args[i + 1].split(",")) {
                if (part.startsWith("path=" + folder) && part.endsWith(".swtpm")) return Path.of(part.substring("path=".length()));
            }
        }
        return null;
    }
}
