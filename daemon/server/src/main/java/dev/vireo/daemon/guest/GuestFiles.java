package dev.vireo.daemon.guest;

import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.errors.VireoError;

/**
 * The per-domain state beside the definition that the daemon creates for a guest and removes with
 * it: the UEFI variable store ({@link NvramStore}) and the emulated TPM's state ({@link Swtpm}); and
 * the other helper a guest starts with, virtiofsd ({@link Virtiofsd}), which keeps no state.
 */
public record GuestFiles(NvramStore nvram, Swtpm swtpm, Virtiofsd virtiofsd) {

    /** Removes both (at undefine of a shut-off domain, or when a domain without definition ends). */
    public void remove(Domain definition, String name, String uuid) throws VireoError {
        nvram.remove(definition, name);
        swtpm.remove(uuid);
    }
}
