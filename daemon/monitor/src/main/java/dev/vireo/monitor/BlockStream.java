package dev.vireo.monitor;

/**
 * {@code block-stream}: copies the data of the layers between {@code device} and {@code baseNode}
 * into {@code device}, which then backs onto the base.
 *
 * @param device      the node to stream into (a node name)
 * @param baseNode    the node that stays below, or null to pull the whole chain
 * @param backingFile what to write as the new backing file name: the real path (with fd-passed
 *                    images QEMU would write {@code /dev/fdset/N}); must be null without a base
 * @param onError     report, ignore, stop or enospc (for read and write errors alike); null for
 *                    QEMU's default (report: the job fails)
 */
public record BlockStream(JobOptions job, String device, String baseNode, String backingFile, String onError) {
    public BlockStream(JobOptions job, String device, String baseNode, String backingFile) {
        this(job, device, baseNode, backingFile, null);
    }
}
