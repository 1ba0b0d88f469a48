package dev.vireo.command;

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
