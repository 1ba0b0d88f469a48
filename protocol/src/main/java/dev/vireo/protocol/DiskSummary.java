package dev.vireo.protocol;

import java.util.List;

/**
 * One row of {@code domblklist}: the guest's target name and the host source (or null: empty
 * drive); for a running domain, the images below the source as the daemon opened them, top down
 * (empty for an inactive domain or a disk without backing file).
 */
public record DiskSummary(String target, String source, String type, String device, List<BackingLayer> backingChain) {
    public DiskSummary {
        backingChain = List.copyOf(backingChain);
    }
}
