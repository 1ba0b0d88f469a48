package dev.vireo.protocol;

/**
 * One row of {@code list}.
 *
 * @param id    the running domain's id, or null when it is not running
 * @param state virsh's state words: {@code running}, {@code paused}, {@code shut off}, ...
 */
public record DomainSummary(Integer id, String name, String uuid, String state) {
}
