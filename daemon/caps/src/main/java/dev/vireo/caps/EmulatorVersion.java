package dev.vireo.caps;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version facts of an emulator's first {@code -help} line.
 *
 * <p>Accepted forms (the ones libvirt's QEMU driver accepts): {@code QEMU emulator version X.Y[.Z]} and
 * {@code QEMU PC emulator version X.Y[.Z]}, optionally followed by a parenthesised build tag. A tag
 * starting with {@code qemu-kvm-} marks a KVM build; {@code kvm-NN} marks an old KVM build and gives
 * its release number. Any other tag (a distribution's package version such as
 * {@code (Debian 1:7.2+dfsg-7)}) is ignored.
 *
 * @param version    {@code major*1000000 + minor*1000 + micro}
 * @param kvm        a qemu-kvm / kvm build
 * @param kvmVersion NN of an old {@code (kvm-NN)} tag, else 0
 */
public record EmulatorVersion(int version, boolean kvm, int kvmVersion) {

    private static final Pattern LINE = Pattern.compile(
            "^QEMU (?:PC )?emulator version[ \\t]*(\\d+)\\.(\\d+)(?:\\.(\\d+))?[ \\t]*(?:\\((qemu-kvm-|kvm-(\\d+)))?");

    /** @throws IllegalArgumentException naming the line and the accepted forms */
    public static EmulatorVersion parse(String firstLine) {
        Matcher m = LINE.matcher(firstLine);
        if (!m.find()) {
            throw new IllegalArgumentException("cannot parse the version in '" + firstLine
                    + "': expected 'QEMU emulator version X.Y[.Z]' or 'QEMU PC emulator version X.Y[.Z]'");
        }
        try {
            int major = Integer.parseInt(m.group(1));
            int minor = Integer.parseInt(m.group(2));
            int micro = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (minor > 999 || micro > 999) {
                throw new IllegalArgumentException("cannot parse the version in '" + firstLine
                        + "': minor and micro numbers above 999 do not fit major*1000000+minor*1000+micro");
            }
            boolean kvm = m.group(4) != null;
            int kvmVersion = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            return new EmulatorVersion(Math.addExact(Math.multiplyExact(major, 1_000_000), minor * 1000 + micro),
                    kvm, kvmVersion);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("cannot parse the version in '" + firstLine + "': number too large", e);
        }
    }
}
