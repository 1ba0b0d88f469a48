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
 * @param discard      {@code unmap} or {@code ignore} for the guest's discard requests on the top
 *                     image, or null for QEMU's default
 * @param detectZeroes {@code off}, {@code on} or {@code unmap} on the top image, or null
 */
public record DiskStorage(String dev, List<ImageNode> images, boolean closed, NodeCache cache, String aio,
                          boolean copyOnRead, String discard, String detectZeroes) {

    public DiskStorage {
        images = List.copyOf(images);
    }

    /** A disk without discard or zero detection settings. */
    public DiskStorage(String dev, List<ImageNode> images, boolean closed, NodeCache cache, String aio, boolean copyOnRead) {
        this(dev, images, closed, cache, aio, copyOnRead, null, null);
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
