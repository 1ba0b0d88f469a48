package dev.vireo.protocol;

/**
 * One image below a running disk's own source, from its live {@code <backingStore>}: {@code index}
 * 1 is the disk's backing file, 2 that file's backing file, ... (the {@code vda[1]} notation).
 */
public record BackingLayer(int index, String type, String format, String source) {
}
