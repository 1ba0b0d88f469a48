package dev.vireo.cli;

import dev.vireo.process.TestGuest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command-line tests that boot the project's test kernel under TCG share: a
 * {@link CliDaemon} on the test's folder, the test guest built before it (a first build must not
 * count against a boot), and a wait for a console marker that quotes the domain's QEMU log.
 */
abstract class GuestCliE2E {
    /** A TCG boot through OVMF or SeaBIOS to the kernel's marker, on a busy machine. */
    static final Duration BOOT = Duration.ofSeconds(240);

    @TempDir
    Path tmp;
    CliDaemon vireod;

    @BeforeEach
    void start() throws Exception {
        TestGuest.get();
        vireod = CliDaemon.start(tmp);
    }

    @AfterEach
    void stop() {
        vireod.close();
    }

    Run vireo(String... args) {
        return vireod.vireo(args);
    }

    /** Waits up to {@link #BOOT} for {@code marker} on the console {@code DIR/NAME.console} of domain NAME. */
    void awaitLine(Path console, String marker) throws Exception {
        CliDaemon.awaitConsole(console, marker, BOOT, tmp.resolve("state/log/" + console.getFileName().toString().replace(".console", ".log")));
    }
}
