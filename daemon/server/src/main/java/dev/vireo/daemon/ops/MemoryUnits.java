package dev.vireo.daemon.ops;

import dev.vireo.conf.model.MemoryAmount;

import java.util.Locale;

/** Converts a {@code <memory unit='...'>} amount to KiB, the unit virsh reports. */
final class MemoryUnits {
    private MemoryUnits() {
    }

    static long kib(MemoryAmount amount) {
        if (amount == null || amount.getValue() == null) return 0;
        long v = amount.getValue();
        String unit = amount.getUnit() == null ? "KiB" : amount.getUnit();
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "b", "bytes" -> v / 1024;
            case "kb" -> v * 1000 / 1024;
            case "mb" -> v * 1_000_000 / 1024;
            case "m", "mib" -> v * 1024;
            case "gb" -> v * 1_000_000_000 / 1024;
            case "g", "gib" -> v * 1024 * 1024;
            case "tb" -> v * 1_000_000_000_000L / 1024;
            case "t", "tib" -> v * 1024 * 1024 * 1024;
            default -> v; // k, KiB
        };
    }
}
