package dev.vireo.daemon.lifecycle;

import dev.vireo.protocol.ErrorCodes;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.daemon.Daemon;
import dev.vireo.daemon.DaemonOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts and destroys racing on one domain from several clients leave one consistent state. */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LifecycleRaceTest {
    @TempDir
    Path tmp;

    @Test
    void racingStartsAndDestroysNeverLeakAGuestOrItsFiles() throws Exception {
        Path socket = tmp.resolve("run/vireod.sock");
        Daemon daemon = Daemon.start(new DaemonOptions(socket, tmp.resolve("state"), tmp.resolve("run")));
        try {
            try (VireoClient c = VireoClient.connect(socket)) {
                c.define(GuestDomains.idler("racer", ""));
            }
            int clients = 4;
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < clients; t++) {
                    boolean starter = t % 2 == 0;
                    done.add(pool.submit(() -> {
                        try (VireoClient c = VireoClient.connect(socket)) {
                            for (int i = 0; i < 4; i++) {
                                try {
                                    if (starter) c.start("racer");
                                    else c.destroy("racer");
                                } catch (VireoException refused) {
                                    // already running / not running: the other side won this round
                                    assertEquals(ErrorCodes.OPERATION_INVALID, refused.code(), refused.getMessage());
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) f.get();
            }
            Path runtime = tmp.resolve("run/qemu/racer.json");
            try (VireoClient c = VireoClient.connect(socket)) {
                String state = c.domState("racer").state();
                if (state.equals("running")) {
                    long pid = RuntimeRecord.read(runtime).pid();
                    assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the recorded QEMU runs");
                    c.destroy("racer");
                }
                assertEquals("shut off", c.domState("racer").state());
            }
            try (var files = Files.list(tmp.resolve("run/qemu"))) {
                assertEquals(List.of(), files.toList(), "runtime files (record, monitor socket domain-ID-racer.monitor) removed");
            }
            assertEquals(List.of(), qemusUnder(tmp), "no QEMU left behind");
        } finally {
            daemon.close();
            // a failure above may leave the racer running: the daemon leaves guests running when it stops
            for (ProcessHandle qemu : qemusUnder(tmp)) {
                qemu.destroyForcibly();
                qemu.onExit().get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The QEMU processes whose command line names a file under {@code dir} (their monitor socket, their log). */
    private static List<ProcessHandle> qemusUnder(Path dir) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(l -> l.contains(dir.toString())).orElse(false)).toList();
    }
}
