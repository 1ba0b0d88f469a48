package dev.vireo.process;

/** How {@link OwnedFd#open} opens a file; every fd is close-on-exec in the daemon itself. */
public enum OpenMode {
    /** O_RDONLY: backing layers, and the first of the two fds QEMU wants for a writable image. */
    READ_ONLY(Libc.O_RDONLY),
    /** O_RDWR: the writable top image (QEMU reopens it read-write after a read-only open). */
    READ_WRITE(Libc.O_RDWR),
    /** O_WRONLY | O_APPEND | O_CREAT (mode 0600): log files. */
    APPEND_CREATE(Libc.O_WRONLY | Libc.O_APPEND | Libc.O_CREAT);

    final int flags;

    OpenMode(int flags) {
        this.flags = flags;
    }
}
