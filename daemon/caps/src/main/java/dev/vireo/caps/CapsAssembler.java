package dev.vireo.caps;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.regex.Pattern;

/**
 * Puts the parts of a probe together: the help text's flags, the flags the device listing reveals, and
 * {@code pci-multibus}; for a binary probed over QMP also the flags and details only QMP tells.
 *
 * <p>{@code pci-multibus} depends on the guest architecture, not on any text: it is set for binaries
 * named {@code qemu-system-x86_64} or {@code qemu-system-i386}, the PC targets whose PCI bus is
 * called {@code pci.0}. Other names (a plain {@code qemu}, {@code qemu-kvm}) do not get it, since
 * Vireo does not guess the target from the host.
 */
public final class CapsAssembler {

    private static final Pattern PC_TARGET = Pattern.compile("qemu-system-(x86_64|i386)");

    private CapsAssembler() {
    }

    /**
     * @param emulator the binary's path as it is to be reported
     * @param devices  the device listing, or {@code null} when the help shows none ({@link DeviceQuery#NONE})
     */
    public static QemuCaps assemble(String emulator, HelpCaps help, DeviceCatalog devices) {
        EnumSet<Capability> flags = helpAndDeviceFlags(emulator, help, devices);
        EmulatorVersion v = help.version();
        return new QemuCaps(emulator, v.version(), v.kvmVersion(), v.kvm(), flags);
    }

    /**
     * A modern binary: the help's flags, the device rules applied to the catalog QMP gave, the flags
     * only QMP tells, and the details. The version is the help's (the contract's source), which
     * {@code query-version} must agree with.
     */
    public static QemuCaps assemble(String emulator, HelpCaps help, QmpCapsParser.Result qmp, EmulatorDetails details) {
        EnumSet<Capability> flags = helpAndDeviceFlags(emulator, help, qmp.devices());
        flags.addAll(qmp.flags());
        EmulatorVersion v = help.version();
        return new QemuCaps(emulator, v.version(), v.kvmVersion(), v.kvm(), flags, details);
    }

    private static EnumSet<Capability> helpAndDeviceFlags(String emulator, HelpCaps help, DeviceCatalog devices) {
        EnumSet<Capability> flags = EnumSet.copyOf(help.flags());
        if (devices != null) flags.addAll(DeviceRules.derive(devices, help.flags()));
        Path name = Path.of(emulator).getFileName();
        if (name != null && PC_TARGET.matcher(name.toString()).matches()) flags.add(Capability.PCI_MULTIBUS);
        return flags;
    }

    /** Capabilities from recorded texts (fixtures, tests): the device text is read when the help has {@code -device}. */
    public static QemuCaps fromTexts(String emulator, String helpText, String deviceText) {
        HelpCaps help = HelpParser.parse(helpText);
        boolean listed = help.deviceQuery() != DeviceQuery.NONE && deviceText != null;
        return assemble(emulator, help, listed ? DeviceListParser.parse(deviceText) : null);
    }
}
