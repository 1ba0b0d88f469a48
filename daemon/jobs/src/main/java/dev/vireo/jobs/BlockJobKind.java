package dev.vireo.jobs;

/** What a block job does, with the label virsh prints for it ({@code event}, {@code blockjob}). */
public enum BlockJobKind {
    PULL("Block Pull"),
    COPY("Block Copy"),
    COMMIT("Block Commit"),
    ACTIVE_COMMIT("Active Block Commit"),
    BACKUP("Backup");

    private final String label;

    BlockJobKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the job becomes READY and waits for a pivot ({@code job-complete}) or an abort. */
    public boolean twoPhase() {
        return this == COPY || this == ACTIVE_COMMIT;
    }
}
