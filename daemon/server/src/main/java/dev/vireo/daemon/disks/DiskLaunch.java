package dev.vireo.daemon.disks;

import dev.vireo.command.storage.FdSet;
import dev.vireo.command.storage.FdSetNote;
import dev.vireo.command.storage.ImageIndexes;
import dev.vireo.command.storage.PassedFd;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.config.DaemonConfig;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.process.OwnedFd;
import dev.vireo.storage.AccessMode;
import dev.vireo.storage.BackingChain;
import dev.vireo.storage.ChainPolicy;
import dev.vireo.storage.LayerAccess;
import dev.vireo.storage.StorageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The disk half of a start: for every disk with a local image, walk its backing chain (refusing
 * unrecorded backing formats, loops, missing layers, too deep chains), record the chain in the
 * live definition as {@code <backingStore>} with every image's number ({@code index}), and open
 * every layer for QEMU (the top read-write unless read-only, backing layers read-only), one fd
 * set per image. The command builder then renders the storage plan from that live definition and
 * those fd sets; nothing rewrites its command line.
 *
 * <p>The chain is walked whether or not fds are passed: the safety rules, the live XML and the
 * pinned end of every chain ({@code "backing": null}) do not depend on who opens the files.
 */
public final class DiskLaunch {

    /** The first fd number QEMU inherits (0-2 are its stdio). */
    private static final int FIRST_CHILD_FD = 3;

    private final DaemonConfig config;
    private final ChainPolicy policy;

    public DiskLaunch(DaemonConfig config, ChainPolicy policy) {
        this.config = config;
        this.policy = policy;
    }

    /**
     * Walks and opens the chains of {@code live}'s disks, sets their {@code <backingStore>} and
     * image numbers, and returns the fds to hand over.
     *
     * @throws VireoError naming the disk and the refusal; nothing stays open then
     */
    public PreparedDisks prepare(Domain live) throws VireoError {
        List<ChainedDisk> disks = chainedDisks(live);
        List<BackingChain> chains = new ArrayList<>(disks.size());
        for (ChainedDisk disk : disks) {
            chains.add(record(disk));
        }
        ImageIndexes.assign(live);
        Map<Integer, FdSet> sets = new LinkedHashMap<>();
        Map<Integer, OwnedFd> inherited = new LinkedHashMap<>();
        boolean handedOver = false;
        try {
            if (config.passDiskFds()) {
                for (int d = 0; d < disks.size(); d++) {
                    open(disks.get(d), chains.get(d), (index, note, fd) -> {
                        int childFd = FIRST_CHILD_FD + inherited.size();
                        inherited.put(childFd, fd);
                        // the set's number is the image's: the fd-set registry and query-fdsets agree at a glance
                        sets.put(index, new FdSet(index, List.of(new PassedFd(childFd, note.text()))));
                    });
                }
            }
            PreparedDisks prepared = new PreparedDisks(sets, inherited, config.qemuIdentity().orElse(null));
            handedOver = true;
            return prepared;
        } catch (IOException e) {
            throw VireoError.failed(e.getMessage(), e);
        } finally {
            if (!handedOver) {
                inherited.values().forEach(OwnedFd::close);
            }
        }
    }

    /**
     * The same walk, checks and opens as {@link #prepare}, for one disk being plugged into a
     * running guest: {@code disk} is already part of {@code live} (a private copy), gains its
     * {@code <backingStore>} chain, and its images get the next free numbers. Nothing is opened
     * for a drive without a medium, or when QEMU opens the paths itself ({@code pass_disk_fds = 0}).
     *
     * @throws VireoError with the same messages a start gives; nothing stays open then
     */
    public OpenedImages prepareAdded(Domain live, Disk disk) throws VireoError {
        Optional<ChainedDisk> chained = chained(disk);
        BackingChain chain = chained.isPresent() ? record(chained.get()) : null;
        ImageIndexes.assign(live);
        List<OpenedImages.Image> images = new ArrayList<>();
        try {
            if (chain != null && config.passDiskFds()) {
                open(chained.get(), chain, (index, note, fd) -> images.add(new OpenedImages.Image(index, note, fd)));
            }
            return new OpenedImages(images);
        } catch (IOException e) {
            images.forEach(i -> i.fd().close());
            throw VireoError.failed(e.getMessage(), e);
        }
    }

    /** Walks a disk's chain (the start rules refuse here) and records it as the disk's {@code <backingStore>}. */
    private BackingChain record(ChainedDisk disk) throws VireoError {
        BackingChain chain = walk(disk);
        disk.disk().setBackingStore(BackingStores.of(chain));
        return chain;
    }

    /** Where each opened layer goes; it owns the fd from then on. */
    @FunctionalInterface
    private interface OpenedLayer {
        void accept(int index, FdSetNote note, OwnedFd fd);
    }

    /**
     * Opens every layer of a recorded chain (numbers already assigned): the top read-write unless
     * read-only, the rest read-only. Layers already handed to {@code sink} stay its to close.
     */
    private static void open(ChainedDisk disk, BackingChain chain, OpenedLayer sink) throws IOException {
        List<Integer> indexes = BackingStores.indexes(disk.disk());
        List<LayerAccess> plan = chain.accessPlan(disk.readOnly());
        for (int i = 0; i < plan.size(); i++) {
            LayerAccess access = plan.get(i);
            OwnedFd fd = LayerFds.open(access, disk.target());
            sink.accept(indexes.get(i), new FdSetNote(indexes.get(i), access.mode() == AccessMode.READ_WRITE), fd);
        }
    }

    private static List<ChainedDisk> chainedDisks(Domain live) throws VireoError {
        List<ChainedDisk> disks = new ArrayList<>();
        if (live.getDevices() == null) {
            return disks;
        }
        for (Disk disk : live.getDevices().getDisks()) {
            chained(disk).ifPresent(disks::add);
        }
        return disks;
    }

    private static Optional<ChainedDisk> chained(Disk disk) throws VireoError {
        try {
            return ChainedDisk.of(disk);
        } catch (IllegalArgumentException e) {
            throw VireoError.unsupported(e.getMessage(), e);
        }
    }

    private BackingChain walk(ChainedDisk disk) throws VireoError {
        try {
            return BackingChain.open(disk.path(), disk.format(), policy);
        } catch (StorageException e) {
            throw VireoError.failed("disk '" + disk.target() + "': " + e.getMessage(), e);
        }
    }
}
