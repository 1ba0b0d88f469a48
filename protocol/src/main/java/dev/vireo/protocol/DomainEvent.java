package dev.vireo.protocol;

/**
 * An event pushed by the daemon to subscribers.
 *
 * @param kind   {@code lifecycle}, {@code reboot}, {@code block-job}, {@code io-error}, ...
 * @param event  for lifecycle events virsh's event word ({@code Started}, {@code Stopped}, ...)
 * @param detail the detail word ({@code Booted}, {@code Destroyed}, ...) or a description
 */
public record DomainEvent(String domain, String kind, String event, String detail) {
}
