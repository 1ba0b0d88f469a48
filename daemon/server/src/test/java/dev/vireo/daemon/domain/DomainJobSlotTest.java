package dev.vireo.daemon.domain;

import dev.vireo.daemon.errors.VireoError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A domain busy with one operation makes the next one wait only so long, and the error names the
 * operation that holds it; queries and other domains do not wait at all (issue 8: a blocked
 * start held the domain's lock for ever).
 */
class DomainJobSlotTest {
    @TempDir
    Path dir;

    @Test
    void aBusyDomainRefusesAfterTheBoundNamingTheHolder() throws Exception {
        DefinitionCodec codec = new DefinitionCodec();
        DomainRegistry registry = DomainRegistry.load(dir, codec, Duration.ofMillis(300));
        for (String name : new String[]{"busy", "other"}) {
            registry.define(codec.parse("<domain type='qemu'><name>" + name + "</name><memory>65536</memory>"
                    + "<os><type>hvm</type></os></domain>"));
        }
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread start = Thread.ofVirtual().start(() -> {
            try {
                registry.withJob("busy", "start", e -> {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
            } catch (VireoError | RuntimeException e) {
                throw new RuntimeException(e);
            }
        });
        holding.await();
        try {
            long began = System.nanoTime();
            VireoError busy = assertThrows(VireoError.class, () -> registry.withJob("busy", "destroy", e -> null));
            assertTrue(System.nanoTime() - began >= Duration.ofMillis(300).toNanos(), "waited the bound");
            assertEquals(VireoError.Kind.BUSY, busy.kind());
            assertTrue(busy.getMessage().matches("domain 'busy' is busy: operation 'start' has held it for \\d+ s \\(waited 0 s\\)"),
                    busy.getMessage());
            assertThrows(VireoError.class, () -> registry.undefine("busy"));
            // queries read without the slot, and another domain is not held up
            assertEquals("busy", registry.lookup("busy").name());
            assertEquals(2, registry.list().size());
            assertEquals("other", registry.withJob("other", "suspend", DomainEntry::name));
        } finally {
            release.countDown();
            start.join();
        }
        assertEquals("busy", registry.withJob("busy", "destroy", DomainEntry::name));
    }
}
