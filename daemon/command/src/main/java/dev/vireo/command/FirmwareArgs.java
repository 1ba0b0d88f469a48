package dev.vireo.command;

import dev.vireo.command.storage.JsonText;
import dev.vireo.conf.model.Features;
import dev.vireo.conf.model.LoaderType;
import dev.vireo.conf.model.Os;
import dev.vireo.conf.model.OsLoader;
import dev.vireo.conf.model.OsNvram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UEFI firmware mapped as flash ({@code <loader type='pflash'>}, {@code <nvram>}): the code image
 * and the guest's variable store become named {@code -blockdev} nodes that the machine maps as
 * {@code pflash0} and {@code pflash1}, the way libvirt 9 builds them for QEMU 7.2. With
 * {@code secure='yes'} the flash is writable only from System Management Mode, so SMM must be on.
 *
 * <p>QEMU opens both images by path: the code is read-only system firmware from the host's package,
 * and the variable store is a file the daemon itself creates, per domain, in its own state folder
 * (see docs/command-line.md).
 */
final class FirmwareArgs {

    private static final String CODE = "libvirt-pflash0";
    private static final String VARS = "libvirt-pflash1";

    private FirmwareArgs() {
    }

    /** Whether the firmware is mapped as flash (rather than loaded with {@code -bios}). */
    static boolean flash(BuildContext ctx) {
        OsLoader loader = ctx.os().getLoader();
        return loader != null && loader.getType() == LoaderType.PFLASH;
    }

    /** The {@code -blockdev} nodes of the flash images; they go before {@code -machine}, which names them. */
    static void writeNodes(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        Os os = ctx.os();
        if (!flash(ctx)) {
            if (os.getNvram() != null) {
                throw new UnsupportedConfigurationException("<nvram>: a variable store needs the firmware mapped as "
                        + "flash (<loader type='pflash'>)");
            }
            if (os.getLoader() != null && Boolean.TRUE.equals(os.getLoader().getSecure())) {
                throw new UnsupportedConfigurationException("<loader secure='yes'>: Secure Boot needs the firmware "
                        + "mapped as flash (<loader type='pflash'>)");
            }
            return;
        }
        OsLoader loader = os.getLoader();
        if (ctx.machine() == null) {
            throw new UnsupportedConfigurationException("<loader type='pflash'>: flash firmware needs a machine type "
                    + "(<type machine='...'>) to map it on");
        }
        if (loader.getPath() == null || loader.getPath().isBlank()) {
            throw new UnsupportedConfigurationException("<loader type='pflash'>: the firmware image path is missing");
        }
        if (!ctx.blockdev()) {
            throw new UnsupportedConfigurationException("<loader type='pflash'>: flash firmware needs named block nodes "
                    + "(-blockdev, capability 'blockdev', QEMU 4.2 or later), which " + ctx.emulator() + " lacks");
        }
        if (Boolean.TRUE.equals(loader.getSecure()) && !smm(ctx.domain().getFeatures())) {
            throw new UnsupportedConfigurationException("<loader secure='yes'>: Secure Boot needs System Management "
                    + "Mode: add <features><smm state='on'/></features>");
        }
        node(out, CODE, loader.getPath(), Boolean.TRUE.equals(loader.getReadonly()));
        OsNvram nvram = os.getNvram();
        if (nvram != null) {
            if (nvram.getPath() == null || nvram.getPath().isBlank()) {
                throw new UnsupportedConfigurationException("<nvram>: the variable store path is missing");
            }
            node(out, VARS, nvram.getPath(), false);
        }
    }

    /** The properties {@code -machine} gains: SMM, then the flash nodes. */
    static List<String> machineProperties(BuildContext ctx) {
        List<String> props = new ArrayList<>();
        Features f = ctx.domain().getFeatures();
        if (f != null && f.getSmm() != null && f.getSmm().getState() != null) {
            props.add("smm=" + (f.getSmm().getState() ? "on" : "off"));
        }
        return props;
    }

    /** The flash properties of {@code -machine}; they come last, as libvirt writes them. */
    static List<String> flashProperties(BuildContext ctx) {
        if (!flash(ctx)) return List.of();
        List<String> props = new ArrayList<>();
        props.add("pflash0=" + CODE + "-format");
        if (ctx.os().getNvram() != null) props.add("pflash1=" + VARS + "-format");
        return props;
    }

    /** Secure Boot: the flash answers only to SMM code (after the accelerator, where {@code -bios} goes). */
    static void writeGlobals(BuildContext ctx, ArgvWriter out) {
        if (flash(ctx) && Boolean.TRUE.equals(ctx.os().getLoader().getSecure())) {
            out.option("-global", "driver=cfi.pflash01,property=secure,value=on");
        }
    }

    private static boolean smm(Features f) {
        return f != null && f.getSmm() != null && !Boolean.FALSE.equals(f.getSmm().getState());
    }

    private static void node(ArgvWriter out, String name, String path, boolean readOnly) {
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("driver", "file");
        storage.put("filename", path);
        storage.put("node-name", name + "-storage");
        storage.put("auto-read-only", true);
        storage.put("discard", "unmap");
        Map<String, Object> format = new LinkedHashMap<>();
        format.put("node-name", name + "-format");
        format.put("read-only", readOnly);
        format.put("driver", "raw");
        format.put("file", name + "-storage");
        out.option("-blockdev", JsonText.of(storage));
        out.option("-blockdev", JsonText.of(format));
    }
}
