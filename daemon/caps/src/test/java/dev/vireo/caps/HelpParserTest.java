package dev.vireo.caps;

import static dev.vireo.caps.Capability.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rules one at a time, on small help texts written for the purpose. */
class HelpParserTest {

    private static HelpCaps parse(String versionLine, String... optionLines) {
        return HelpParser.parse(versionLine + "\nusage: qemu [options] [disk_image]\n\n"
                + String.join("\n", optionLines) + "\n");
    }

    @Test
    void readsPlainVersions() {
        assertEquals(new EmulatorVersion(1002000, false, 0),
                parse("QEMU emulator version 1.2.0, Copyright (c) 2003-2008 Fabrice Bellard").version());
        assertEquals(new EmulatorVersion(12001, false, 0),
                parse("QEMU PC emulator version 0.12.1, Copyright (c) 2003-2008 Fabrice Bellard").version());
        assertEquals(new EmulatorVersion(13000, false, 0), parse("QEMU emulator version 0.13, Copyright").version());
    }

    @Test
    void ignoresDistributionSuffixes() {
        assertEquals(new EmulatorVersion(7002022, false, 0),
                parse("QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)").version());
        assertEquals(new EmulatorVersion(2011001, false, 0),
                parse("QEMU emulator version 2.11.1(Debian 1:2.11+dfsg-1ubuntu7.41)").version());
    }

    @Test
    void recognisesKvmBuilds() {
        assertEquals(new EmulatorVersion(12001, true, 0),
                parse("QEMU PC emulator version 0.12.1 (qemu-kvm-0.12.1.2), Copyright (c) 2003-2008").version());
        assertEquals(new EmulatorVersion(9001, true, 85),
                parse("QEMU PC emulator version 0.9.1 (kvm-85), Copyright (c) 2003-2008 Fabrice Bellard").version());
        assertEquals(new EmulatorVersion(10092, true, 0),
                parse("QEMU PC emulator version 0.10.92 (qemu-kvm-devel-88), Copyright").version());
    }

    @Test
    void refusesAFirstLineWithoutVersionAndQuotesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HelpParser.parse("Usage: frobnicate [options]\n-help\n"));
        assertTrue(e.getMessage().contains("'Usage: frobnicate [options]'"), e.getMessage());
        assertTrue(e.getMessage().contains("QEMU emulator version X.Y[.Z]"), e.getMessage());
    }

    @Test
    void oldBooleanCacheIsNotCacheV2() {
        HelpCaps old = parse("QEMU PC emulator version 0.9.1, Copyright",
                "-drive [file=file][,if=type][index=i]",
                "       [snapshot=on|off]       [,cache=on|off]",
                "                use 'file' as a drive image");
        assertTrue(old.flags().contains(DRIVE));
        assertFalse(old.flags().contains(DRIVE_CACHE_V2));

        HelpCaps v2 = parse("QEMU emulator version 1.1.0, Copyright",
                "-drive [file=file][,if=type]",
                "       [,cache=writethrough|writeback|none|directsync|unsafe][,format=f]",
                "       [,aio=threads|native][,readonly=on|off][,copy-on-read=on|off]");
        assertTrue(v2.flags().containsAll(java.util.EnumSet.of(DRIVE_CACHE_V2, CACHE_DIRECTSYNC, CACHE_UNSAFE,
                DRIVE_FORMAT, DRIVE_AIO, DRIVE_READONLY, DRIVE_COPY_ON_READ)), v2.flags().toString());
    }

    @Test
    void subOptionsCountOnlyInsideTheirOwnOption() {
        // QEMU 7.2 has no -drive serial=, but -smbios lists serial=str; -no-kvm-pit-reinjection is not -no-kvm
        HelpCaps h = parse("QEMU emulator version 7.2.0",
                "-drive [file=file][,cache=writethrough|writeback|none]",
                "-smbios type=1[,manufacturer=str][,serial=str]",
                "-no-kvm-pit-reinjection",
                "                disable KVM kernel mode PIT interrupt reinjection",
                "-rtc-td-hack    use it to fix time drift in Windows ACPI HAL",
                "-net tap[,vlan=n]",
                "                (use the -netdev option if possible instead)");
        assertFalse(h.flags().contains(DRIVE_SERIAL));
        assertTrue(h.flags().contains(SMBIOS_TYPE));
        assertTrue(h.flags().contains(NO_KVM_PIT));
        assertFalse(h.flags().contains(KVM));
        assertTrue(h.flags().contains(RTC_TD_HACK));
        assertFalse(h.flags().contains(RTC));
        assertFalse(h.flags().contains(NETDEV));
    }

    @Test
    void netdevNeedsQemu013() {
        assertFalse(parse("QEMU PC emulator version 0.12.5", "-netdev user,id=str").flags().contains(NETDEV));
        assertTrue(parse("QEMU emulator version 0.13.0", "-netdev user,id=str").flags().contains(NETDEV));
    }

    @Test
    void libvirtBackportsGiveJsonMonitorAndNetdevTo012() {
        HelpCaps rhel = parse("QEMU PC emulator version 0.12.1 (qemu-kvm-0.12.1.2)",
                "WARNING: Only use via libvirt.", "-netdev user,id=str");
        assertTrue(rhel.flags().containsAll(java.util.EnumSet.of(MONITOR_JSON, NETDEV)));
        assertFalse(parse("QEMU PC emulator version 0.12.1").flags().contains(MONITOR_JSON));
        assertTrue(parse("QEMU emulator version 0.13.0").flags().contains(MONITOR_JSON));
    }

    @Test
    void noShutdownIsWithheldFromTheReleasesWithBrokenSigterm() {
        String option = "-no-shutdown    stop before shutdown";
        assertTrue(parse("QEMU emulator version 0.13.0", option).flags().contains(NO_SHUTDOWN));
        assertFalse(parse("QEMU emulator version 0.14.1", option).flags().contains(NO_SHUTDOWN));
        assertFalse(parse("QEMU emulator version 0.15.0", option).flags().contains(NO_SHUTDOWN));
        assertTrue(parse("QEMU emulator version 0.15.1", option).flags().contains(NO_SHUTDOWN));
    }

    @Test
    void migrationTransportsFollowQemuOrKvmVersions() {
        assertTrue(parse("QEMU PC emulator version 0.9.1 (kvm-79)").flags().contains(MIGRATE_QEMU_TCP));
        assertFalse(parse("QEMU PC emulator version 0.9.1 (kvm-79)").flags().contains(MIGRATE_QEMU_EXEC));
        assertTrue(parse("QEMU PC emulator version 0.9.1 (kvm-70)").flags().contains(MIGRATE_KVM_STDIO));
        HelpCaps q012 = parse("QEMU PC emulator version 0.12.0");
        assertTrue(q012.flags().containsAll(java.util.EnumSet.of(MIGRATE_QEMU_TCP, MIGRATE_QEMU_EXEC,
                MIGRATE_QEMU_UNIX, MIGRATE_QEMU_FD)));
    }

    @Test
    void vnetHdrNeedsAKvmBuild() {
        assertTrue(parse("QEMU PC emulator version 0.9.1 (kvm-74)").flags().contains(VNET_HDR));
        assertFalse(parse("QEMU PC emulator version 0.9.1 (kvm-73)").flags().contains(VNET_HDR));
        assertFalse(parse("QEMU emulator version 1.0.0").flags().contains(VNET_HDR));
    }

    @Test
    void xenDomidSupersedesDomid() {
        HelpCaps both = parse("QEMU emulator version 0.12.0", "-xen-domid id   specify xen guest domain id",
                "-domid id");
        assertTrue(both.flags().contains(XEN_DOMID));
        assertFalse(both.flags().contains(DOMID));
        assertTrue(parse("QEMU emulator version 0.12.0", "-domid id").flags().contains(DOMID));
    }

    @Test
    void vgaWithStdVgaIsTheOldOption() {
        assertFalse(parse("QEMU PC emulator version 0.9.1", "-std-vga", "-vga [std|cirrus]").flags().contains(VGA));
        HelpCaps h = parse("QEMU emulator version 1.0.0", "-vga [std|cirrus|vmware|qxl|xenfb|none]");
        assertTrue(h.flags().containsAll(java.util.EnumSet.of(VGA, VGA_QXL, VGA_NONE)));
    }

    @Test
    void theHelpTellsHowDevicesAndTheirPropertiesAreListed() {
        assertEquals(DeviceQuery.LIST_ONLY, parse("QEMU PC emulator version 0.12.1",
                "-device driver[,options]  add device").deviceQuery());
        assertEquals(DeviceQuery.QUESTION_MARK, parse("QEMU emulator version 1.1.0",
                "-device driver[,prop[=value][,...]]",
                "                use -device driver,? to print all possible properties").deviceQuery());
        assertEquals(DeviceQuery.HELP, parse("QEMU emulator version 7.2.0",
                "-device driver[,prop[=value][,...]]",
                "                use '-device driver,help' to print all possible properties").deviceQuery());
        assertEquals(DeviceQuery.NONE, parse("QEMU emulator version 7.2.0").deviceQuery());
    }

    @Test
    void deviceImpliesDriveReadonly() {
        assertTrue(parse("QEMU PC emulator version 0.12.1", "-device driver[,options]").flags().contains(DRIVE_READONLY));
    }

    @Test
    void rhelBuildWithDumpGuestCoreHasIpv6Migration() {
        String[] rhel = {"-machine [type=]name[,prop[=value][,...]]",
                "                dump-guest-core=on|off include guest memory in a core dump",
                "-device driver[,prop[=value][,...]]",
                "                add device; this build has features back-ported for libvirt"};
        HelpCaps caps = parse("QEMU PC emulator version 0.12.1 (qemu-kvm-0.12.1.2), Copyright", rhel);
        assertTrue(caps.flags().containsAll(Set.of(MONITOR_JSON, NETDEV, DUMP_GUEST_CORE, IPV6_MIGRATION)),
                caps.flags().toString());
        HelpCaps plain = parse("QEMU PC emulator version 0.12.1 (qemu-kvm-0.12.1.2), Copyright",
                "-device driver[,prop[=value][,...]]", "                back-ported for libvirt");
        assertFalse(plain.flags().contains(IPV6_MIGRATION));
    }

    @Test
    void spiceSeamlessMigrationIsReadFromTheHelp() {
        HelpCaps caps = parse("QEMU emulator version 1.3.0, Copyright",
                "-spice [port=port][,tls-port=secured-port]",
                "       [,seamless-migration=[on|off]]");
        assertTrue(caps.flags().contains(SEAMLESS_MIGRATION));
        assertFalse(parse("QEMU emulator version 1.2.0, Copyright", "-spice [port=port]").flags()
                .contains(SEAMLESS_MIGRATION));
    }
}
