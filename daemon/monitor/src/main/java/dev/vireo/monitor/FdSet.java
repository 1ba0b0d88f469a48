package dev.vireo.monitor;

import java.util.List;

/** One fd set of {@code query-fdsets}. */
public record FdSet(int fdsetId, List<Fd> fds) {
    public FdSet {
        fds = List.copyOf(fds);
    }

    /** @param opaque the note given to {@code add-fd}, or null */
    public record Fd(int fd, String opaque) {
    }
}
