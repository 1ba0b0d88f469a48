package dev.vireo.caps;

import static dev.vireo.caps.Capability.*;

import java.util.EnumSet;

/**
 * Derives libvirt's capability flags from an emulator's {@code -help} output, with the rules of
 * libvirt 0.10's help-text probing (the {@code -drive}-era QEMU driver).
 *
 * <p>Three kinds of rules:
 * <ul>
 *   <li>an option is listed ({@code -device} gives {@code device}, {@code -no-acpi} gives {@code no-acpi});
 *   <li>an option lists a sub-option ({@code -drive ... aio=threads|native} gives {@code drive-aio});
 *   <li>the version implies a feature the help never advertised ({@code 0.10}, {@code rombar},
 *       {@code cpu-host}, the migration transports, the JSON monitor, ...) or makes one unusable
 *       ({@code -netdev} is ignored before 0.13, {@code -no-shutdown} in 0.14.x and 0.15.0).
 * </ul>
 * Vireo understands the JSON monitor, so {@code monitor-json} follows libvirt built with JSON
 * support: from QEMU 0.13, or 0.12 builds whose help mentions libvirt (RHEL back-ports, which also
 * brought a usable {@code -netdev}).
 */
public final class HelpParser {

    private HelpParser() {
    }

    /** @throws IllegalArgumentException when the first line carries no version (the message quotes it) */
    public static HelpCaps parse(String help) {
        HelpText text = HelpText.of(help);
        EmulatorVersion version = EmulatorVersion.parse(text.firstLine());
        EnumSet<Capability> flags = EnumSet.noneOf(Capability.class);
        optionFlags(text, flags);
        driveFlags(text, flags);
        displayFlags(text, flags);
        versionFlags(text, version, flags);
        return new HelpCaps(version, flags, deviceQuery(text, flags));
    }

    private static void optionFlags(HelpText t, EnumSet<Capability> f) {
        set(f, KQEMU, t.hasOption("-no-kqemu"));
        set(f, ENABLE_KQEMU, t.hasOption("-enable-kqemu"));
        set(f, KVM, t.hasOption("-no-kvm"));
        set(f, ENABLE_KVM, t.hasOption("-enable-kvm"));
        set(f, NO_REBOOT, t.hasOption("-no-reboot"));
        set(f, NAME, t.hasOption("-name"));
        set(f, NAME_PROCESS, t.optionMentions("-name", "process="));
        set(f, UUID, t.hasOption("-uuid"));
        // the Xen flavour of -domid supersedes the plain one
        set(f, XEN_DOMID, t.hasOption("-xen-domid"));
        set(f, DOMID, !t.hasOption("-xen-domid") && t.hasOption("-domid"));
        set(f, PCI_DEVICE, t.hasOption("-pcidevice"));
        set(f, MEM_PATH, t.hasOption("-mem-path"));
        set(f, CHARDEV, t.hasOption("-chardev"));
        set(f, CHARDEV_SPICEVMC, t.optionMentions("-chardev", "-chardev spicevmc"));
        set(f, BALLOON, t.hasOption("-balloon"));
        if (t.hasOption("-device")) {
            f.add(DEVICE);
            // -drive readonly= predates -device but was not advertised until later
            f.add(DRIVE_READONLY);
        }
        set(f, NODEFCONFIG, t.hasOption("-nodefconfig"));
        set(f, NO_USER_CONFIG, t.hasOption("-no-user-config"));
        set(f, RTC, t.hasOption("-rtc"));
        set(f, RTC_TD_HACK, t.hasOption("-rtc-td-hack"));
        set(f, NO_HPET, t.hasOption("-no-hpet"));
        set(f, NO_ACPI, t.hasOption("-no-acpi"));
        set(f, NO_KVM_PIT, t.hasOption("-no-kvm-pit-reinjection"));
        set(f, TDF, t.hasOption("-tdf"));
        set(f, NESTING, t.hasOption("-enable-nesting"));
        set(f, BOOT_MENU, t.optionMentions("-boot", "menu=on"));
        set(f, REBOOT_TIMEOUT, t.optionMentions("-boot", "reboot-timeout="));
        if (t.hasOption("-fsdev")) {
            f.add(FSDEV);
            set(f, FSDEV_READONLY, t.optionMentions("-fsdev", "readonly"));
            set(f, FSDEV_WRITEOUT, t.optionMentions("-fsdev", "writeout"));
        }
        set(f, SMBIOS_TYPE, t.optionMentions("-smbios", "-smbios type"));
        set(f, SECCOMP_SANDBOX, t.hasOption("-sandbox"));
        set(f, SDL, t.hasOption("-sdl"));
        String smp = t.block("-smp");
        set(f, SMP_TOPOLOGY, smp.contains("cores=") && smp.contains("threads=") && smp.contains("sockets="));
        set(f, VHOST_NET, t.mentions(",vhost="));
        set(f, DUMP_GUEST_CORE, t.mentions("dump-guest-core=on|off"));
    }

    /** Sub-options of {@code -drive}; the cache modes are read from the {@code cache=} list only. */
    private static void driveFlags(HelpText t, EnumSet<Capability> f) {
        if (!t.hasOption("-drive")) return;
        f.add(DRIVE);
        String drive = t.block("-drive");
        int cacheAt = drive.indexOf("cache=");
        int cacheEnd = cacheAt < 0 ? -1 : drive.indexOf(']', cacheAt);
        if (cacheEnd >= 0) {
            String modes = drive.substring(cacheAt, cacheEnd);
            // cache=on|off is the old boolean spelling; anything else lists the v2 modes
            set(f, DRIVE_CACHE_V2, !modes.contains("on|off"));
            set(f, CACHE_DIRECTSYNC, modes.contains("directsync"));
            set(f, CACHE_UNSAFE, modes.contains("unsafe"));
        }
        set(f, DRIVE_FORMAT, drive.contains("format="));
        set(f, DRIVE_READONLY, drive.contains("readonly="));
        set(f, DRIVE_AIO, drive.contains("aio=threads|native"));
        set(f, DRIVE_COPY_ON_READ, drive.contains("copy-on-read=on|off"));
        set(f, DRIVE_IOTUNE, drive.contains("bps="));
        set(f, DRIVE_BOOT, drive.contains("boot=on"));
        set(f, DRIVE_SERIAL, drive.contains("serial=s"));
    }

    private static void displayFlags(HelpText t, EnumSet<Capability> f) {
        // QEMU with -std-vga has an older, different -vga
        if (t.hasOption("-vga") && !t.hasOption("-std-vga")) {
            f.add(VGA);
            String vga = t.block("-vga");
            set(f, VGA_QXL, vga.contains("|qxl"));
            set(f, VGA_NONE, vga.contains("|none"));
        }
        set(f, SPICE, t.hasOption("-spice"));
        set(f, SEAMLESS_MIGRATION, t.mentions("seamless-migration="));
    }

    private static void versionFlags(HelpText t, EmulatorVersion v, EnumSet<Capability> f) {
        int version = v.version();
        set(f, VNC_COLON, version >= 9000);
        set(f, VNET_HDR, v.kvm() && (version >= 10000 || v.kvmVersion() >= 74));
        // -netdev exists in 0.12 but its monitor counterparts (netdev_add/del) do not, so hotplug would fail
        if (version >= 13000 && t.hasOption("-netdev")) {
            f.add(NETDEV);
            set(f, BRIDGE, t.optionMentions("-netdev", "bridge"));
        }
        // SIGTERM handling with -no-shutdown is broken in 0.14.x and 0.15.0
        set(f, NO_SHUTDOWN, t.hasOption("-no-shutdown") && (version < 14000 || version > 15000));
        // -incoming: tcp/exec since 0.10 (kvm-79/80 before), unix/fd since 0.12, stdio for older kvm
        if (version >= 10000) {
            f.add(MIGRATE_QEMU_TCP);
            f.add(MIGRATE_QEMU_EXEC);
            set(f, MIGRATE_QEMU_UNIX, version >= 12000);
            set(f, MIGRATE_QEMU_FD, version >= 12000);
        } else if (v.kvmVersion() >= 79) {
            f.add(MIGRATE_QEMU_TCP);
            set(f, MIGRATE_QEMU_EXEC, v.kvmVersion() >= 80);
        } else if (v.kvmVersion() > 0) {
            f.add(MIGRATE_KVM_STDIO);
        }
        set(f, QEMU_0_10, version >= 10000);
        set(f, BLK_SG_IO, version >= 11000);
        set(f, CPU_HOST, version >= 11000);
        // the JSON monitor is usable from 0.13, and in 0.12 builds back-ported for libvirt (RHEL)
        if (version >= 13000) {
            f.add(MONITOR_JSON);
        } else if (version >= 12000 && t.mentions("libvirt")) {
            f.add(MONITOR_JSON);
            f.add(NETDEV);
            // those builds got IPv6 migration before dump-guest-core, so the latter proves the former
            set(f, IPV6_MIGRATION, f.contains(DUMP_GUEST_CORE));
        }
        set(f, PCI_MULTIFUNCTION, version >= 13000);
        // rombar works since 0.12 although -device pci-assign,? advertised it much later
        set(f, ROMBAR, version >= 12000);
        set(f, IPV6_MIGRATION, version >= 1001000);
        set(f, VNC_SHARE_POLICY, version >= 1001000);
        set(f, DEVICE_VIDEO_PRIMARY, version >= 1002000);
        // -blockdev is listed from QEMU 2.9, but named nodes over fd-passed files (auto-read-only,
        // blockdev-reopen, backing: null everywhere) work from 4.2, where libvirt switches too
        set(f, BLOCKDEV, version >= 4002000 && t.hasOption("-blockdev"));
    }

    /** The help says whether device properties can be listed; QEMU 0.12's -device can only list models. */
    private static DeviceQuery deviceQuery(HelpText t, EnumSet<Capability> f) {
        if (!f.contains(DEVICE)) return DeviceQuery.NONE;
        String device = t.block("-device");
        if (device.contains("driver,help")) return DeviceQuery.HELP;
        if (device.contains("driver,?")) return DeviceQuery.QUESTION_MARK;
        return DeviceQuery.LIST_ONLY;
    }

    private static void set(EnumSet<Capability> flags, Capability flag, boolean on) {
        if (on) flags.add(flag);
    }
}
