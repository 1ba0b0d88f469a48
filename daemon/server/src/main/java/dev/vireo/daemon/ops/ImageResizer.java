package dev.vireo.daemon.ops;

import dev.vireo.command.storage.ImageNode;
import dev.vireo.daemon.FileWork;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.storage.ImageFormat;
import dev.vireo.storage.ImageInfo;
import dev.vireo.storage.StorageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sizes of a shut-off domain's images, and their resize by {@code qemu-img resize}: it takes
 * QEMU's image lock for writing, so an image another QEMU (or qemu-img) has open for writing is
 * refused, never resized under it. Every wait is bounded.
 */
final class ImageResizer {
    private static final long RESIZE_SECONDS = 60;
    private final FileWork files;

    ImageResizer(FileWork files) {
        this.files = files;
    }

    /** The image's virtual size, read by the daemon's own image reader. */
    long capacity(ImageNode image) throws VireoError {
        ImageInfo info = info(image);
        if (info.virtualSize().isPresent()) return info.virtualSize().getAsLong();
        return deviceSize(image);
    }

    /** The image as the daemon's own image reader sees it. */
    ImageInfo info(ImageNode image) throws VireoError {
        Path path = Path.of(image.path());
        ImageFormat format = ImageFormat.forName(image.format()).orElseThrow(() -> VireoError.unsupported(
                "the daemon cannot read images of format '" + image.format() + "' (" + path + ")"));
        try {
            return files.run("reading " + path, () -> ImageInfo.read(path, format));
        } catch (StorageException e) {
            throw VireoError.failed(path + ": " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw VireoError.failed(path + ": no such file", e);
        } catch (IOException e) {
            throw VireoError.failed(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The size of the block device under a raw disk. */
    long deviceSize(ImageNode image) throws VireoError {
        Path path = Path.of(image.path());
        try {
            return files.run("reading the size of " + path, () -> deviceOrFileSize(path, image));
        } catch (IOException e) {
            throw VireoError.failed(path + ": cannot read its size: " + e.getMessage(), e);
        }
    }

    /** A block device's size from sysfs (stat reports 0 for it); a file's from stat. */
    private static long deviceOrFileSize(Path path, ImageNode image) throws IOException {
        if (!image.hostDevice()) return Files.size(path);
        long rdev = ((Number) Files.getAttribute(path, "unix:rdev")).longValue();
        long major = ((rdev >>> 32) & ~0xfffL) | ((rdev >>> 8) & 0xfff);
        long minor = ((rdev >>> 12) & ~0xffL) | (rdev & 0xff);
        Path sectors = Path.of("/sys/dev/block/" + major + ":" + minor + "/size");
        return Long.parseLong(Files.readString(sectors).trim()) * 512;
    }

    /** {@code qemu-img resize} of an image no process has open for writing. */
    void resize(ImageNode image, long size, boolean shrink) throws VireoError {
        List<String> argv = new ArrayList<>(List.of("qemu-img", "resize", "-f", image.format()));
        if (shrink) argv.add("--shrink");
        argv.add("--");
        argv.add(image.path());
        argv.add(Long.toString(size));
        Path log = null;
        try {
            // its output goes to a file: a pipe nobody drains could stall it, and a read could outwait the limit
            log = Files.createTempFile("vireo-resize", ".log");
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(RESIZE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw VireoError.failed("qemu-img resize of " + image.path() + " did not end within " + RESIZE_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                String out;
                try (var in = Files.newInputStream(log)) {
                    out = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                }
                throw VireoError.failed("cannot resize " + image.path() + ": " + out.strip().replaceFirst("^qemu-img: ", ""));
            }
        } catch (IOException e) {
            throw VireoError.failed("cannot run qemu-img to resize " + image.path() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VireoError.failed("interrupted while resizing " + image.path(), e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a stray temp file in the daemon's tmp is harmless
                }
            }
        }
    }
}
