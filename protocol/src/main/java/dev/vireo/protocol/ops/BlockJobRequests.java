package dev.vireo.protocol.ops;

/**
 * Long block jobs on a running disk: pull, commit, copy and their control. A start answers
 * {@code {"job":..,"kind":..,"label":..,"disk":..}}; {@code bandwidth} is bytes per second, absent
 * or 0 for no limit.
 */
public interface BlockJobRequests {

    /** Pulls the layers above {@code base} (the whole chain when null) into the disk's top image. */
    record BlockPull(String domain, String disk, @Nullable String base, @Nullable Long bandwidth, boolean keepRelative)
            implements Request {
        @Override public String op() { return "blockpull"; }
    }

    /**
     * Commits {@code top} (the active layer when null) down into {@code base} (the bottom of the
     * chain when null).
     */
    record BlockCommit(String domain, String disk, @Nullable String top, @Nullable String base, boolean shallow,
                       boolean active, boolean delete, boolean keepRelative, @Nullable Long bandwidth)
            implements Request {
        @Override public String op() { return "blockcommit"; }
    }

    /** The disk's job now: {@code {"job":{...}}}, or {@code {"job":null}}. */
    record BlockJobInfo(String domain, String disk) implements Request {
        @Override public String op() { return "blockjob-info"; }
    }

    /** Cancels the disk's job; its end arrives as a {@code canceled} event. */
    record BlockJobAbort(String domain, String disk) implements Request {
        @Override public String op() { return "blockjob-abort"; }
    }

    /** Pivots a READY copy or active commit; refused before READY. */
    record BlockJobPivot(String domain, String disk) implements Request {
        @Override public String op() { return "blockjob-pivot"; }
    }

    record BlockJobPause(String domain, String disk) implements Request {
        @Override public String op() { return "blockjob-pause"; }
    }

    record BlockJobResume(String domain, String disk) implements Request {
        @Override public String op() { return "blockjob-resume"; }
    }

    record BlockJobSpeed(String domain, String disk, @Nullable Long bandwidth) implements Request {
        @Override public String op() { return "blockjob-speed"; }
    }

    /**
     * Copies a running disk into {@code dest}. Sizes in bytes; absent leaves QEMU's default.
     *
     * @param format            the copy's image format, or null (the disk's, or probed with {@code reuseExternal})
     * @param blockdev          the destination is a block device
     * @param transientJob      allow the copy on a persistent domain (it does not survive the guest)
     * @param synchronousWrites guest writes reach both images before they complete
     */
    record BlockCopy(String domain, String disk, String dest, @Nullable String format, boolean shallow,
                     boolean reuseExternal, boolean blockdev, @Nullable Long bandwidth, @Nullable Long granularity,
                     @Nullable Long bufSize, boolean transientJob, boolean synchronousWrites) implements Request {
        @Override public String op() { return "blockcopy"; }
    }
}
