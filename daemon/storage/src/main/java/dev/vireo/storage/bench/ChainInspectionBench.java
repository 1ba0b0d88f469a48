package dev.vireo.storage.bench;

import dev.vireo.storage.BackingChain;
import dev.vireo.storage.ChainPolicy;
import dev.vireo.storage.ImageFormat;
import dev.vireo.storage.ImageInfo;
import dev.vireo.storage.StorageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Measures how long a backing-chain walk takes: builds a chain of LAYERS qcow2 images over a raw
 * base with the real qemu-img, then walks it REPEATS times in this JVM (after warm-up) and prints
 * the median and spread, next to {@code qemu-img info --backing-chain} on the same chain for scale.
 *
 * <p>Usage: {@code ChainInspectionBench [--layers N] [--repeats N] [--qemu-img-repeats N]}
 */
public final class ChainInspectionBench {

    private static final int WARM_UP = 200;

    public static void main(String[] args) throws Exception {
        int layers = option(args, "--layers", 50);
        int repeats = option(args, "--repeats", 2000);
        int qemuImgRepeats = option(args, "--qemu-img-repeats", 20);
        Path dir = Files.createTempDirectory("vireo-chain-bench");
        try {
            Path top = buildChain(dir, layers);
            int depth = layers + 1;
            ChainPolicy policy = ChainPolicy.defaults().withMaxDepth(Math.max(depth, ChainPolicy.DEFAULT_MAX_DEPTH));
            for (int i = 0; i < WARM_UP; i++) {
                walk(top, policy, depth);
            }
            long[] walkNanos = new long[repeats];
            long[] jsonNanos = new long[repeats];
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                BackingChain chain = walk(top, policy, depth);
                long walked = System.nanoTime();
                ImageInfo.toJson(ImageInfo.of(chain));
                jsonNanos[i] = System.nanoTime() - start;
                walkNanos[i] = walked - start;
            }
            long[] qemuImgNanos = new long[qemuImgRepeats];
            for (int i = 0; i < qemuImgRepeats; i++) {
                long start = System.nanoTime();
                run(dir, "qemu-img", "info", "--backing-chain", "--output=json", "-f", "qcow2", top.toString());
                qemuImgNanos[i] = System.nanoTime() - start;
            }
            System.out.printf(Locale.ROOT, "chain: %d layers (%d qcow2 over a raw base), made by qemu-img%n",
                    depth, layers);
            report("BackingChain.open", walkNanos);
            report("BackingChain.open + ImageInfo JSON", jsonNanos);
            report("qemu-img info --backing-chain (process)", qemuImgNanos);
        } finally {
            deleteTree(dir);
        }
    }

    private static BackingChain walk(Path top, ChainPolicy policy, int expectedDepth) throws StorageException {
        BackingChain chain = BackingChain.open(top, ImageFormat.QCOW2, policy);
        if (chain.layers().size() != expectedDepth) {
            throw new IllegalStateException("walked " + chain.layers().size() + " layers, expected " + expectedDepth);
        }
        return chain;
    }

    private static Path buildChain(Path dir, int layers) throws IOException, InterruptedException {
        run(dir, "qemu-img", "create", "-q", "-f", "raw", "layer0.raw", "64M");
        String below = "layer0.raw";
        String belowFormat = "raw";
        for (int i = 1; i <= layers; i++) {
            String name = "layer" + i + ".qcow2";
            run(dir, "qemu-img", "create", "-q", "-f", "qcow2", "-b", below, "-F", belowFormat, name);
            below = name;
            belowFormat = "qcow2";
        }
        return dir.resolve(below);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-42s median %9.1f us  p10 %9.1f us  p90 %9.1f us  (n=%d)%n", what,
                sorted[sorted.length / 2] / 1e3, sorted[sorted.length / 10] / 1e3,
                sorted[sorted.length * 9 / 10] / 1e3, sorted.length);
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        if (Arrays.asList(args).contains(name)) {
            throw new IllegalArgumentException(name + " needs a number");
        }
        return fallback;
    }

    private static void deleteTree(Path dir) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
