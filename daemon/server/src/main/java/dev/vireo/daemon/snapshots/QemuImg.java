package dev.vireo.daemon.snapshots;

import dev.vireo.daemon.errors.VireoError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code qemu-img} runs snapshots need, each bounded in time: a new overlay whose header
 * names its backing image exactly as given (never {@code /dev/fdset/N}: QEMU writes no header
 * here), a commit of an overlay into its backing image, and an unsafe rebase (only the name in the
 * header changes, for an overlay whose backing image now holds the same data under another name).
 */
final class QemuImg {
    /** A commit copies the overlay's data: bounded, but generously. */
    private static final Duration COMMIT_TIMEOUT = Duration.ofHours(2);
    private static final Duration QUICK_TIMEOUT = Duration.ofSeconds(60);

    private QemuImg() {
    }

    /**
     * Creates a qcow2 overlay of {@code size} bytes over {@code backingName} ({@code -u}: the
     * backing image is not opened, so an image a running QEMU holds is not touched).
     */
    static void createOverlay(Path overlay, String backingName, String backingFormat, long size) throws VireoError {
        run(QUICK_TIMEOUT, "qemu-img", "create", "-q", "-f", "qcow2", "-F", backingFormat, "-b", backingName, "-u",
                overlay.toString(), Long.toString(size));
    }

    /** Writes the overlay's data into its backing image (the overlay is emptied, not removed). */
    static void commit(Path overlay) throws VireoError {
        run(COMMIT_TIMEOUT, "qemu-img", "commit", "-q", "-f", "qcow2", overlay.toString());
    }

    /** Changes the backing name in {@code image}'s header only. */
    static void rebaseUnsafe(Path image, String backingName, String backingFormat) throws VireoError {
        run(QUICK_TIMEOUT, "qemu-img", "rebase", "-q", "-u", "-f", "qcow2", "-F", backingFormat, "-b", backingName,
                image.toString());
    }

    private static void run(Duration timeout, String... command) throws VireoError {
        List<String> argv = new ArrayList<>(List.of(command));
        String line = String.join(" ", argv);
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                    Path.of("/dev/null").toFile())).start();
            // the output is small (errors only with -q); read it after the exit
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw VireoError.failed(line + " did not finish within " + timeout.toSeconds() + " s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw VireoError.failed(command[1].equals("create") ? out.replaceFirst("^qemu-img: ", "")
                        : line + " failed: " + out);
            }
        } catch (IOException e) {
            throw VireoError.failed("cannot run " + line + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VireoError.failed(line + " was interrupted", e);
        }
    }
}
