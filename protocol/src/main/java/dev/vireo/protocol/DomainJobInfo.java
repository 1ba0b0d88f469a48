package dev.vireo.protocol;

/**
 * {@code domjobinfo}: a domain's job (a backup) in virsh's terms.
 *
 * @param type          Unbounded (running), Completed, Cancelled, Failed, or None (no job; the
 *                      other fields are then 0 and the operation null)
 * @param operation     Backup
 * @param elapsedMillis time since the job started (to its end, for a finished one)
 * @param processed     bytes copied, of {@code total}
 */
public record DomainJobInfo(String type, String operation, long elapsedMillis, long processed, long remaining, long total) {

    public static DomainJobInfo none() {
        return new DomainJobInfo("None", null, 0, 0, 0, 0);
    }

    public boolean isNone() {
        return "None".equals(type);
    }
}
