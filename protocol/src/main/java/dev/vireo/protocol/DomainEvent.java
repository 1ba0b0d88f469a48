package dev.vireo.protocol;

import java.util.Map;

/**
 * An event pushed by the daemon to subscribers.
 *
 * @param kind   {@code lifecycle}, {@code reboot}, {@code block-job}, {@code io-error}, {@code block-threshold}
 * @param event  for lifecycle events virsh's event word ({@code Started}, {@code Stopped}, ...)
 * @param detail the detail word ({@code Booted}, {@code Destroyed}, ...) or a description
 * @param fields the kind's typed fields as text (a block job's {@code job}, {@code disk},
 *               {@code status}, {@code offset}, {@code length}, {@code error}; see docs/cli.md),
 *               empty for lifecycle and reboot events; a field QEMU left out is absent
 */
public record DomainEvent(String domain, String kind, String event, String detail, Map<String, String> fields) {

    public DomainEvent {
        fields = Map.copyOf(fields);
    }

    /** An event without typed fields (lifecycle, reboot). */
    public DomainEvent(String domain, String kind, String event, String detail) {
        this(domain, kind, event, detail, Map.of());
    }
}
