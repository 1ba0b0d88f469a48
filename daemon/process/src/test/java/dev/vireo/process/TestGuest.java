package dev.vireo.process;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's tiny TCG test guest, for any module's end-to-end tests (depend on vireo-process
 * with {@code <type>test-jar</type>}). {@link #get()} runs {@code scripts/build-test-guest} once
 * per JVM; the script itself caches the guest in {@code .cache/test-guest/}.
 *
 * <p>The guest's /init prints {@link #READY} on ttyS0, then acts on {@code vireo.mode}:
 * {@code write} puts {@code vireo.pattern} (default 0x5a) over the first {@code vireo.mib} MiB of
 * /dev/vda and prints {@link #WROTE}; {@code idle} waits; {@code rewrite} keeps rewriting that area
 * and prints {@link #ROUND} N per pass. In every mode the ACPI power button (QMP
 * {@code system_powerdown}) powers it off cleanly; {@code vireo.then=poweroff} makes {@code write}
 * power off by itself.
 */
public final class TestGuest {
    public static final String READY = "VIREO-GUEST-READY";
    public static final String WROTE = "VIREO-GUEST-WROTE";
    public static final String ROUND = "VIREO-GUEST-ROUND";
    public static final String POWEROFF = "VIREO-GUEST-POWEROFF";
    /** Serial output and no mitigations or KASLR make a TCG boot ~0.5 s faster. */
    public static final String BASE_CMDLINE = "console=ttyS0 quiet mitigations=off nokaslr";

    private static TestGuest built;

    private final Path kernel;
    private final Path initrd;

    private TestGuest(Path folder) {
        this.kernel = folder.resolve("vmlinuz");
        this.initrd = folder.resolve("initrd.img");
    }

    /** Skips the calling test when end-to-end tests are switched off ({@code -Dvireo.skipE2E=true}). */
    public static void assumeE2E() {
        Assumptions.assumeFalse(Boolean.getBoolean("vireo.skipE2E"), "end-to-end tests skipped (vireo.skipE2E)");
    }

    /** Builds the guest if needed (a few seconds once, then cached) and returns it. */
    public static synchronized TestGuest get() throws IOException, InterruptedException {
        if (built == null) {
            Path script = repository().resolve("scripts/build-test-guest");
            Process p = new ProcessBuilder(script.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(script + " failed:\n" + output);
            }
            List<String> lines = output.strip().lines().toList();
            built = new TestGuest(Path.of(lines.getLast()));
        }
        return built;
    }

    /** The repository root: the build passes it as {@code vireo.repo}; else found from the cwd. */
    public static Path repository() {
        String configured = System.getProperty("vireo.repo");
        if (configured != null && Files.isRegularFile(Path.of(configured, "scripts/build-test-guest"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scripts/build-test-guest"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository (scripts/build-test-guest) above "
                + Path.of("").toAbsolutePath());
    }

    public Path kernel() {
        return kernel;
    }

    public Path initrd() {
        return initrd;
    }

    /** The kernel command line for a mode, plus extra switches such as {@code vireo.then=poweroff}. */
    public static String cmdline(String mode, String... extra) {
        return BASE_CMDLINE + " vireo.mode=" + mode + (extra.length == 0 ? "" : " " + String.join(" ", extra));
    }

    /**
     * A QEMU 7.2 command line booting the guest with TCG, serial output to {@code serialLog},
     * and no reboot (a guest power-off ends QEMU). Append disks and monitors to it.
     */
    public List<String> qemuArgv(Path serialLog, String cmdline) {
        return new ArrayList<>(List.of("qemu-system-x86_64", "-machine", "pc,accel=tcg", "-m", "256",
                "-kernel", kernel.toString(), "-initrd", initrd.toString(), "-append", cmdline,
                "-serial", "file:" + serialLog, "-display", "none", "-no-reboot", "-nodefaults"));
    }

    /**
     * Waits until the serial log holds a line starting with {@code marker}; returns that line.
     *
     * @throws IOException when it does not appear in time; the message quotes the log
     */
    public static String awaitMarker(Path serialLog, String marker, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Files.exists(serialLog)) {
                // only whole lines: under load QEMU writes the serial output a few bytes at a time,
                // and a marker line read before its newline arrived would come back cut short
                String text = Files.readString(serialLog, StandardCharsets.ISO_8859_1);
                for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\r?\n")) {
                    if (line.startsWith(marker)) {
                        return line;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                String log = Files.exists(serialLog) ? Files.readString(serialLog, StandardCharsets.ISO_8859_1) : "";
                throw new IOException("no " + marker + " in " + serialLog + " after " + timeout + "; it holds:\n" + log);
            }
            Thread.sleep(20);
        }
    }
}
