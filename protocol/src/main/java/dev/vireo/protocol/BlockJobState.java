package dev.vireo.protocol;

/**
 * A disk's block job as {@code blockjob --info} reports it.
 *
 * @param job       QEMU's job id ({@code pull-vda-libvirt-1-format})
 * @param kind      PULL, COPY, COMMIT, ACTIVE_COMMIT or BACKUP
 * @param label     virsh's name for the kind ({@code Block Pull}, {@code Active Block Commit}, ...)
 * @param state     QEMU's job status (running, paused, ready, ...)
 * @param cur       bytes done of {@code end}, as libvirt counts them: below {@code end} until a
 *                  two-phase job is READY
 * @param bandwidth the speed limit in bytes per second, 0 for none
 * @param ioStatus  ok, failed or nospace (a job stopped by an I/O error), or null
 * @param error     why it failed, or null
 */
public record BlockJobState(String job, String kind, String label, String disk, String state, long cur, long end,
                            long bandwidth, boolean ready, boolean paused, String ioStatus, boolean abortRequested,
                            String error) {
}
