package dev.vireo.storage;

import dev.vireo.process.FileKind;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Follows backing names from the top image down, enforcing the safety rules of {@link BackingChain#open}. */
final class ChainWalker {

    private final ChainPolicy policy;
    private final List<ChainLayer> layers = new ArrayList<>();
    private final Map<FileIdentity, ChainLayer> seen = new HashMap<>();

    ChainWalker(ChainPolicy policy) {
        this.policy = policy;
    }

    BackingChain walk(Path top, ImageFormat topFormat) throws StorageException {
        Path path = top;
        ImageFormat format = topFormat;
        while (true) {
            ChainLayer layer = inspect(path, format);
            layers.add(layer);
            seen.put(layer.identity(), layer);
            if (!(layer.backing().orElse(null) instanceof BackingTarget.File next)) {
                return new BackingChain(layers);
            }
            if (layers.size() == policy.maxDepth()) {
                throw new ChainDepthException(path, path + ": backing chain is deeper than the limit of "
                        + policy.maxDepth() + " images (" + layers.getFirst().path() + " -> ... -> " + path
                        + " -> '" + next.nameAsWritten() + "')");
            }
            path = next.resolved();
            format = next.format();
        }
    }

    private ChainLayer inspect(Path path, ImageFormat format) throws StorageException {
        FileIdentity identity = identityOf(path);
        ChainLayer earlier = seen.get(identity);
        if (earlier != null) {
            ChainLayer overlay = layers.getLast();
            throw new BackingLoopException(overlay.path(), overlay.path() + ": backing file '"
                    + overlay.backingNameAsWritten().orElseThrow() + "' (" + path + ") is "
                    + (earlier == overlay ? "the image itself" : earlier.path() + ", already layer " + earlier.depth()
                    + " of the chain") + ": backing chain loop");
        }
        refuseUnusableKind(path);
        Path realPath = realPathOf(path);
        ImageHeader header = ImageHeaders.read(path, format);
        NamedFiles.refuseOtherFiles(path, header);
        Optional<BackingTarget> backing = header.backing().isEmpty() ? Optional.empty()
                : Optional.of(target(path, header, header.backing().get()));
        return new ChainLayer(layers.size(), path, realPath, identity, header, AllocatedSize.of(path), backing);
    }

    private FileIdentity identityOf(Path path) throws MissingImageException {
        try {
            return FileIdentity.of(path);
        } catch (NoSuchFileException e) {
            throw new MissingImageException(referrer(path), missing(path, "does not exist"), e);
        } catch (IOException e) {
            throw new MissingImageException(referrer(path), missing(path, "cannot be read: " + e.getMessage()), e);
        }
    }

    /** By stat, before any open: a FIFO would block the open, other kinds are no image. */
    private void refuseUnusableKind(Path path) throws StorageException {
        Optional<FileKind> unusable;
        try {
            unusable = ImageFiles.unusableKind(path);
        } catch (IOException e) {
            throw new MissingImageException(referrer(path), missing(path, "cannot be read: " + e.getMessage()), e);
        }
        if (unusable.isPresent()) {
            String problem = "is " + ImageFiles.refusal(unusable.get());
            throw new UnsupportedImageException(referrer(path), layers.isEmpty()
                    ? "image '" + path + "' " + problem : missing(path, problem));
        }
    }

    private Path realPathOf(Path path) throws MissingImageException {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new MissingImageException(referrer(path), missing(path, "cannot be resolved: " + e.getMessage()), e);
        }
    }

    private Path referrer(Path path) {
        return layers.isEmpty() ? path : layers.getLast().path();
    }

    private String missing(Path path, String problem) {
        if (layers.isEmpty()) {
            return path + ": image " + problem;
        }
        ChainLayer overlay = layers.getLast();
        return overlay.path() + ": backing file '" + overlay.backingNameAsWritten().orElseThrow() + "' (resolved to "
                + path + ", relative to the overlay's directory) " + problem;
    }

    private BackingTarget target(Path overlay, ImageHeader header, BackingReference reference)
            throws StorageException {
        String name = reference.name();
        BackingNames.Target target = BackingNames.interpret(overlay, name);
        if (target instanceof BackingNames.Target.Remote remote && !policy.allowNetwork()) {
            throw new UnsupportedImageException(overlay, "image '" + overlay + "' names network backing '" + name
                    + "' (" + remote.protocol() + ":): QEMU would connect to it itself; a local image may name a "
                    + "network backing only when vireod.conf sets allow_network_backing = 1");
        }
        ImageFormat backingFormat = recordedFormat(overlay, header, reference);
        return switch (target) {
            case BackingNames.Target.LocalFile file -> new BackingTarget.File(name, file.path(), backingFormat);
            case BackingNames.Target.Remote remote ->
                    new BackingTarget.Network(name, remote.protocol(), Optional.of(backingFormat));
        };
    }

    private static ImageFormat recordedFormat(Path overlay, ImageHeader header, BackingReference reference)
            throws StorageException {
        if (reference.formatName().isEmpty()) {
            throw new UnrecordedBackingFormatException(overlay, unrecordedMessage(overlay, header.format(), reference.name()));
        }
        String recorded = reference.formatName().get();
        return ImageFormat.forName(recorded).orElseThrow(() -> new UnsupportedImageException(overlay, overlay
                + ": backing file '" + reference.name() + "' has recorded format '" + recorded
                + "', which is not an image format; allowed: " + ImageFormat.knownNames()));
    }

    private static String unrecordedMessage(Path overlay, ImageFormat overlayFormat, String name) {
        String why = overlay + ": backing file '" + name + "' has no recorded format; the daemon never guesses it "
                + "from the file's content (a guest can write any image header into a raw disk). ";
        if (overlayFormat == ImageFormat.QED) {
            return why + "QED records only a raw backing format: if the backing file is raw, run "
                    + "'qemu-img rebase -u -f qed -F raw -b " + name + " " + overlay + "'; otherwise convert the overlay "
                    + "to qcow2, which records any backing format.";
        }
        return why + "Record it with 'qemu-img rebase -u -f " + overlayFormat.qemuName() + " -F FORMAT -b " + name
                + " " + overlay + "', FORMAT being the backing file's real format (e.g. raw or qcow2).";
    }
}
