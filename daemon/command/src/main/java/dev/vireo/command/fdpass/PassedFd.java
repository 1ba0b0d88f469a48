package dev.vireo.command.fdpass;

/**
 * One descriptor QEMU inherits and files into an fd set: {@code -add-fd fd=CHILDFD,set=SET,opaque=OPAQUE}.
 *
 * @param childFd the descriptor's number in QEMU (3 or higher)
 * @param opaque  a note QEMU keeps with the fd and shows in {@code query-fdsets}, so that a person
 *                reading it knows which disk layer and access the fd is for
 */
public record PassedFd(int childFd, String opaque) {

    public PassedFd {
        if (childFd < 3) {
            throw new IllegalArgumentException("an inherited fd must be 3 or higher, not " + childFd);
        }
        if (opaque.isEmpty() || opaque.chars().anyMatch(c -> c == ',' || c <= ' ')) {
            throw new IllegalArgumentException("opaque '" + opaque + "' must be a non-empty word without commas");
        }
    }
}
