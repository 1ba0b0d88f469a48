package dev.vireo.daemon.ops;

import dev.vireo.daemon.domain.DomainEntry;
import dev.vireo.daemon.errors.VireoError;

/**
 * Which definitions a device change touches, from virsh's {@code --live}, {@code --config},
 * {@code --persistent} and {@code --current}, as libvirt decides it: none of them means the
 * running guest when the domain runs, else the stored definition; {@code --persistent} means the
 * stored definition and, when it runs, the guest too.
 *
 * @param live   change the running guest (and its live definition)
 * @param config change the stored definition
 */
record Affect(boolean live, boolean config) {

    /** What the caller asked for, before the domain's state is known. */
    record Request(boolean live, boolean config, boolean persistent) {

        /**
         * @throws VireoError when the guest must run and does not, or a transient domain's stored
         *                    definition is asked for
         */
        Affect resolve(DomainEntry e, boolean active) throws VireoError {
            boolean l = live;
            boolean c = config;
            if (persistent) {
                c = true;
                l |= active;
            }
            if (!l && !c) {
                l = active;
                c = !active;
            }
            if (l && !active) throw VireoError.wrongState("domain '" + e.name() + "' is not running");
            if (c && !e.isPersistent()) {
                throw VireoError.wrongState("cannot change persistent config of a transient domain ('" + e.name() + "')");
            }
            return new Affect(l, c);
        }
    }
}
