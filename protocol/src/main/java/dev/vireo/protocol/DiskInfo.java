package dev.vireo.protocol;

/**
 * {@code domblkinfo}: the sizes of a disk's top image, in bytes. The sizes are null for a drive
 * without a medium.
 *
 * @param capacity   the size the guest sees (the image's virtual size)
 * @param allocation the bytes the image occupies on the host's disk (st_blocks * 512)
 * @param physical   the image file's size (st_size)
 */
public record DiskInfo(String disk, Long capacity, Long allocation, Long physical) {
    public DiskInfo {
        if (disk == null) throw new IllegalArgumentException("disk is null");
    }

    public boolean hasMedium() {
        return capacity != null;
    }
}
