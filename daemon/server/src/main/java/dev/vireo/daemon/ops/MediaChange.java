package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.caps.CapsCache;
import dev.vireo.command.DiskFrontend;
import dev.vireo.command.UnsupportedConfigurationException;
import dev.vireo.command.storage.DiskStorage;
import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskDevice;
import dev.vireo.conf.model.DiskSource;
import dev.vireo.conf.model.DiskType;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.FileWork;
import dev.vireo.daemon.disks.DiskLaunch;
import dev.vireo.daemon.disks.OpenedImages;
import dev.vireo.daemon.domain.DefinitionCodec;
import dev.vireo.daemon.domain.DomainRegistry;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.Emulators;
import dev.vireo.daemon.lifecycle.Lifecycle;
import dev.vireo.daemon.lifecycle.LiveGuest;
import dev.vireo.daemon.rpc.Operations;
import dev.vireo.protocol.ops.HotplugRequests.ChangeMedia;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code change-media}: a CD-ROM's or floppy's medium ejected, inserted or replaced. On a running
 * guest the new medium is walked, checked and opened as a start would (its nodes added first, so
 * a refusal leaves the old medium in), then the tray is opened ({@code blockdev-open-tray}, forced
 * with {@code --force}), the old medium taken out ({@code blockdev-remove-medium}), the new one
 * put in ({@code blockdev-insert-medium}) and the tray closed; the old medium's nodes and fd sets
 * go last. QEMU's {@code DEVICE_TRAY_MOVED} events reach {@code vireo event} as tray-change.
 */
final class MediaChange {
    private final DomainRegistry registry;
    private final Lifecycle lifecycle;
    private final DefinitionCodec codec;
    private final CapsCache caps;
    private final DiskLaunch disks;
    private final FileWork files;

    MediaChange(DomainRegistry registry, Lifecycle lifecycle, DefinitionCodec codec, CapsCache caps, DiskLaunch disks,
                FileWork files) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.codec = codec;
        this.caps = caps;
        this.disks = disks;
        this.files = files;
    }

    void register(Operations ops) {
        ops.handle(ChangeMedia.class, this::changeMedia);
    }

    /**
     * {@code {domain, target, source (absent: eject), mode (eject, insert, update), force, live,
     * config, persistent}}.
     */
    private JsonNode changeMedia(ChangeMedia call) throws VireoError {
        String target = call.target();
        String source = call.source();
        String mode = call.mode() == null ? "update" : call.mode();
        boolean force = call.force();
        Affect.Request request = new Affect.Request(call.live(), call.config(), call.persistent());
        return registry.withJob(call.domain(), "change-media", e -> {
            Optional<LiveGuest> guest = lifecycle.running(e);
            Affect affect = request.resolve(e, guest.isPresent());
            Disk live = affect.live() ? removable(HotplugOps.find(guest.get().live(), target)) : null;
            Disk stored = affect.config() ? removable(HotplugOps.find(e.persistent(), target)) : null;
            Disk current = live != null ? live : stored;
            String dev = current.getTarget().getDev();
            boolean hasMedium = current.getSource() != null && (current.getSource().getFile() != null
                    || current.getSource().getDev() != null);
            if (mode.equals("insert") && hasMedium) {
                throw VireoError.wrongState("The disk device '" + dev + "' already has media");
            }
            if (mode.equals("eject") && !hasMedium) {
                throw VireoError.wrongState("The disk device '" + dev + "' doesn't have media");
            }
            if (live != null) changeLive(guest.get(), dev, source, force);
            if (stored != null) {
                lifecycle.changeStored(e, d -> {
                    for (Disk disk : d.getDevices().getDisks()) {
                        if (dev.equals(disk.getTarget().getDev())) setMedium(disk, source);
                    }
                });
            }
            // docs/hotplug.md, "JSON"
            return Results.object().put("disk", dev).put("action", mode).put("source", source)
                    .put("live", affect.live()).put("config", affect.config());
        });
    }

    private static Disk removable(Disk disk) throws VireoError {
        if (disk.getDevice() != DiskDevice.CDROM && disk.getDevice() != DiskDevice.FLOPPY) {
            throw VireoError.invalidArgument("The disk device '" + disk.getTarget().getDev() + "' is not removable");
        }
        return disk;
    }

    private void changeLive(LiveGuest guest, String dev, String source, boolean force) throws VireoError {
        Domain live = guest.live();
        String id;
        try {
            id = DiskFrontend.idOf(live, Emulators.caps(caps, Emulators.of(live)), dev);
        } catch (UnsupportedConfigurationException ex) {
            throw VireoError.unsupported(ex.getMessage());
        }
        Optional<DiskStorage> old = guest.plan().disk(dev).filter(d -> !d.empty());
        Domain copy = copyLive(live);
        Disk disk = HotplugOps.find(copy, dev);
        setMedium(disk, source);
        if (source != null) {
            // a number never used while the guest runs: the old medium's are still in QEMU until the swap
            int highest = guest.plan().disks().stream().flatMap(d -> d.images().stream())
                    .mapToInt(image -> image.index()).max().orElse(0);
            disk.getSource().setIndex(highest + 1);
        }
        OpenedImages images;
        try {
            images = files.run("opening the medium of disk '" + dev + "'", () -> disks.prepareAdded(copy, disk));
        } catch (IOException ex) {
            throw VireoError.failed("disk '" + dev + "': " + ex.getMessage(), ex);
        }
        Undo undo = new Undo();
        try (images) {
            DiskStorage added = source == null ? null : DiskPlug.addImages(guest, copy, dev, images, undo);
            guest.qmp("blockdev-open-tray", m -> {
                m.blockdevOpenTray(id, force);
                return null;
            });
            undo.push("the open tray", () -> closeTray(guest, id));
            if (old.isPresent()) {
                guest.qmp("blockdev-remove-medium", m -> {
                    m.blockdevRemoveMedium(id);
                    return null;
                });
                String oldFront = old.get().frontNode().orElseThrow();
                undo.push("the removed medium", () -> guest.qmp("blockdev-insert-medium", m -> {
                    m.blockdevInsertMedium(id, oldFront);
                    return null;
                }));
            }
            if (added != null) {
                String front = added.frontNode().orElseThrow();
                guest.qmp("blockdev-insert-medium", m -> {
                    m.blockdevInsertMedium(id, front);
                    return null;
                });
            }
            closeTray(guest, id);
            guest.changeLive(d -> HotplugOps.replace(d, disk));
            undo.clear();
        } catch (VireoError | RuntimeException ex) {
            undo.run(ex);
            throw ex;
        }
        // the old medium is out of the guest: its nodes and fd sets go
        if (old.isPresent()) {
            DiskPlug.removeImages(guest, old.get());
        }
        guest.rereadFdSets();
    }

    private static void closeTray(LiveGuest guest, String id) throws VireoError {
        guest.qmp("blockdev-close-tray", m -> {
            m.blockdevCloseTray(id);
            return null;
        });
    }

    /** The disk with {@code source} as its medium (a file, or a block device), or none at all. */
    private static void setMedium(Disk disk, String source) {
        disk.setBackingStore(null);
        if (source == null) {
            disk.setSource(null);
            return;
        }
        boolean block = !Files.isRegularFile(Path.of(source)) && Files.exists(Path.of(source));
        DiskSource medium = new DiskSource();
        if (block) medium.setDev(source);
        else medium.setFile(source);
        disk.setType(block ? DiskType.BLOCK : DiskType.FILE);
        disk.setSource(medium);
    }

    private Domain copyLive(Domain live) throws VireoError {
        try {
            return codec.copyLive(live);
        } catch (XmlProblemsException ex) {
            throw VireoError.internal("the live definition no longer parses: " + ex.getMessage(), ex);
        }
    }
}
