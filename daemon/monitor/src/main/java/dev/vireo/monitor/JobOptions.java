package dev.vireo.monitor;

/**
 * What every job-starting command takes. The daemon uses {@link #TRACKED}: QEMU finalizes by
 * itself but keeps a concluded job (and its error) until the daemon has applied the result and
 * calls {@code job-dismiss}, so a daemon restarted meanwhile still finds it.
 *
 * @param speed bytes per second, 0 for unlimited
 */
public record JobOptions(String jobId, long speed, boolean autoFinalize, boolean autoDismiss) {
    public static JobOptions tracked(String jobId) {
        return new JobOptions(jobId, 0, true, false);
    }

    public JobOptions withSpeed(long bytesPerSecond) {
        return new JobOptions(jobId, bytesPerSecond, autoFinalize, autoDismiss);
    }

    public JobOptions withAutoFinalize(boolean value) {
        return new JobOptions(jobId, speed, value, autoDismiss);
    }
}
