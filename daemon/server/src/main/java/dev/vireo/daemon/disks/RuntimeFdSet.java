package dev.vireo.daemon.disks;

import dev.vireo.process.OpenMode;
import dev.vireo.process.OwnedFd;
import dev.vireo.qmp.QmpClient;
import dev.vireo.qmp.QmpException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * An image handed to a running QEMU over its monitor ({@code add-fd} with SCM_RIGHTS), for what
 * is opened after the start: snapshot overlays, mirror and backup targets. QEMU then opens
 * {@link #path()} ({@code /dev/fdset/N}) and needs no access to the file itself.
 *
 * <p>The set holds an O_RDONLY fd and, for a writable image, an O_RDWR fd as well (QEMU opens
 * read-only first, then reopens read-write). The daemon's own copies are closed as soon as QEMU
 * has them. When anything fails, whatever part of the set QEMU already holds is removed again
 * ({@code remove-fd}), so a failed attempt leaves no fd behind in QEMU. QEMU 7.2 carries out a
 * removal only while the VM runs: for a paused guest the fds stay listed (marked removed) until
 * it is resumed.
 */
public final class RuntimeFdSet {

    /** A QMP command that uses the set's path; a failure makes {@link #passFor} remove the set. */
    @FunctionalInterface
    public interface FdSetCommand<T> {
        T run(String fdsetPath) throws IOException, InterruptedException;
    }

    private final QmpClient qmp;
    private final int fdsetId;

    private RuntimeFdSet(QmpClient qmp, int fdsetId) {
        this.qmp = qmp;
        this.fdsetId = fdsetId;
    }

    /**
     * Opens {@code image} and passes it as a new fd set.
     *
     * @param opaque a note QEMU keeps with the fds ({@code -ro} / {@code -rw} is appended), shown
     *               by {@code query-fdsets}
     */
    public static RuntimeFdSet pass(QmpClient qmp, Path image, boolean writable, String opaque)
            throws IOException, InterruptedException {
        Integer fdsetId = null;
        try {
            try (OwnedFd readOnly = OwnedFd.open(image, OpenMode.READ_ONLY)) {
                fdsetId = qmp.addFd(readOnly.fd(), null, opaque + "-ro").fdsetId();
            }
            if (writable) {
                try (OwnedFd readWrite = OwnedFd.open(image, OpenMode.READ_WRITE)) {
                    qmp.addFd(readWrite.fd(), fdsetId, opaque + "-rw");
                }
            }
            return new RuntimeFdSet(qmp, fdsetId);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (fdsetId != null) {
                removeAfterFailure(qmp, fdsetId, e);
            }
            throw e;
        }
    }

    /**
     * Passes {@code image} and runs {@code command} with its fd set's path; when the command
     * fails, the set is removed and the command's failure is thrown.
     */
    public static <T> T passFor(QmpClient qmp, Path image, boolean writable, String opaque, FdSetCommand<T> command)
            throws IOException, InterruptedException {
        RuntimeFdSet set = pass(qmp, image, writable, opaque);
        try {
            return command.run(set.path());
        } catch (IOException | InterruptedException | RuntimeException e) {
            removeAfterFailure(qmp, set.fdsetId, e);
            throw e;
        }
    }

    public int fdsetId() {
        return fdsetId;
    }

    /** What QEMU opens: {@code /dev/fdset/N}. */
    public String path() {
        return "/dev/fdset/" + fdsetId;
    }

    /**
     * Removes the set from QEMU. Block nodes that opened it keep their own duplicates: QEMU frees
     * the set once the last of them is closed.
     */
    public void remove() throws QmpException, InterruptedException {
        qmp.execute("remove-fd", Map.of("fdset-id", fdsetId));
    }

    private static void removeAfterFailure(QmpClient qmp, int fdsetId, Exception failure) {
        try {
            qmp.execute("remove-fd", Map.of("fdset-id", fdsetId));
        } catch (QmpException | InterruptedException | RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
            if (cleanup instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
