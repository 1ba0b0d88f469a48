package dev.vireo.daemon.lifecycle;

import dev.vireo.daemon.Log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Per-domain log files, {@code STATE/log/NAME.log} like libvirt's {@code qemu/NAME.log}: a line
 * when the guest starts, its command line, then QEMU's own stdout and stderr (appended by the
 * spawner), and a line when it stops.
 */
public final class DomainLogs {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSxxx");
    private static final int TAIL_LINES = 8;
    private static final String STARTING_BANNER = ": starting up";

    private final Path dir;

    public DomainLogs(Path dir) {
        this.dir = dir;
    }

    public Path file(String domain) {
        return dir.resolve(domain + ".log");
    }

    /** Appends the start banner and the command line; returns the file for QEMU's output. */
    Path starting(String domain, String commandLine) {
        append(domain, now() + STARTING_BANNER + "\n" + commandLine + "\n");
        return file(domain);
    }

    void stopped(String domain, String reason) {
        append(domain, now() + ": shutting down, reason=" + reason + "\n");
    }

    /** The last lines QEMU wrote, for an error message ("" when there are none). */
    String tail(String domain) {
        try {
            List<String> lines = Files.readAllLines(file(domain));
            List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            return last.isEmpty() ? "" : "\nlast lines of " + file(domain) + ":\n" + String.join("\n", last);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The error QEMU gave when it refused to start, from its output since the last start banner:
     * the last lines it wrote in a row as {@code EMULATOR: MESSAGE} that are not warnings, without the
     * prefix, joined by {@code "; "}.
     *
     * @param emulator the binary's file name, as QEMU prefixes its messages
     */
    Optional<String> emulatorError(String domain, String emulator) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file(domain));
        } catch (IOException e) {
            return Optional.empty();
        }
        String prefix = emulator + ": ";
        // QEMU may give its reason over consecutive lines, cause first ("egl: no drm render node
        // available", then "Failed to initialize EGL render node for SPICE GL"): the last run counts.
        List<String> error = new ArrayList<>();
        boolean inRun = false;
        for (String line : lines) {
            if (line.endsWith(STARTING_BANNER)) {   // an earlier start's output
                error.clear();
                inRun = false;
            } else if (line.startsWith(prefix) && !line.startsWith(prefix + "warning:")) {
                if (!inRun) error.clear();
                error.add(line.substring(prefix.length()));
                inRun = true;
            } else {
                inRun = false;
            }
        }
        return error.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", error));
    }

    private void append(String domain, String text) {
        try {
            if (!Files.exists(file(domain))) {
                // QEMU's output may hold guest data: owner-only, like libvirt's logs
                Files.createFile(file(domain), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file(domain), text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            Log.warn("cannot write " + file(domain), e);
        }
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(TIME);
    }
}
