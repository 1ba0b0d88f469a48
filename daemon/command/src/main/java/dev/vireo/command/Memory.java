package dev.vireo.command;

import dev.vireo.conf.model.MemoryAmount;

/** Memory amounts of the domain XML in KiB, whatever unit they were written in. */
final class Memory {

    private Memory() {
    }

    static long kib(MemoryAmount amount) throws UnsupportedConfigurationException {
        if (amount == null || amount.getValue() == null) {
            return 0;
        }
        long value = amount.getValue();
        String unit = amount.getUnit() == null ? "KiB" : amount.getUnit();
        double bytesPerUnit = switch (unit) {
            case "b", "bytes" -> 1;
            case "KB" -> 1000;
            case "k", "K", "KiB" -> 1024;
            case "MB" -> 1e6;
            case "M", "MiB" -> 1024.0 * 1024;
            case "GB" -> 1e9;
            case "G", "GiB" -> 1024.0 * 1024 * 1024;
            case "TB" -> 1e12;
            case "T", "TiB" -> 1024.0 * 1024 * 1024 * 1024;
            default -> throw new UnsupportedConfigurationException("memory unit '" + unit
                    + "' is unknown; allowed: b, bytes, KB, k, KiB, MB, M, MiB, GB, G, GiB, TB, T, TiB");
        };
        return (long) Math.ceil(value * bytesPerUnit / 1024);
    }

    /** KiB to MiB, rounding up as libvirt does for {@code -m}. */
    static long mibRoundedUp(long kib) {
        return (kib + 1023) / 1024;
    }
}
