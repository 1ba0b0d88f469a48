package dev.vireo.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real qemu-img in a working directory, so relative backing names stay relative. */
final class QemuImg {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workDir;

    QemuImg(Path workDir) {
        this.workDir = workDir;
    }

    /** {@code qemu-img create -f FORMAT [options...] NAME SIZE}; returns the image's path. */
    Path create(String format, String name, String size, String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("create", "-q", "-f", format));
        args.addAll(List.of(options));
        args.add(name);
        if (size != null) {
            args.add(size);
        }
        run(args);
        return workDir.resolve(name);
    }

    /** An overlay of {@code backing} that records the backing format. */
    Path overlay(String format, String name, String backing, String backingFormat, String... options)
            throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("-b", backing, "-F", backingFormat));
        all.addAll(List.of(options));
        return create(format, name, null, all.toArray(String[]::new));
    }

    /** Rewrites only the header's backing name (-u: the backing file is not opened). */
    void rebaseUnsafe(String format, String name, String backing, String backingFormat)
            throws IOException, InterruptedException {
        run(List.of("rebase", "-u", "-f", format, "-F", backingFormat, "-b", backing, name));
    }

    JsonNode info(String format, String name, boolean backingChain) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("info", "--output=json", "-f", format));
        if (backingChain) {
            args.add("--backing-chain");
        }
        args.add(name);
        return JSON.readTree(run(args));
    }

    /** {@code qemu-img convert -f FORMAT -O raw SOURCE TARGET}: what QEMU reads through the image. */
    void convertToRaw(String format, String source, String target) throws IOException, InterruptedException {
        run(List.of("convert", "-f", format, "-O", "raw", source, target));
    }

    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("qemu-img"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
