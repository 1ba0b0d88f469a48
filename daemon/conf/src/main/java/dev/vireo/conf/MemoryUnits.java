package dev.vireo.conf;

import java.util.Locale;

/**
 * Memory sizes with libvirt's units: {@code b}/{@code bytes}, decimal {@code KB MB GB TB PB EB},
 * binary {@code k KiB M MiB G GiB T TiB P PiB E EiB}; no unit means KiB. Results are KiB, rounded up.
 */
public final class MemoryUnits {
    /** Every unit spelling accepted, for error messages. */
    public static final String ALLOWED = "b, bytes, KB, k, KiB, MB, M, MiB, GB, G, GiB, TB, T, TiB, PB, P, PiB, EB, E, EiB";

    private MemoryUnits() {
    }

    /** {@code value} {@code unit} in KiB; the exception names the bad unit or an overflow. */
    public static long toKiB(long value, String unit) {
        long bytesPerUnit = bytesPer(unit == null ? "KiB" : unit.strip());
        long bytes;
        try {
            bytes = Math.multiplyExact(value, bytesPerUnit);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(value + " " + unit + " is too large");
        }
        return bytes / 1024 + (bytes % 1024 == 0 ? 0 : 1);
    }

    private static long bytesPer(String unit) {
        if (unit.isEmpty()) return 1024;
        if (unit.equals("b") || unit.equals("bytes")) return 1;
        String u = unit.toLowerCase(Locale.ROOT);
        int power = switch (u.charAt(0)) {
            case 'k' -> 1;
            case 'm' -> 2;
            case 'g' -> 3;
            case 't' -> 4;
            case 'p' -> 5;
            case 'e' -> 6;
            default -> throw unknown(unit);
        };
        String rest = u.substring(1);
        long base;
        if (rest.isEmpty() || rest.equals("ib")) base = 1024;
        else if (rest.equals("b")) base = 1000;
        else throw unknown(unit);
        long n = 1;
        for (int i = 0; i < power; i++) n *= base;
        return n;
    }

    private static IllegalArgumentException unknown(String unit) {
        return new IllegalArgumentException("unknown unit '" + unit + "'; allowed: " + ALLOWED);
    }
}
