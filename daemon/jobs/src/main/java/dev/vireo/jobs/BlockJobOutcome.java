package dev.vireo.jobs;

/** How a block job ended, in virsh's words ({@code event 'block-job'}: completed, failed, canceled). */
public enum BlockJobOutcome {
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELED("canceled");

    private final String word;

    BlockJobOutcome(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
