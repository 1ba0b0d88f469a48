package dev.vireo.conf;

/** Disk target names ({@code hda}, {@code sdab}, {@code vdc}) and the index their letters encode. */
public final class DiskNames {
    private static final String[] PREFIXES = {"fd", "hd", "vd", "sd", "xvd", "ubd"};

    private DiskNames() {
    }

    /**
     * The index of a target name as libvirt counts it: {@code a}=0 ... {@code z}=25, {@code aa}=26;
     * -1 when the name is not a known prefix followed by lowercase letters.
     */
    public static int index(String name) {
        if (name == null) return -1;
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) return letters(name.substring(prefix.length()));
        }
        return -1;
    }

    private static int letters(String s) {
        if (s.isEmpty()) return -1;
        int idx = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'a' || c > 'z') return -1;
            idx = (idx + (i == 0 ? 0 : 1)) * 26 + (c - 'a');
            if (idx < 0) return -1;
        }
        return idx;
    }
}
