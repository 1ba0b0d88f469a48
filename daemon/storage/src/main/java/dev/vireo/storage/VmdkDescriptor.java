package dev.vireo.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text descriptor of a VMDK image: {@code key=value} lines (CID, parentCID, createType, ...)
 * and extent lines such as {@code RW 131072 SPARSE "disk.vmdk"}. The parent name is not taken
 * from here but found as QEMU finds it ({@link VmdkReader}).
 */
record VmdkDescriptor(Map<String, String> entries, List<VmdkExtent> extents) {

    /** Content id a descriptor uses to say "no parent". */
    static final long NO_PARENT_CID = 0xffffffffL;

    private static final Pattern EXTENT =
            Pattern.compile("(RW|RDONLY|NOACCESS)\\s+(\\d+)\\s+([A-Z]+)(?:\\s+\"([^\"]*)\")?(?:\\s+(\\d+))?\\s*");
    private static final Pattern ENTRY = Pattern.compile("([A-Za-z][A-Za-z0-9_.]*)\\s*=\\s*(.*?)\\s*");

    static VmdkDescriptor parse(Path path, String text) throws ImageHeaderException {
        Map<String, String> entries = new HashMap<>();
        List<VmdkExtent> extents = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher extent = EXTENT.matcher(line);
            Matcher entry = ENTRY.matcher(line);
            if (extent.matches()) {
                String file = extent.group(4) == null ? "" : extent.group(4);
                extents.add(new VmdkExtent(extent.group(1), Long.parseLong(extent.group(2)), extent.group(3), file));
            } else if (entry.matches()) {
                entries.put(entry.group(1), unquote(entry.group(2)));
            } else if (line.startsWith("RW") || line.startsWith("RDONLY") || line.startsWith("NOACCESS")) {
                throw invalid(path, "descriptor line " + (i + 1),
                        "malformed extent '" + line + "'; expected ACCESS SECTORS TYPE \"FILE\" [OFFSET]");
            }
        }
        if (!entries.containsKey("createType")) {
            throw invalid(path, "descriptor createType", "missing");
        }
        if (extents.isEmpty()) {
            throw invalid(path, "descriptor extents", "the descriptor lists no extent");
        }
        return new VmdkDescriptor(Map.copyOf(entries), List.copyOf(extents));
    }

    String createType() {
        return entries.get("createType");
    }

    long cid(Path path) throws ImageHeaderException {
        return hexField(path, "CID", 0);
    }

    long parentCid(Path path) throws ImageHeaderException {
        return hexField(path, "parentCID", NO_PARENT_CID);
    }

    long totalSectors() {
        return extents.stream().mapToLong(VmdkExtent::sectors).sum();
    }

    private long hexField(Path path, String key, long absent) throws ImageHeaderException {
        String value = entries.get(key);
        if (value == null) {
            return absent;
        }
        try {
            return Long.parseLong(value, 16);
        } catch (NumberFormatException e) {
            throw invalid(path, "descriptor " + key, "'" + value + "' is not a hexadecimal number");
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static ImageHeaderException invalid(Path path, String field, String problem) {
        return new ImageHeaderException(path, ImageFormat.VMDK, field, problem);
    }
}
