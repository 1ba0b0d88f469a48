package dev.vireo.command;

import dev.vireo.conf.model.Tpm;
import dev.vireo.conf.model.TpmBackend;
import dev.vireo.conf.model.TpmBackendType;
import dev.vireo.conf.model.TpmModel;
import dev.vireo.conf.model.TpmVersion;
import java.util.List;

/**
 * The guest's TPM: an emulated TPM whose state lives in a swtpm process the daemon runs beside QEMU
 * ({@code <backend type='emulator'>}); QEMU reaches it over the Unix socket
 * {@link LaunchOptions#tpmSocket()}. The device is libvirt's: {@code tpm-tis} unless the
 * domain asks for {@code tpm-crb} (a TPM 2.0 interface only).
 */
public final class TpmArgs {

    private static final String CHARDEV = "chrtpm";
    private static final String BACKEND = "tpm-tpm0";

    private TpmArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        List<Tpm> tpms = ctx.devices().getTpms();
        if (tpms.isEmpty()) {
            return;
        }
        // the definition's checks allow one TPM per guest
        Tpm tpm = tpms.getFirst();
        TpmModel model = tpm.getModel() == null ? TpmModel.TPM_TIS : tpm.getModel();
        TpmBackend backend = tpm.getBackend();
        if (backend == null || backend.getType() != TpmBackendType.EMULATOR) {
            throw new UnsupportedConfigurationException("<tpm><backend type='"
                    + (backend == null || backend.getType() == null ? "" : backend.getType().xml())
                    + "'>: only the emulator backend (swtpm) is supported; passthrough of a host TPM is not supported yet");
        }
        if (model == TpmModel.TPM_CRB && backend.getVersion() == TpmVersion.V1_2) {
            throw new UnsupportedConfigurationException("<tpm model='tpm-crb'>: the CRB interface is TPM 2.0 only; "
                    + "use <backend version='2.0'> or model 'tpm-tis'");
        }
        if (!ctx.usesDevice()) {
            throw new UnsupportedConfigurationException("<tpm>: needs -device (capability 'device'), which "
                    + ctx.emulator() + " lacks");
        }
        out.option("-chardev", "socket,id=" + CHARDEV + ",path=" + ctx.options().tpmSocket());
        out.option("-tpmdev", "emulator,id=" + BACKEND + ",chardev=" + CHARDEV);
        out.option("-device", model.xml() + ",tpmdev=" + BACKEND + ",id=tpm0");
    }

    /** The TPM version the emulator runs: as given, else libvirt's default, 2.0 for a CRB device and 1.2 otherwise. */
    public static TpmVersion version(Tpm tpm) {
        TpmVersion given = tpm.getBackend() == null ? null : tpm.getBackend().getVersion();
        if (given != null) return given;
        return tpm.getModel() == TpmModel.TPM_CRB ? TpmVersion.V2_0 : TpmVersion.V1_2;
    }
}
