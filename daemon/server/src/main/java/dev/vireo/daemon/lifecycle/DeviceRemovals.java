package dev.vireo.daemon.lifecycle;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The guest devices an operation waits to see released ({@code DEVICE_DELETED}): {@code device_del}
 * only asks the guest, which may take its time or never answer. Whoever waits registers the id
 * before sending {@code device_del}, so an event that arrives at once is not missed.
 */
final class DeviceRemovals {
    private final Map<String, CompletableFuture<Void>> awaited = new ConcurrentHashMap<>();

    /** A future completed when QEMU reports the device with this id deleted. */
    CompletableFuture<Void> expect(String id) {
        return awaited.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    /** Stops waiting for it (the caller gave up or is done). */
    void forget(String id) {
        awaited.remove(id);
    }

    /** QEMU's {@code DEVICE_DELETED} for a device with an id. */
    void deleted(String id) {
        if (id == null) return;
        CompletableFuture<Void> f = awaited.remove(id);
        if (f != null) f.complete(null);
    }
}
