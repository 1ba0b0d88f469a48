package dev.vireo.protocol;

/** {@code domstate}: virsh's state words and the reason, e.g. {@code shut off} / {@code destroyed}. */
public record DomainState(String state, String reason) {
}
