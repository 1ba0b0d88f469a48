package dev.vireo.storage;

/**
 * Limits for a backing-chain walk.
 *
 * @param maxDepth        the most layers a chain may have, the top included
 * @param allowNetwork    whether a chain may end on a network backing (nbd:, http:, ...) named in
 *                        a local image's header, which QEMU then connects to itself; when false
 *                        (the default: vireod.conf's allow_network_backing = 0) such a chain is
 *                        refused, so an image cannot point QEMU at a local socket or a web host
 */
public record ChainPolicy(int maxDepth, boolean allowNetwork) {

    public static final int DEFAULT_MAX_DEPTH = 64;

    public ChainPolicy {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, got " + maxDepth);
        }
    }

    public static ChainPolicy defaults() {
        return new ChainPolicy(DEFAULT_MAX_DEPTH, false);
    }

    public ChainPolicy withMaxDepth(int depth) {
        return new ChainPolicy(depth, allowNetwork);
    }

    public ChainPolicy withAllowNetwork(boolean allow) {
        return new ChainPolicy(maxDepth, allow);
    }
}
