package dev.vireo.command.storage;

import java.util.List;
import java.util.Optional;

/**
 * One disk's storage plan: its images top first, how the chain ends, and the settings every
 * node of the disk shares. Rendered as {@code -blockdev} options at start and as
 * {@code blockdev-add} arguments at run time by {@link BlockdevNodes}, from the same values.
 *
 * @param dev          the guest's name for the disk ({@code vda})
 * @param images       the chain, top first; empty for a drive without a medium
 * @param closed       whether the chain is known to end after the last image: its node is then
 *                     pinned to "no backing", so QEMU never follows a backing name from a header.
 *                     Only a definition that says nothing of the chain leaves it open.
 * @param cache        the cache mode, or null for QEMU's default
 * @param aio          {@code threads}, {@code native}, or null for QEMU's default
 * @param copyOnRead   whether a copy-on-read filter sits on top of the chain
 */
public record DiskStorage(String dev, List<ImageNode> images, boolean closed, NodeCache cache, String aio,
                          boolean copyOnRead) {

    public DiskStorage {
        images = List.copyOf(images);
    }

    public boolean empty() {
        return images.isEmpty();
    }

    /** The top image, if the drive has a medium. */
    public Optional<ImageNode> top() {
        return images.isEmpty() ? Optional.empty() : Optional.of(images.getFirst());
    }

    /** The node the guest device is attached to ({@code drive=}), when the drive has a medium. */
    public Optional<String> frontNode() {
        if (images.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(copyOnRead ? "libvirt-CoR-" + dev : images.getFirst().formatNodeName());
    }

    /** The image with this index, if it is in the chain. */
    public Optional<ImageNode> image(int index) {
        return images.stream().filter(i -> i.index() == index).findFirst();
    }
}
