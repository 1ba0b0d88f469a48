package dev.vireo.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A disk's backing chain as read from the image headers, top first. Building one reads headers
 * only; opening the files for QEMU is a separate step ({@link #accessPlan}; the daemon's fd opener).
 */
public final class BackingChain {

    private final List<ChainLayer> layers;

    BackingChain(List<ChainLayer> layers) {
        this.layers = List.copyOf(layers);
    }

    /**
     * Walks the chain below {@code top}.
     *
     * @param topFormat the format the domain declares ({@code <driver type=>}); the top image's
     *                  format is never detected
     * @throws StorageException for a missing layer, an unrecorded backing format, a loop, a
     *                          chain deeper than the policy allows, or a malformed header
     */
    public static BackingChain open(Path top, ImageFormat topFormat, ChainPolicy policy) throws StorageException {
        return new ChainWalker(policy).walk(top, topFormat);
    }

    public List<ChainLayer> layers() {
        return layers;
    }

    public ChainLayer top() {
        return layers.getFirst();
    }

    /** The last local layer. */
    public ChainLayer base() {
        return layers.getLast();
    }

    /** The network image the chain ends on, if its last local layer names one. */
    public Optional<BackingTarget.Network> networkBacking() {
        return base().backing().filter(BackingTarget.Network.class::isInstance).map(BackingTarget.Network.class::cast);
    }

    /**
     * How each layer must be opened: the top read-write unless {@code readOnlyTop}, every backing
     * layer read-only.
     */
    public List<LayerAccess> accessPlan(boolean readOnlyTop) {
        List<LayerAccess> plan = new ArrayList<>(layers.size());
        for (ChainLayer layer : layers) {
            boolean writable = layer.depth() == 0 && !readOnlyTop;
            plan.add(new LayerAccess(layer, writable ? AccessMode.READ_WRITE : AccessMode.READ_ONLY));
        }
        return List.copyOf(plan);
    }
}
