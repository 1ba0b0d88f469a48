package dev.vireo.daemon;

import dev.vireo.protocol.Endpoint;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DaemonOptionsTest {

    @Test
    void everyOptionInBothSpellings() {
        assertEquals(new DaemonOptions(Path.of("/tmp/x/s.sock"), Path.of("/tmp/state"), Path.of("/tmp/run")),
                DaemonOptions.parse("--listen", "unix:/tmp/x/s.sock", "--state-dir=/tmp/state", "--runtime-dir", "/tmp/run"));
    }

    @Test
    void rootDefaultsFollowTheContract() {
        assumeTrue(Endpoint.currentUid() == 0, "not running as root");
        DaemonOptions o = DaemonOptions.parse();
        assertEquals(new DaemonOptions(Path.of("/run/vireo/vireod.sock"), Path.of("/var/lib/vireo"), Path.of("/run/vireo")), o);
    }

    @Test
    void mistakesAreNamedWithTheUsage() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> DaemonOptions.parse("--state"));
        assertTrue(unknown.getMessage().startsWith("unknown argument '--state'") && unknown.getMessage().contains("usage: vireod"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> DaemonOptions.parse("--listen"));
        assertTrue(missing.getMessage().startsWith("--listen needs a value"), missing.getMessage());
        IllegalArgumentException scheme = assertThrows(IllegalArgumentException.class, () -> DaemonOptions.parse("--listen", "/tmp/s"));
        assertTrue(scheme.getMessage().contains("expected unix:PATH"), scheme.getMessage());
    }
}
