package dev.vireo.command;

import dev.vireo.conf.model.CpuTune;
import dev.vireo.conf.model.FirmwareType;
import dev.vireo.conf.model.Os;
import dev.vireo.conf.model.Domain;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings that the domain XML accepts (libvirt 9 writes them) but that this command builder does
 * not put on the command line yet. Building a command line without them would start a different
 * guest than the one defined, so each is refused here, before anything is written, with a message
 * that names it. Remove an entry when its arguments are built.
 */
final class UnbuiltFeatures {

    private UnbuiltFeatures() {
    }

    static void check(Domain d) throws UnsupportedConfigurationException {
        List<String> found = new ArrayList<>();
        firmware(d.getOs(), found);
        if (!found.isEmpty()) {
            throw new UnsupportedConfigurationException("not supported on the command line yet: " + String.join("; ", found));
        }
    }

    /**
     * What has no command-line form but changes the started guest, so that only a start refuses it
     * ({@code domxml-to-native} prints the same line as libvirt): the CPU cgroup tunables of
     * {@code <cputune>}. libvirt 9 writes {@code shares} to the domain's cgroup ({@code cpu.shares}),
     * {@code period}/{@code quota} to one cgroup per vCPU and {@code emulator_period}/{@code
     * emulator_quota} to the emulator threads' cgroup; vireod places guests in no cgroup yet.
     */
    static void checkStart(Domain d) throws UnsupportedConfigurationException {
        CpuTune t = d.getCputune();
        if (t == null) return;
        List<String> set = new ArrayList<>();
        if (t.getShares() != null) set.add("shares");
        if (t.getPeriod() != null) set.add("period");
        if (t.getQuota() != null) set.add("quota");
        if (t.getEmulatorPeriod() != null) set.add("emulator_period");
        if (t.getEmulatorQuota() != null) set.add("emulator_quota");
        if (!set.isEmpty()) {
            throw new UnsupportedConfigurationException("not supported yet: <cputune><" + String.join("|", set) + "> (CPU "
                    + "cgroup tunables: vireod does not place guests in cgroups; remove them to start the domain)");
        }
    }

    private static void firmware(Os os, List<String> found) {
        if (os == null) return;
        boolean loaderNamed = os.getLoader() != null && os.getLoader().getPath() != null && !os.getLoader().getPath().isBlank();
        if (os.getFirmware() == FirmwareType.EFI && !loaderNamed) {
            found.add("<os firmware='efi'> without a <loader> image (vireod picks it from the host's firmware "
                    + "descriptors when it starts the domain)");
        }
        if (os.getFirmware() == FirmwareType.BIOS && !loaderNamed) {
            found.add("<os firmware='bios'> without a <loader> image (vireod picks it from the host's firmware "
                    + "descriptors when it starts the domain)");
        }
    }
}
