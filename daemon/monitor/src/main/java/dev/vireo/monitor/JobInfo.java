package dev.vireo.monitor;

/**
 * One job of {@code query-jobs}.
 *
 * @param type  stream, commit, mirror, backup, create, ...
 * @param error why it failed, once concluded with an error; null otherwise
 */
public record JobInfo(String id, String type, JobStatus status, long currentProgress, long totalProgress,
                      String error) {
}
