package dev.vireo.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File work that blocks in the kernel (a FIFO's open) neither starves virtual threads nor grows without bound. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileWorkTest {
    @TempDir
    Path tmp;

    @Test
    void opensThatHangLeaveVirtualThreadsRunning() throws Exception {
        Path fifo = Fifos.make(tmp.resolve("fifo"));
        FileWork files = new FileWork(Duration.ofSeconds(30));
        // more hanging opens than there are carrier threads
        int hanging = Math.max(2, Runtime.getRuntime().availableProcessors()) + 1;
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < hanging; i++) {
            callers.add(Thread.ofVirtual().start(() -> {
                try {
                    files.run("reading " + fifo, () -> FileChannel.open(fifo, StandardOpenOption.READ)).close();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        Thread.sleep(300);
        CompletableFuture<String> other = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> other.complete("ran"));
        assertEquals("ran", other.get(10, TimeUnit.SECONDS), "a virtual thread still runs while the opens hang");
        Fifos.release(fifo);
        for (Thread t : callers) assertTrue(t.join(Duration.ofSeconds(10)), "released callers return");
    }

    @Test
    void aCallerGivesUpAfterTheTimeLimitAndASaturatedPoolRefuses() throws Exception {
        Path fifo = Fifos.make(tmp.resolve("fifo"));
        FileWork files = new FileWork(Duration.ofMillis(300));
        long began = System.nanoTime();
        FileWork.StuckException slow = assertThrows(FileWork.StuckException.class,
                () -> files.run("reading " + fifo, () -> FileChannel.open(fifo, StandardOpenOption.READ)));
        assertTrue(slow.getMessage().startsWith("reading " + fifo + " did not finish within"), slow.getMessage());
        assertTrue(System.nanoTime() - began < TimeUnit.SECONDS.toNanos(5));
        // the given-up open still holds its thread: fill the rest and the queue, then one more is refused at once
        List<Thread> waiting = new ArrayList<>();
        for (int i = 0; i < FileWork.THREADS - 1 + FileWork.QUEUED; i++) {
            waiting.add(Thread.ofVirtual().start(() -> {
                try {
                    files.run("reading " + fifo, () -> FileChannel.open(fifo, StandardOpenOption.READ));
                } catch (Exception expected) {
                    // they time out
                }
            }));
        }
        Thread.sleep(100);
        FileWork.StuckException refused = assertThrows(FileWork.StuckException.class,
                () -> files.run("reading " + fifo, () -> Files.size(fifo)));
        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
        for (Thread t : waiting) t.join();
        Fifos.release(fifo);
    }

    @Test
    void aResultThatArrivesAfterTheCallerGaveUpIsClosed() throws Exception {
        Path fifo = Fifos.make(tmp.resolve("fifo"));
        FileWork files = new FileWork(Duration.ofMillis(200));
        CompletableFuture<FileChannel> late = new CompletableFuture<>();
        assertThrows(FileWork.StuckException.class, () -> files.run("reading " + fifo, () -> {
            FileChannel ch = FileChannel.open(fifo, StandardOpenOption.READ);
            late.complete(ch);
            return ch;
        }));
        Fifos.release(fifo);
        FileChannel ch = late.get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ch.isOpen() && System.nanoTime() < deadline) Thread.sleep(10);
        assertTrue(!ch.isOpen(), "the abandoned channel was closed");
    }
}
