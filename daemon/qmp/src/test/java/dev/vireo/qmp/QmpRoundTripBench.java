package dev.vireo.qmp;

import dev.vireo.process.ManagedProcess;
import dev.vireo.process.ProcessSpawner;
import dev.vireo.process.Signal;
import dev.vireo.process.SpawnSpec;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * QMP round trips ({@code query-status}) through {@link QmpClient} against raw clients that only
 * write a JSON line and read bytes up to the reply's newline, each on its own monitor of one
 * paused QEMU, in alternating blocks so that all see the same machine load. Run by
 * scripts/bench-qmp. Arguments: [rounds per client (default 20000)] [warm-up rounds (default 5000)].
 *
 * <p>Two raw clients, because QEMU itself answers a command carrying an {@code "id"} measurably
 * slower (it lexes and echoes more JSON): "raw, same line" sends exactly what QmpClient sends
 * and isolates the client's own cost; "raw, no id" is the floor for any client.
 */
public final class QmpRoundTripBench {
    private static final int BLOCK = 500;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        Path dir = Files.createTempDirectory("vireo-bench-qmp");
        Path ours = dir.resolve("ours.sock");
        Path raw = dir.resolve("raw.sock");
        Path rawNoId = dir.resolve("raw-no-id.sock");
        ManagedProcess qemu = ProcessSpawner.spawn(SpawnSpec.command("qemu-system-x86_64", "-S",
                "-qmp", "unix:" + ours + ",server=on,wait=off", "-qmp", "unix:" + raw + ",server=on,wait=off",
                "-qmp", "unix:" + rawNoId + ",server=on,wait=off",
                "-machine", "none", "-nodefaults", "-display", "none").log(dir.resolve("qemu.log")).build());
        try (QmpClient client = QmpClient.connect(ours); RawClient rawClient = RawClient.connect(raw, true);
             RawClient floor = RawClient.connect(rawNoId, false)) {
            for (int i = 0; i < warmup; i++) {
                client.execute("query-status");
                rawClient.roundTrip();
                floor.roundTrip();
            }
            long[] oursNanos = new long[rounds];
            long[] rawNanos = new long[rounds];
            long[] floorNanos = new long[rounds];
            for (int start = 0; start < rounds; start += BLOCK) {
                int end = Math.min(rounds, start + BLOCK);
                for (int i = start; i < end; i++) {
                    long t0 = System.nanoTime();
                    client.execute("query-status");
                    oursNanos[i] = System.nanoTime() - t0;
                }
                for (int i = start; i < end; i++) {
                    long t0 = System.nanoTime();
                    rawClient.roundTrip();
                    rawNanos[i] = System.nanoTime() - t0;
                }
                for (int i = start; i < end; i++) {
                    long t0 = System.nanoTime();
                    floor.roundTrip();
                    floorNanos[i] = System.nanoTime() - t0;
                }
            }
            System.out.printf("QMP query-status round trips, %d each after %d warm-up, QEMU %s%n",
                    rounds, warmup, client.greeting().versionNumber());
            double oursMedian = report("vireo QmpClient   ", oursNanos);
            double rawMedian = report("raw, same line    ", rawNanos);
            double floorMedian = report("raw, no id        ", floorNanos);
            System.out.printf("median: QmpClient vs raw same line %+.1f%%, vs raw without id %+.1f%%%n",
                    100 * (oursMedian / rawMedian - 1), 100 * (oursMedian / floorMedian - 1));
        } finally {
            qemu.kill(Signal.SIGKILL);
            qemu.onExit().join();
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static double report(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2] / 1000.0;
        double p99 = sorted[(int) (sorted.length * 0.99)] / 1000.0;
        System.out.printf("%s  median %7.1f us   p99 %7.1f us%n", name, median, p99);
        return median;
    }

    /** The least a client can do: write the line, read until the reply's newline, parse nothing. */
    private record RawClient(SocketChannel channel, ByteBuffer in, ByteBuffer command) implements AutoCloseable {

        /** withId: the line QmpClient sends ({@code "id"} a number of the same width as its ids here). */
        static RawClient connect(Path socket, boolean withId) throws IOException {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            String line = withId ? "{\"execute\":\"query-status\",\"id\":12345}\n" : "{\"execute\":\"query-status\"}\n";
            RawClient client = new RawClient(channel, ByteBuffer.allocate(64 * 1024),
                    ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            client.readLine();   // greeting
            client.send(ByteBuffer.wrap("{\"execute\":\"qmp_capabilities\"}\n".getBytes(StandardCharsets.UTF_8)));
            client.readLine();
            return client;
        }

        void roundTrip() throws IOException {
            send(command.duplicate());
            readLine();
        }

        private void send(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        // QMP is strictly request/reply here (no events on a paused machine-less QEMU), so a
        // newline at the end of what was read ends the reply.
        private void readLine() throws IOException {
            in.clear();
            do {
                if (channel.read(in) < 0) {
                    throw new IOException("QEMU closed the raw connection");
                }
            } while (in.get(in.position() - 1) != '\n');
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
