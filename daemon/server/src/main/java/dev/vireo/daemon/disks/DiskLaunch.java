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
            BackingChain chain = walk(disk);
            disk.disk().setBackingStore(BackingStores.of(chain));
            chains.add(chain);
        }
        ImageIndexes.assign(live);
        Map<Integer, FdSet> sets = new LinkedHashMap<>();
        Map<Integer, OwnedFd> inherited = new LinkedHashMap<>();
        boolean handedOver = false;
        try {
            if (config.passDiskFds()) {
                for (int d = 0; d < disks.size(); d++) {
                    ChainedDisk disk = disks.get(d);
                    List<Integer> indexes = BackingStores.indexes(disk.disk());
                    List<LayerAccess> plan = chains.get(d).accessPlan(disk.readOnly());
                    for (int i = 0; i < plan.size(); i++) {
                        LayerAccess access = plan.get(i);
                        int index = indexes.get(i);
                        int childFd = FIRST_CHILD_FD + inherited.size();
                        inherited.put(childFd, LayerFds.open(access, disk.target()));
                        String note = new FdSetNote(index, access.mode() == AccessMode.READ_WRITE).text();
                        // the set's number is the image's: the fd-set registry and query-fdsets agree at a glance
                        sets.put(index, new FdSet(index, List.of(new PassedFd(childFd, note))));
                    }
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

    private static List<ChainedDisk> chainedDisks(Domain live) throws VireoError {
        List<ChainedDisk> disks = new ArrayList<>();
        if (live.getDevices() == null) {
            return disks;
        }
        try {
            for (Disk disk : live.getDevices().getDisks()) {
                ChainedDisk.of(disk).ifPresent(disks::add);
            }
        } catch (IllegalArgumentException e) {
            throw VireoError.unsupported(e.getMessage(), e);
        }
        return disks;
    }

    private BackingChain walk(ChainedDisk disk) throws VireoError {
        try {
            return BackingChain.open(disk.path(), disk.format(), policy);
        } catch (StorageException e) {
            throw VireoError.failed("disk '" + disk.target() + "': " + e.getMessage(), e);
        }
    }
}
