package dev.vireo.daemon.lifecycle;

/**
 * The figures of a guest's last finished domain job ({@code domjobinfo --completed}), kept in
 * its runtime record so that a restarted daemon still shows them (libvirt keeps them in its
 * status XML).
 *
 * @param type          virsh's word for how it ended: Completed, Cancelled or Failed
 * @param operation     what it was (Backup)
 * @param startedMillis when it started (epoch milliseconds)
 * @param elapsedMillis how long it ran
 * @param processed     bytes done
 * @param total         bytes it had to do
 */
public record CompletedJob(String type, String operation, long startedMillis, long elapsedMillis, long processed,
                           long total) {
}
