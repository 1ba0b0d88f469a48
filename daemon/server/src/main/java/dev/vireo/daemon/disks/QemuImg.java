package dev.vireo.daemon.disks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes new images with {@code qemu-img create}, so that QEMU never creates a file itself and the
 * header names the real backing path (QEMU would write {@code /dev/fdset/N}, research §0.2).
 * Bounded: a qemu-img that does not finish within {@link #TIMEOUT_SECONDS} s is killed.
 */
public final class QemuImg {
    static final long TIMEOUT_SECONDS = 60;

    private QemuImg() {
    }

    /**
     * Creates {@code path} as an empty image of {@code format} and {@code size} bytes.
     *
     * @param backing       the real path its header names as backing, or null for none
     * @param backingFormat the backing image's format (recorded in the header), with {@code backing}
     */
    public static void create(Path path, String format, long size, String backing, String backingFormat) throws IOException {
        List<String> command = new ArrayList<>(List.of("qemu-img", "create", "-q", "-f", format));
        if (backing != null) command.addAll(List.of("-b", backing, "-F", backingFormat));
        command.addAll(List.of(path.toString(), Long.toString(size)));
        run(command);
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) throw new IOException(out.isEmpty() ? String.join(" ", command) + " failed" : out);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running qemu-img", e);
        }
    }
}
