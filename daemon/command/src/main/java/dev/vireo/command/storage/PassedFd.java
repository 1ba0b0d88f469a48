package dev.vireo.command.storage;

/**
 * One descriptor QEMU inherits and files into an fd set: {@code -add-fd fd=CHILDFD,set=SET,opaque=OPAQUE}.
 *
 * @param childFd the descriptor's number in QEMU (3 or higher)
 * @param opaque  the note QEMU keeps with the fd and shows in {@code query-fdsets}; the daemon
 *                rebuilds its fd-set registry from it after a restart (see {@link FdSetNote})
 */
public record PassedFd(int childFd, String opaque) {

    public PassedFd {
        if (childFd < 3) {
            throw new IllegalArgumentException("an inherited fd must be 3 or higher, not " + childFd);
        }
        FdSetNote.requireWord(opaque);
    }
}
