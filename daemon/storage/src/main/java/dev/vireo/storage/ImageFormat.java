package dev.vireo.storage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Disk image formats, named as QEMU names them (the {@code <driver type=>} value and the
 * {@code -F}/{@code backing_fmt} value). Whether a format can have a backing file matters for the
 * chain walk: a format that cannot is always the last layer.
 */
public enum ImageFormat {
    RAW("raw", false),
    QCOW2("qcow2", true),
    QED("qed", true),
    VMDK("vmdk", true),
    QCOW("qcow", true),
    VDI("vdi", false),
    VHDX("vhdx", false),
    VPC("vpc", false),
    CLOOP("cloop", false),
    DMG("dmg", false),
    LUKS("luks", false),
    BOCHS("bochs", false),
    PARALLELS("parallels", false);

    private final String qemuName;
    private final boolean canHaveBacking;

    ImageFormat(String qemuName, boolean canHaveBacking) {
        this.qemuName = qemuName;
        this.canHaveBacking = canHaveBacking;
    }

    public String qemuName() {
        return qemuName;
    }

    /** False for formats QEMU gives no backing file support; such an image ends the chain. */
    public boolean canHaveBacking() {
        return canHaveBacking;
    }

    /** The format QEMU calls {@code name} (case-insensitive), if it is one of ours. */
    public static Optional<ImageFormat> forName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.qemuName.equals(wanted)).findFirst();
    }

    /** Like {@link #forName} but refuses an unknown name, listing the known ones. */
    public static ImageFormat parse(String name) {
        return forName(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown image format '" + name + "'; known formats: " + knownNames()));
    }

    public static String knownNames() {
        return Arrays.stream(values()).map(ImageFormat::qemuName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return qemuName;
    }
}
