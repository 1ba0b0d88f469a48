package dev.vireo.daemon.lifecycle;

import dev.vireo.daemon.Log;
import dev.vireo.process.ManagedProcess;
import dev.vireo.process.ProcessIdentity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * QEMU processes that belong to this daemon's runtime folder, found by their command line: the
 * monitor option names a socket in it ({@code path=RUNDIR/....monitor}), which no other program
 * has. Read from {@code /proc/PID/cmdline}, which is readable for every user's processes.
 */
final class StrayQemus {
    private StrayQemus() {
    }

    /** Pids of the processes whose command line names a monitor socket in {@code runDir}. */
    static List<Long> find(Path runDir) {
        String folder = runDir.toAbsolutePath() + "/";
        long self = ProcessHandle.current().pid();
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("[0-9]+"))) {
            for (Path proc : procs) {
                long pid = Long.parseLong(proc.getFileName().toString());
                if (pid != self && namesMonitorIn(proc.resolve("cmdline"), folder)) pids.add(pid);
            }
        } catch (IOException e) {
            Log.warn("cannot list the processes in /proc to find QEMUs left by an interrupted start", e);
        }
        return pids;
    }

    private static boolean namesMonitorIn(Path cmdline, String folder) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(cmdline);
        } catch (IOException gone) {
            return false;
        }
        for (String arg : new String(bytes, StandardCharsets.UTF_8).split("\0")) {
            if (arg.contains("path=" + folder) && arg.contains(".monitor")) return true;
        }
        return false;
    }

    /** Stops it as destroy does; a process that is gone (or was replaced) meanwhile is left alone. */
    static void stop(long pid) {
        try {
            Optional<ProcessIdentity> identity = ProcessIdentity.of(pid);
            Optional<ManagedProcess> process = identity.isEmpty() ? Optional.empty() : ManagedProcess.adopt(identity.get());
            process.ifPresent(Lifecycle::kill);
        } catch (IOException e) {
            Log.warn("cannot stop QEMU pid " + pid, e);
        }
    }
}
