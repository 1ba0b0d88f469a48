package dev.vireo.protocol.ops;

/** Backups and the domain job they run as. */
public interface BackupRequests {

    /**
     * Starts a push mode, full backup of a running domain.
     *
     * @param backupXml a {@code <domainbackup>} document, or null for every disk to {@code PATH.EPOCH} in qcow2
     */
    record BackupBegin(String domain, @Nullable String backupXml, boolean reuseExternal) implements Request {
        @Override public String op() { return "backup-begin"; }
    }

    /** The running backup's {@code <domainbackup>} (text). */
    record BackupDumpXml(String domain) implements Request {
        @Override public String op() { return "backup-dumpxml"; }
    }

    /** The domain's running job, or with {@code completed} the last one that ended. */
    record DomJobInfo(String domain, boolean completed) implements Request {
        @Override public String op() { return "domjobinfo"; }
    }

    /** Aborts the domain's running job (a backup: every disk's part). */
    record DomJobAbort(String domain) implements Request {
        @Override public String op() { return "domjobabort"; }
    }
}
