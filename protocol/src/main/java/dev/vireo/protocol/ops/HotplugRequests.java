package dev.vireo.protocol.ops;

/**
 * Devices added to, removed from or changed in a domain. {@code live}, {@code config} and
 * {@code persistent} are virsh's flags; none of them means the running guest when the domain runs,
 * else the stored definition.
 */
public interface HotplugRequests {

    /** Attaches a device (a {@code <disk>} element); answers {@code {"disk":TARGET}}. */
    record AttachDevice(String domain, String xml, boolean live, boolean config, boolean persistent)
            implements Request {
        @Override public String op() { return "attach-device"; }
    }

    /** Detaches the disk with the element's target. */
    record DetachDevice(String domain, String xml, boolean live, boolean config, boolean persistent)
            implements Request {
        @Override public String op() { return "detach-device"; }
    }

    /** Detaches the disk with that target or source path. */
    record DetachDisk(String domain, String target, boolean live, boolean config, boolean persistent)
            implements Request {
        @Override public String op() { return "detach-disk"; }
    }

    /**
     * Ejects, inserts or replaces the medium of a CD-ROM or floppy.
     *
     * @param target the drive's target or current source path
     * @param source the new medium; null ejects
     * @param mode   {@code eject}, {@code insert} or {@code update} (null: update)
     * @param force  open the tray even when the guest locked it
     */
    record ChangeMedia(String domain, String target, @Nullable String source, @Nullable String mode, boolean force,
                       boolean live, boolean config, boolean persistent) implements Request {
        @Override public String op() { return "change-media"; }
    }
}
