package dev.vireo.jobs;

/** What a block job does, with the label virsh prints for it ({@code event}, {@code blockjob}). */
public enum BlockJobKind {
    PULL("Block Pull", "blockpull"),
    COPY("Block Copy", "blockcopy"),
    COMMIT("Block Commit", "blockcommit"),
    ACTIVE_COMMIT("Active Block Commit", "blockcommit"),
    BACKUP("Backup", "backup-begin");

    private final String label;
    private final String operation;

    BlockJobKind(String label, String operation) {
        this.label = label;
        this.operation = operation;
    }

    public String label() {
        return label;
    }

    /** The command that starts it, as the domain's job slots name it. */
    public String operation() {
        return operation;
    }

    /** Whether the job becomes READY and waits for a pivot ({@code job-complete}) or an abort. */
    public boolean twoPhase() {
        return this == COPY || this == ACTIVE_COMMIT;
    }
}
