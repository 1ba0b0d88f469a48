package dev.vireo.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process id together with the process's start time and the host's boot, which tell it apart
 * from a later process that got the same pid (after this boot, or after a reboot, when start
 * times begin again from zero). The daemon writes all three into a guest's runtime state and
 * checks them when it finds the guest again after a restart.
 *
 * @param pid        the process id
 * @param startTicks field 22 of {@code /proc/PID/stat}: start time in clock ticks since boot
 * @param bootId     {@code /proc/sys/kernel/random/boot_id}: a new value on every host boot
 */
public record ProcessIdentity(long pid, long startTicks, String bootId) {
    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    public ProcessIdentity {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive, got " + pid);
        }
        if (bootId == null || bootId.isBlank()) {
            throw new IllegalArgumentException("bootId must be the host's boot id, got '" + bootId + "'");
        }
    }

    /**
     * An identity taken during the current boot, for records that did not keep the boot id.
     * Prefer persisting {@link #bootId()}: only it tells a record from before a host reboot apart.
     */
    public ProcessIdentity(long pid, long startTicks) throws IOException {
        this(pid, startTicks, currentBootId());
    }

    /** {@code /proc/sys/kernel/random/boot_id} of the running kernel. */
    public static String currentBootId() throws IOException {
        return Files.readString(BOOT_ID).strip();
    }

    /** The identity of the process now running as {@code pid}; empty when there is none. */
    public static Optional<ProcessIdentity> of(long pid) throws IOException {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(new ProcessIdentity(pid, startTicks(stat, pid), currentBootId()));
    }

    /** Whether the process with this pid is still the one this identity was taken from. */
    public boolean isRunning() throws IOException {
        return of(pid).map(this::equals).orElse(false);
    }

    // The command name (field 2) is in parentheses and may itself hold spaces and ')': the
    // fields we want come after the last ')'. Field 3 (state) is the first one after it.
    private static long startTicks(String stat, long pid) throws IOException {
        int end = stat.lastIndexOf(')');
        String[] fields = end < 0 ? new String[0] : stat.substring(end + 1).trim().split(" ");
        int startTimeIndex = 22 - 3;
        if (fields.length <= startTimeIndex) {
            throw new IOException("cannot read the start time of process " + pid + " from /proc/" + pid + "/stat");
        }
        return Long.parseLong(fields[startTimeIndex]);
    }
}
