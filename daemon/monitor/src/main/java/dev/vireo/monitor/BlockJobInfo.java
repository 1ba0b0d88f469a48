package dev.vireo.monitor;

/**
 * One job of {@code query-block-jobs}: what {@code query-jobs} says plus the block job's own
 * fields (speed limit, whether it is paused or in sync, its I/O status).
 *
 * @param device   the job id (QEMU calls it device for history's sake)
 * @param type     stream, commit, mirror, backup
 * @param len      the job's estimated total work in bytes; {@code offset} how much is done
 * @param speed    the speed limit in bytes per second, 0 for none
 * @param ioStatus ok, failed or nospace (a job stopped by an I/O error)
 * @param error    why a concluded job failed, or null
 */
public record BlockJobInfo(String device, String type, long len, long offset, long speed, boolean busy,
                           boolean paused, boolean ready, String ioStatus, JobStatus status, String error) {
}
