package dev.vireo.daemon.disks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.command.storage.BlockdevNodes;
import dev.vireo.command.storage.DiskStorage;
import dev.vireo.command.storage.FdSet;
import dev.vireo.command.storage.FdSetNote;
import dev.vireo.command.storage.ImageNode;
import dev.vireo.command.storage.PassedFd;
import dev.vireo.daemon.Json;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.monitor.AddedFd;
import dev.vireo.monitor.Monitor;
import dev.vireo.process.OpenMode;
import dev.vireo.process.OwnedFd;
import dev.vireo.qmp.QmpCommandException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Images added to and removed from a running guest's block graph (snapshot overlays, mirror and
 * backup targets, hot-plugged disks), the same way {@code start} gives them: the daemon opens the
 * file with its own rights, passes one fd with {@code add-fd} into the set numbered like the
 * image (note {@code vireo-image-N-ro|rw}), and adds the storage and format nodes the storage plan
 * renders ({@link BlockdevNodes#forAdd}) — QEMU never opens an image by name.
 *
 * <p>A failure part-way takes back what was done (nodes deleted, the set removed), so a refused
 * addition leaves QEMU as it was. QEMU 7.2 carries out a {@code remove-fd} only while the VM runs;
 * for a paused guest the fd stays listed, marked removed, until it resumes.
 */
public final class LiveImages {

    private LiveImages() {
    }

    /**
     * An image to add.
     *
     * @param index    its new per-domain number (see {@link dev.vireo.command.storage.ImageIndexes}): the set's
     *                 number and the node names derive from it
     * @param path     its real path: what the live XML shows and what headers name
     * @param format   QEMU's format driver
     * @param readOnly whether QEMU only reads it (O_RDONLY fd, {@code read-only} nodes)
     */
    public record NewImage(int index, Path path, String format, boolean readOnly) {
    }

    /**
     * Opens {@code image} as the daemon and adds it: see {@link #add(Monitor, NewImage, OwnedFd, DiskStorage, String)}.
     * For files the daemon made or checked itself (a new overlay, a copy target); a chain layer
     * from a walk is opened with the walk's checks instead and given to the other overload.
     */
    public static ImageNode add(Monitor monitor, NewImage image, DiskStorage disk, String backingNode) throws VireoError {
        try (OwnedFd fd = OwnedFd.openImage(image.path(), image.readOnly() ? OpenMode.READ_ONLY : OpenMode.READ_WRITE)) {
            return add(monitor, image, fd, disk, backingNode);
        } catch (IOException e) {
            throw VireoError.failed("cannot open " + image.path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Passes {@code fd} (the caller still closes its own copy) and adds the image's nodes.
     *
     * @param disk        the disk the image belongs to: its cache and aio settings go to the nodes
     * @param backingNode the format node the image's backing is, or null for none (a snapshot
     *                    overlay's backing is attached by {@code blockdev-snapshot})
     * @return the image as the storage plan names it (nodes {@code libvirt-N-format/storage})
     */
    public static ImageNode add(Monitor monitor, NewImage image, OwnedFd fd, DiskStorage disk, String backingNode)
            throws VireoError {
        String note = new FdSetNote(image.index(), !image.readOnly()).text();
        AddedFd added;
        try {
            added = monitor.addFd(fd.fd(), image.index(), note);
        } catch (IOException e) {
            throw refused("add-fd of " + image.path(), e);
        }
        ImageNode node = new ImageNode(image.index(), image.path().toString(), !Files.isRegularFile(image.path()),
                image.format(), image.readOnly(), new FdSet(added.fdsetId(), List.of(new PassedFd(added.fd(), note))));
        List<String> addedNodes = new ArrayList<>(2);
        try {
            for (Map<String, Object> options : BlockdevNodes.forAdd(node, disk, backingNode)) {
                monitor.blockdevAdd(Json.MAPPER.valueToTree(options));
                addedNodes.add((String) options.get("node-name"));
            }
            return node;
        } catch (IOException | RuntimeException e) {
            VireoError error = e instanceof IOException io ? refused("blockdev-add of " + image.path(), io)
                    : VireoError.internal("blockdev-add of " + image.path() + ": " + e, e);
            for (String name : addedNodes.reversed()) {
                deleteQuietly(monitor, name, error);
            }
            removeSetQuietly(monitor, added.fdsetId(), error);
            throw error;
        }
    }

    /**
     * Takes an image out of the graph: its format node, then its storage node, then its fd set.
     * Nodes already gone are fine (so it can finish a removal a crash interrupted); every other
     * failure is reported after the rest was still tried.
     */
    public static void remove(Monitor monitor, ImageNode image) throws VireoError {
        VireoError first = null;
        for (String name : List.of(image.formatNodeName(), image.storageNodeName())) {
            try {
                monitor.blockdevDel(name);
            } catch (QmpCommandException gone) {
                if (!gone.description().contains("Failed to find node") && !gone.description().contains("Cannot find")) {
                    first = first != null ? first : refused("blockdev-del of " + name, gone);
                }
            } catch (IOException e) {
                first = first != null ? first : refused("blockdev-del of " + name, e);
            }
        }
        if (image.fdSet() != null) {
            try {
                monitor.removeFd(image.fdSet().id(), null);
            } catch (QmpCommandException gone) {
                // no such set: already removed
            } catch (IOException e) {
                first = first != null ? first : refused("remove-fd of set " + image.fdSet().id(), e);
            }
        }
        if (first != null) throw first;
    }

    /**
     * Lets QEMU write an image it so far only reads: an O_RDWR fd added to the image's set, for a
     * commit's base and for the overlay above the commit's top (QEMU 7.2 rewrites that overlay's
     * backing name at the end and dies with SIGSEGV when it cannot reopen it read-write, research
     * §0.3). The nodes keep {@code locking: off}, so the switch between the set's fds leaves no
     * stale lock. Does nothing when the set already holds a writable fd.
     *
     * @param held the set's entry in the guest's fd-set registry
     */
    public static void grantWrite(Monitor monitor, FdSetRegistry.Held held, ImageNode image) throws VireoError {
        if (held.readWrite()) return;
        String note = new FdSetNote(image.index(), true).text();
        try (OwnedFd fd = OwnedFd.openImage(Path.of(image.path()), OpenMode.READ_WRITE)) {
            monitor.addFd(fd.fd(), held.fdsetId(), note);
        } catch (QmpCommandException e) {
            throw refused("add-fd of " + image.path(), e);
        } catch (IOException e) {
            throw VireoError.failed("cannot open " + image.path() + " read-write: " + e.getMessage(), e);
        }
    }

    /**
     * Lets QEMU reopen read-only an image it so far has only an O_RDWR fd for (a top image that a
     * snapshot made a backing layer): an O_RDONLY fd added to the image's set, so that a job that
     * made it writable can make it read-only again. Does nothing when the set already holds one.
     */
    public static void grantReadOnly(Monitor monitor, FdSetRegistry.Held held, ImageNode image) throws VireoError {
        if (held.readOnly()) return;
        String note = new FdSetNote(image.index(), false).text();
        try (OwnedFd fd = OwnedFd.openImage(Path.of(image.path()), OpenMode.READ_ONLY)) {
            monitor.addFd(fd.fd(), held.fdsetId(), note);
        } catch (QmpCommandException e) {
            throw refused("add-fd of " + image.path(), e);
        } catch (IOException e) {
            throw VireoError.failed("cannot open " + image.path() + " read-only: " + e.getMessage(), e);
        }
    }

    private static VireoError refused(String what, IOException e) {
        if (e instanceof QmpCommandException q) {
            return VireoError.failed(what + " refused by QEMU: " + q.errorClass() + ": " + q.description(), q);
        }
        return VireoError.failed(what + ": " + e.getMessage(), e);
    }

    private static void deleteQuietly(Monitor monitor, String node, Exception failure) {
        try {
            monitor.blockdevDel(node);
        } catch (IOException | RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
            Log.warn("cannot delete block node " + node + " after a failed addition", cleanup);
        }
    }

    private static void removeSetQuietly(Monitor monitor, int fdsetId, Exception failure) {
        try {
            monitor.removeFd(fdsetId, null);
        } catch (IOException | RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
            Log.warn("cannot remove fd set " + fdsetId + " after a failed addition", cleanup);
        }
    }
}
