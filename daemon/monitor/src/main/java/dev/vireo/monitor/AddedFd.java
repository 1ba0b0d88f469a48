package dev.vireo.monitor;

/** What {@code add-fd} answered: the fd set and the fd's number inside QEMU. */
public record AddedFd(int fdsetId, int fd) {
    /** The path QEMU options take to use the set, e.g. {@code /dev/fdset/3}. */
    public String path() {
        return "/dev/fdset/" + fdsetId;
    }
}
