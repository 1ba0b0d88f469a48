package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.SmbiosMode;
import dev.vireo.conf.model.SysInfo;
import dev.vireo.conf.model.SysInfoBlock;
import dev.vireo.conf.model.SysInfoEntry;

/** {@code -smbios type=0,...} (BIOS) and {@code type=1,...} (system) from {@code <sysinfo type='smbios'>}. */
final class SmbiosArgs {

    private static final String[] BIOS_FIELDS = {"vendor", "version", "date", "release"};
    private static final String[] SYSTEM_FIELDS = {"manufacturer", "product", "version", "serial", "uuid", "sku", "family"};

    private SmbiosArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        SmbiosMode mode = ctx.os().getSmbios() == null ? null : ctx.os().getSmbios().getMode();
        if (mode == null || mode == SmbiosMode.EMULATE) {
            return;
        }
        if (!ctx.has(Capability.SMBIOS_TYPE)) {
            throw new UnsupportedConfigurationException("<smbios mode='" + mode.xml() + "'>: the QEMU binary "
                    + ctx.emulator() + " does not support smbios settings (capability 'smbios-type')");
        }
        if (mode == SmbiosMode.HOST) {
            throw new UnsupportedConfigurationException("<smbios mode='host'>: the host's SMBIOS information is not "
                    + "available to Vireo; use mode='sysinfo' with a <sysinfo type='smbios'> block");
        }
        SysInfo sysinfo = ctx.domain().getSysinfo();
        if (sysinfo == null) {
            throw new UnsupportedConfigurationException("<smbios mode='sysinfo'> needs a <sysinfo type='smbios'> block");
        }
        table(out, "type=0", sysinfo.getBios(), BIOS_FIELDS);
        table(out, "type=1", sysinfo.getSystem(), SYSTEM_FIELDS);
    }

    private static void table(ArgvWriter out, String type, SysInfoBlock block, String[] fields) {
        if (block == null) {
            return;
        }
        StringBuilder value = new StringBuilder(type);
        boolean any = false;
        for (String field : fields) {
            for (SysInfoEntry entry : block.getEntries()) {
                if (field.equals(entry.getName()) && entry.getValue() != null) {
                    value.append(',').append(field).append('=').append(entry.getValue());
                    any = true;
                    break;
                }
            }
        }
        if (any) {
            out.option("-smbios", value.toString());
        }
    }
}
