package dev.vireo.daemon.disks;

import dev.vireo.command.CommandLine;
import dev.vireo.command.fdpass.FdPassingArgv;
import dev.vireo.command.fdpass.PassedDisk;
import dev.vireo.command.fdpass.PassedFd;
import dev.vireo.command.fdpass.PassedLayer;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.config.DaemonConfig;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.process.OwnedFd;
import dev.vireo.storage.BackingChain;
import dev.vireo.storage.ChainPolicy;
import dev.vireo.storage.StorageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The disk half of a start: for every disk with a local image, walk its backing chain (refusing
 * unrecorded backing formats, loops, missing layers, too deep chains), record the chain in the
 * live definition as {@code <backingStore>}, open every layer (the top read-write unless
 * {@code <readonly/>}, backing layers read-only) and rewrite the command line so that QEMU gets
 * those fds and opens no image path itself.
 *
 * <p>The chain is walked whether or not fds are passed: the safety rules and the live XML do not
 * depend on who opens the files.
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
     * Walks and opens the chains of {@code live}'s disks, sets their {@code <backingStore>}, and
     * returns the command line to run with the fds to hand over.
     *
     * @throws VireoError naming the disk and the refusal; nothing stays open then
     */
    public PreparedDisks prepare(Domain live, CommandLine plain) throws VireoError {
        List<PassedDisk> passed = new ArrayList<>();
        Map<Integer, OwnedFd> inherited = new LinkedHashMap<>();
        boolean handedOver = false;
        try {
            int nextFdset = 1;
            for (ChainedDisk disk : chainedDisks(live)) {
                BackingChain chain = walk(disk);
                disk.disk().setBackingStore(BackingStores.of(chain));
                if (!config.passDiskFds()) {
                    continue;
                }
                List<PassedLayer> layers = new ArrayList<>();
                for (var access : chain.accessPlan(disk.readOnly())) {
                    List<PassedFd> fds = new ArrayList<>();
                    for (OwnedFd fd : LayerFds.open(access, disk.target())) {
                        int childFd = FIRST_CHILD_FD + inherited.size();
                        inherited.put(childFd, fd);
                        fds.add(new PassedFd(childFd, opaque(disk, access.layer().depth(), fds.isEmpty())));
                    }
                    layers.add(new PassedLayer(access.layer().format().qemuName(), nextFdset++, fds));
                }
                passed.add(new PassedDisk(disk.source(), layers));
            }
            PreparedDisks prepared = new PreparedDisks(FdPassingArgv.rewrite(plain, passed), inherited,
                    config.qemuIdentity().orElse(null));
            handedOver = true;
            return prepared;
        } catch (IOException e) {
            throw VireoError.failed(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw VireoError.unsupported(e.getMessage(), e);
        } finally {
            if (!handedOver) {
                inherited.values().forEach(OwnedFd::close);
            }
        }
    }

    private static List<ChainedDisk> chainedDisks(Domain live) {
        List<ChainedDisk> disks = new ArrayList<>();
        if (live.getDevices() == null) {
            return disks;
        }
        for (Disk disk : live.getDevices().getDisks()) {
            ChainedDisk.of(disk).ifPresent(disks::add);
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

    /** e.g. {@code vda-0-ro}: disk, layer (0 = top), access; shown by QEMU's query-fdsets. */
    private static String opaque(ChainedDisk disk, int depth, boolean first) {
        String name = disk.target().replaceAll("[^A-Za-z0-9_.-]", "_");
        return name + "-" + depth + (first ? "-ro" : "-rw");
    }
}
