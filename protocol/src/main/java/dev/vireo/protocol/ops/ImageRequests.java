package dev.vireo.protocol.ops;

/** Images read by the daemon's own readers. */
public interface ImageRequests {

    /**
     * qemu-img style image objects for an image, or with {@code backingChain} its whole chain.
     *
     * @param format the top image's format; detected from its content when null
     */
    record ImageInfo(String path, @Nullable String format, boolean backingChain) implements Request {
        @Override public String op() { return "image-info"; }
    }
}
