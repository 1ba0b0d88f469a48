package dev.vireo.monitor;

import java.util.Locale;

/**
 * QEMU's job states (QAPI {@code JobStatus}, {@code job.c}). A job runs
 * created → running ⇄ paused → [ready ⇄ standby] → waiting → pending → concluded → null;
 * a cancel or an error goes through aborting to concluded. A job started with
 * {@code auto-dismiss: false} stays concluded, visible to {@code query-jobs}, until {@code job-dismiss}.
 */
public enum JobStatus {
    UNDEFINED, CREATED, RUNNING, PAUSED, READY, STANDBY, WAITING, PENDING, ABORTING, CONCLUDED, NULL;

    /** The QAPI name, e.g. {@code concluded}. */
    public String qapi() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the unknown status */
    public static JobStatus ofQapi(String name) {
        for (JobStatus s : values()) {
            if (s.qapi().equals(name)) return s;
        }
        throw new IllegalArgumentException("unknown QEMU job status '" + name + "'");
    }

    /** Whether the job no longer runs: it will change nothing more in the block graph. */
    public boolean ended() {
        return this == CONCLUDED || this == NULL;
    }
}
