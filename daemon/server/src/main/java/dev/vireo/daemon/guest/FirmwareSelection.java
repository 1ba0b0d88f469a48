package dev.vireo.daemon.guest;

import dev.vireo.caps.FirmwareDescriptor;
import dev.vireo.caps.QemuCaps;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.FeatureState;
import dev.vireo.conf.model.Features;
import dev.vireo.conf.model.FirmwareFeature;
import dev.vireo.conf.model.FirmwareType;
import dev.vireo.conf.model.LoaderType;
import dev.vireo.conf.model.Os;
import dev.vireo.conf.model.OsLoader;
import dev.vireo.conf.model.OsNvram;
import dev.vireo.daemon.errors.VireoError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <os firmware='efi'>} (and {@code 'bios'}, see {@link #bios}): picks the UEFI image from the host's firmware descriptors (as the
 * emulator's capabilities carry them, ranked by file name) when the domain starts, as libvirt 9
 * does, and writes the choice into the live definition: {@code <loader readonly='yes'
 * type='pflash' secure>}, the {@code <nvram template>}, and SMM on when the firmware requires it.
 *
 * <p>A descriptor fits when it is UEFI mapped as raw flash, boots the domain's architecture and
 * machine type, and has (or lacks) each {@code <firmware><feature enabled name>} asked for;
 * {@code <loader secure='yes'>} asks for {@code secure-boot}. The first that fits wins. A domain that
 * names its loader's image keeps it.
 */
public final class FirmwareSelection {

    private FirmwareSelection() {
    }

    /** @throws VireoError when no descriptor fits, naming what was asked and what the host has */
    public static void fill(Domain live, QemuCaps caps) throws VireoError {
        Os os = live.getOs();
        if (os != null && os.getFirmware() == FirmwareType.BIOS) {
            bios(os, caps);
            return;
        }
        if (os == null || os.getFirmware() != FirmwareType.EFI) return;
        OsLoader given = os.getLoader();
        if (given != null && given.getPath() != null && !given.getPath().isBlank()) return;
        String arch = arch(os);
        String machine = machine(os, caps);
        Map<String, Boolean> wanted = wanted(os);
        FirmwareDescriptor chosen = null;
        for (FirmwareDescriptor d : caps.firmware()) {
            if (fits(d, arch, machine, wanted)) {
                chosen = d;
                break;
            }
        }
        if (chosen == null) {
            throw VireoError.unsupported("<os firmware='efi'>: no UEFI firmware of the host fits " + arch + " machine '"
                    + machine + "'" + (wanted.isEmpty() ? "" : " with " + wanted) + "; descriptors: " + describe(caps));
        }
        boolean secure = chosen.hasFeature("secure-boot");
        OsLoader loader = given == null ? new OsLoader() : given;
        loader.setReadonly(true);
        loader.setType(LoaderType.PFLASH);
        loader.setSecure(secure);
        loader.setPath(chosen.executable());
        os.setLoader(loader);
        if (chosen.nvramTemplate() != null) {
            OsNvram nvram = os.getNvram() == null ? new OsNvram() : os.getNvram();
            if (nvram.getTemplate() == null) nvram.setTemplate(chosen.nvramTemplate());
            os.setNvram(nvram);
        }
        if (chosen.hasFeature("requires-smm")) requireSmm(live, chosen);
    }

    /**
     * {@code <os firmware='bios'>}, as libvirt 9.0 does it: the first descriptor of a BIOS mapped into
     * memory that boots the architecture and machine becomes a read-only ROM loader ({@code -bios
     * PATH}). libvirt 9.0 refuses the start when none fits ("Unable to find any firmware to satisfy
     * 'bios'": Debian ships no SeaBIOS descriptor), and so does Vireo, saying what to do.
     */
    private static void bios(Os os, QemuCaps caps) throws VireoError {
        OsLoader given = os.getLoader();
        if (given != null && given.getPath() != null && !given.getPath().isBlank()) return;
        String arch = arch(os);
        String machine = machine(os, caps);
        for (FirmwareDescriptor d : caps.firmware()) {
            if (d.interfaces().contains("bios") && "memory".equals(d.device()) && d.supports(arch, machine)) {
                OsLoader loader = given == null ? new OsLoader() : given;
                loader.setReadonly(true);
                loader.setType(LoaderType.ROM);
                loader.setPath(d.executable());
                os.setLoader(loader);
                return;
            }
        }
        throw VireoError.unsupported("<os firmware='bios'>: no BIOS firmware descriptor of the host fits " + arch
                + " machine '" + machine + "' (libvirt 9.0 refuses this too: \"Unable to find any firmware to satisfy "
                + "'bios'\"); descriptors: " + describe(caps) + ". Leave out firmware='bios' to boot QEMU's own "
                + "SeaBIOS, or add a descriptor of interface 'bios' to /etc/qemu/firmware");
    }

    private static String arch(Os os) {
        return os.getType() == null || os.getType().getArch() == null ? "x86_64" : os.getType().getArch();
    }

    private static String machine(Os os, QemuCaps caps) {
        String asked = os.getType() == null ? null : os.getType().getMachine();
        return asked == null ? caps.defaultMachine().map(m -> m.name()).orElse("") : caps.canonicalMachine(asked).orElse(asked);
    }

    private static Map<String, Boolean> wanted(Os os) {
        Map<String, Boolean> wanted = new LinkedHashMap<>();
        if (os.getFirmwareFeatures() != null) {
            for (FirmwareFeature f : os.getFirmwareFeatures().getFeatures()) {
                wanted.put(f.getName(), !Boolean.FALSE.equals(f.getEnabled()));
            }
        }
        if (os.getLoader() != null && os.getLoader().getSecure() != null) {
            wanted.putIfAbsent("secure-boot", os.getLoader().getSecure());
        }
        return wanted;
    }

    private static boolean fits(FirmwareDescriptor d, String arch, String machine, Map<String, Boolean> wanted) {
        if (!d.interfaces().contains("uefi") || !"flash".equals(d.device()) || !"raw".equals(d.format())) return false;
        if (!d.supports(arch, machine)) return false;
        for (Map.Entry<String, Boolean> w : wanted.entrySet()) {
            if (d.hasFeature(w.getKey()) != w.getValue()) return false;
        }
        return true;
    }

    private static void requireSmm(Domain live, FirmwareDescriptor chosen) throws VireoError {
        Features features = live.getFeatures() == null ? new Features() : live.getFeatures();
        FeatureState smm = features.getSmm();
        if (smm != null && Boolean.FALSE.equals(smm.getState())) {
            throw VireoError.unsupported("<os firmware='efi'>: the firmware that fits (" + chosen.executable()
                    + ") needs SMM, which <features><smm state='off'/> turns off");
        }
        if (smm == null) {
            smm = new FeatureState();
            features.setSmm(smm);
        }
        smm.setState(true);
        live.setFeatures(features);
    }

    private static String describe(QemuCaps caps) {
        List<String> all = new ArrayList<>();
        for (FirmwareDescriptor d : caps.firmware()) {
            all.add(d.file() + " " + d.interfaces() + " " + d.features());
        }
        return all.isEmpty() ? "none (install Debian's ovmf)" : String.join(", ", all);
    }
}
