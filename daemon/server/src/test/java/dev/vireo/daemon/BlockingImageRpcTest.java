package dev.vireo.daemon;

import dev.vireo.client.VireoClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * image-info on a FIFO used to block in open() until a writer came. The storage layer now refuses
 * a FIFO before opening it (and opens images with O_NONBLOCK), so with more such calls in flight
 * than there are carrier threads each is refused at once and the daemon answers everything else.
 * (A file on a hung mount can still block; FileWorkTest covers the bounded pool for that.)
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BlockingImageRpcTest {
    @TempDir
    Path tmp;

    @Test
    void listAnswersWhileImageInfoCallsHangOnAFifo() throws Exception {
        Path fifo = Fifos.make(tmp.resolve("image.fifo"));
        try (DaemonFixture daemon = new DaemonFixture(tmp.resolve("d"))) {
            int hanging = Math.max(2, Runtime.getRuntime().availableProcessors());
            List<CompletableFuture<Object>> calls = new ArrayList<>();
            for (int i = 0; i < hanging; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try (VireoClient c = daemon.client()) {
                        return c.call("image-info", Map.of("path", fifo.toString(), "format", "raw"));
                    } catch (Exception e) {
                        return e;
                    }
                }, r -> Thread.ofPlatform().daemon().start(r)));
            }
            Thread.sleep(500);
            CompletableFuture<Integer> listed = CompletableFuture.supplyAsync(() -> {
                try (VireoClient c = daemon.client()) {
                    return c.list(true).size();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, r -> Thread.ofPlatform().daemon().start(r));
            try {
                assertEquals(0, listed.get(10, TimeUnit.SECONDS), "list answered while " + hanging + " opens hang");
            } finally {
                Fifos.release(fifo);
            }
            for (CompletableFuture<Object> call : calls) {
                Object answer = call.get(20, TimeUnit.SECONDS);
                assertTrue(answer instanceof Exception e && e.getMessage().contains("is a FIFO (named pipe)"),
                        "image-info on a FIFO is refused: " + answer);
            }
        }
    }
}
