package dev.vireo.monitor;

/**
 * {@code block-commit}: writes the layers from {@code topNode} down to above {@code baseNode} into
 * the base. With the active layer as top the job becomes READY and waits for {@code job-complete}.
 *
 * @param backingFile the name the overlay of top gets for its new backing file (the base's real
 *                    path); null for an active commit
 * @param onError     report, ignore, stop or enospc (for read and write errors alike); null for
 *                    QEMU's default (report: the job fails)
 */
public record BlockCommit(JobOptions job, String device, String topNode, String baseNode, String backingFile,
                          String onError) {
    public BlockCommit(JobOptions job, String device, String topNode, String baseNode, String backingFile) {
        this(job, device, topNode, baseNode, backingFile, null);
    }
}
