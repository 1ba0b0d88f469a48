package dev.vireo.daemon.domain;

/**
 * A state and why the domain is in it, in virsh's words ({@code shut off (destroyed)}).
 *
 * @param reason libvirt's reason word for that state: running: booted, unpaused; paused: user,
 *               starting up, I/O error; shut off: unknown, shutdown, destroyed, crashed, failed
 */
public record DomainStatus(StateKind state, String reason) {
    public static final DomainStatus DEFINED = new DomainStatus(StateKind.SHUTOFF, "unknown");

    public boolean active() {
        return state != StateKind.SHUTOFF;
    }
}
