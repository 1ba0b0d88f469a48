package dev.vireo.client;

/** One row of {@code domblklist}: the guest's target name and the host source (or null: empty drive). */
public record DiskSummary(String target, String source, String type, String device) {
}
