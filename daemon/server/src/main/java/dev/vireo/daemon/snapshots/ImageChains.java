package dev.vireo.daemon.snapshots;

import dev.vireo.daemon.errors.VireoError;
import dev.vireo.storage.ImageFormat;
import dev.vireo.storage.ImageInfo;
import dev.vireo.storage.StorageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the daemon reads from overlay headers to merge snapshots safely: each image's backing
 * image, and which images sit on which. Only qcow2 overlays are followed (snapshots make no
 * others); a backing image's format is the one its overlay records, never probed.
 */
final class ImageChains {
    /** How far a walk follows backing images: deeper chains are not vireo's snapshots. */
    private static final int MAX_DEPTH = 64;

    private ImageChains() {
    }

    /** An overlay's backing image (resolved, normalized) and format, or nulls for none. */
    record Layer(Path backing, String backingFormat) {
    }

    static Layer read(Path qcow2) throws VireoError {
        try {
            ImageInfo info = ImageInfo.read(qcow2, ImageFormat.QCOW2);
            return new Layer(info.fullBackingFilename().map(p -> Path.of(p).toAbsolutePath().normalize()).orElse(null),
                    info.backingFormat().orElse(null));
        } catch (StorageException e) {
            throw VireoError.failed("cannot read " + qcow2 + ": " + e.getMessage(), e);
        }
    }

    /** The backing name exactly as {@code qcow2}'s header writes it. */
    static Optional<String> backingName(Path qcow2) throws VireoError {
        try {
            return ImageInfo.read(qcow2, ImageFormat.QCOW2).backingFilename();
        } catch (StorageException e) {
            throw VireoError.failed("cannot read " + qcow2 + ": " + e.getMessage(), e);
        }
    }

    /** {@code base} as {@code image}'s header should name it: relative when it was relative before. */
    static String nameLike(String oldName, Path image, Path base) {
        if (oldName.startsWith("/") || image.getParent() == null) return base.toString();
        return image.toAbsolutePath().getParent().relativize(base.toAbsolutePath()).toString();
    }

    /**
     * Which image each qcow2 image sits on, for {@code starts} and every image below them (a map
     * from image to its backing image, all resolved and normalized); missing files are left out.
     */
    static Map<Path, Path> backingOf(List<Path> starts) throws VireoError {
        Map<Path, Path> links = new LinkedHashMap<>();
        Deque<Path> todo = new ArrayDeque<>();
        for (Path p : starts) todo.add(p.toAbsolutePath().normalize());
        int steps = 0;
        while (!todo.isEmpty() && steps++ < MAX_DEPTH * Math.max(1, starts.size())) {
            Path image = todo.poll();
            if (links.containsKey(image) || !Files.isRegularFile(image) || !isQcow2(image)) continue;
            Layer layer = read(image);
            if (layer.backing() == null) continue;
            links.put(image, layer.backing());
            todo.add(layer.backing());
        }
        return links;
    }

    /** How many entries of a folder {@link #qcow2Beside} looks at. */
    private static final int MAX_FOLDER_ENTRIES = 4096;

    /** The qcow2 images in the folders of {@code images} (bounded), which may sit on one of them. */
    static List<Path> qcow2Beside(List<Path> images) {
        List<Path> out = new java.util.ArrayList<>();
        for (Path dir : images.stream().map(p -> p.toAbsolutePath().getParent()).distinct().toList()) {
            if (dir == null) continue;
            try (var files = Files.list(dir)) {
                files.limit(MAX_FOLDER_ENTRIES).filter(Files::isRegularFile).filter(ImageChains::isQcow2).forEach(out::add);
            } catch (IOException e) {
                // an unreadable folder: the tracked images still count
            }
        }
        return out;
    }

    private static boolean isQcow2(Path image) {
        try (var in = Files.newInputStream(image)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'Q' && magic[1] == 'F' && magic[2] == 'I' && (magic[3] & 0xff) == 0xfb;
        } catch (IOException e) {
            return false;
        }
    }

    static long virtualSize(Path image, String format) throws VireoError {
        try {
            ImageFormat f = ImageFormat.forName(format).orElseThrow(() -> VireoError.unsupported(
                    "the daemon cannot read images of format '" + format + "': " + image));
            ImageInfo info = ImageInfo.read(image, f);
            return info.virtualSize().isPresent() ? info.virtualSize().getAsLong() : Files.size(image);
        } catch (StorageException | IOException e) {
            throw VireoError.failed("cannot read " + image + ": " + e.getMessage(), e);
        }
    }
}
