package dev.vireo.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/** FIFOs: files whose open() for reading blocks until a writer comes. */
public final class Fifos {
    private Fifos() {
    }

    public static Path make(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("mkfifo " + path + " failed");
        return path;
    }

    /**
     * Opens and closes a writing end: every reader blocked in open() goes on and reads end of file.
     * Opened read-write, which Linux never blocks for a FIFO, so this returns even with no reader.
     */
    public static void release(Path fifo) throws IOException {
        try (FileChannel ignored = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // nothing to write
        }
    }
}
