package dev.vireo.conf.defaults;

import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Rng;
import dev.vireo.conf.model.RngBackend;
import dev.vireo.conf.model.RngBackendModel;
import dev.vireo.conf.model.Tpm;
import dev.vireo.conf.model.TpmBackend;
import dev.vireo.conf.model.TpmBackendType;
import dev.vireo.conf.model.TpmDevice;
import dev.vireo.conf.model.TpmModel;
import dev.vireo.conf.model.TpmVersion;

/**
 * What libvirt 9 fills in for random number generators and TPMs (devices libvirt 0.10.2 did not
 * have, so there is no older behaviour to keep): a random backend reads /dev/random; a TPM is a
 * tpm-tis; an emulated tpm-crb speaks TPM 2.0 and an emulated tpm-tis 1.2; a passthrough TPM is the
 * host's /dev/tpm0.
 */
final class RngTpmDefaults {
    private static final String DEFAULT_RANDOM = "/dev/random";
    private static final String DEFAULT_HOST_TPM = "/dev/tpm0";

    private RngTpmDefaults() {
    }

    static void apply(Devices dev, boolean live) {
        for (Rng r : dev.getRngs()) rng(r, live);
        for (Tpm t : dev.getTpms()) tpm(t);
    }

    private static void rng(Rng r, boolean live) {
        RngBackend b = r.getBackend();
        b.dropIndentation();
        if (b.getModel() == RngBackendModel.RANDOM) {
            b.setPath(b.getPath() == null ? DEFAULT_RANDOM : b.getPath());
        } else if (b.getModel() == RngBackendModel.EGD) {
            CharDeviceDefaults.normaliseSources(b.getType(), b.getSources(), live);
        }
    }

    private static void tpm(Tpm t) {
        if (t.getModel() == null) t.setModel(TpmModel.TPM_TIS);
        TpmBackend b = t.getBackend();
        if (b.getType() == TpmBackendType.EMULATOR && b.getVersion() == null) {
            b.setVersion(t.getModel() == TpmModel.TPM_CRB ? TpmVersion.V2_0 : TpmVersion.V1_2);
        }
        if (b.getType() == TpmBackendType.PASSTHROUGH) {
            if (b.getDevice() == null) b.setDevice(new TpmDevice());
            if (b.getDevice().getPath() == null) b.getDevice().setPath(DEFAULT_HOST_TPM);
        }
    }
}
