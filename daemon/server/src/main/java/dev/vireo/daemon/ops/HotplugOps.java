package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.caps.CapsCache;
import dev.vireo.caps.QemuCaps;
import dev.vireo.command.DiskFrontend;
import dev.vireo.command.UnsupportedConfigurationException;
import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.AddressType;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.ControllerType;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBus;
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
import dev.vireo.protocol.ops.HotplugRequests.AttachDevice;
import dev.vireo.protocol.ops.HotplugRequests.DetachDevice;
import dev.vireo.protocol.ops.HotplugRequests.DetachDisk;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Disk hotplug: {@code attach-device} and {@code detach-device} for {@code <disk>} elements (what
 * {@code attach-disk} and {@code detach-disk} send too), on the running guest ({@code live}), in
 * the stored definition ({@code config}), or both. A live attach walks and opens the new chain
 * exactly as a start does ({@link DiskLaunch#prepareAdded}), passes the fds, adds the nodes and
 * plugs the device; any failure takes back every step, and the definitions change only once QEMU
 * has the disk.
 */
public final class HotplugOps {
    private final DomainRegistry registry;
    private final Lifecycle lifecycle;
    private final DefinitionCodec codec;
    private final CapsCache caps;
    private final DiskLaunch disks;
    private final FileWork files;
    private final DeviceXml devices;

    public HotplugOps(DomainRegistry registry, Lifecycle lifecycle, DefinitionCodec codec, CapsCache caps,
                      DiskLaunch disks, FileWork files) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.codec = codec;
        this.caps = caps;
        this.disks = disks;
        this.files = files;
        this.devices = new DeviceXml(codec);
    }

    public void register(Operations ops) {
        ops.handle(AttachDevice.class, this::attachDevice);
        ops.handle(DetachDevice.class, this::detachDevice);
        ops.handle(DetachDisk.class, this::detachDisk);
        new MediaChange(registry, lifecycle, codec, caps, disks, files).register(ops);
        lifecycle.onDeviceReleased(new UnpluggedDisks(caps));
    }

    /** {@code {domain, xml, live, config, persistent}}: neither live nor config means the current state. */
    private JsonNode attachDevice(AttachDevice call) throws VireoError {
        String xml = call.xml();
        Disk parsed = devices.disk(xml, "attach-device");
        String dev = parsed.getTarget().getDev();
        Affect.Request request = new Affect.Request(call.live(), call.config(), call.persistent());
        Affect done = registry.withJob(call.domain(), "attach-device", e -> {
            Optional<LiveGuest> guest = lifecycle.running(e);
            Affect affect = request.resolve(e, guest.isPresent());
            if (affect.config()) requireFreeTarget(e.persistent(), dev);
            DeviceXml.Joined joined = affect.config() ? devices.join(e.persistent(), xml, dev) : null;
            Address placed = affect.live() ? attachLive(guest.get(), xml, dev, parsed.getAddress() != null) : null;
            if (joined != null) {
                Disk stored = joined.disk();
                // the next start puts it where the guest has it now, if the stored definition has room there
                boolean asLive = placed != null && PciPlacement.freeIn(e.persistent(), placed);
                if (asLive) stored.setAddress(placed);
                lifecycle.changeStored(e, d -> {
                    insert(d, stored);
                    // else its own place may be behind a root port the defaults added for it (q35)
                    if (!asLive) addControllers(d, joined.domain());
                });
            }
            return affect;
        });
        return result(dev, done);
    }

    /** The result of an attach (docs/hotplug.md, "JSON"): the disk and the definitions changed. */
    private static ObjectNode result(String dev, Affect affect) {
        return Results.object().put("disk", dev).put("live", affect.live()).put("config", affect.config());
    }

    /** {@code {domain, xml, ...}}: the disk with the element's target. */
    private JsonNode detachDevice(DetachDevice call) throws VireoError {
        Disk parsed = devices.disk(call.xml(), "detach-device");
        return detach(call.domain(), new Affect.Request(call.live(), call.config(), call.persistent()),
                parsed.getTarget().getDev(), "detach-device");
    }

    /** {@code {domain, target, ...}}: the disk with that target or source path. */
    private JsonNode detachDisk(DetachDisk call) throws VireoError {
        return detach(call.domain(), new Affect.Request(call.live(), call.config(), call.persistent()), call.target(),
                "detach-disk");
    }

    private JsonNode detach(String domain, Affect.Request request, String name, String operation) throws VireoError {
        return registry.withJob(domain, operation, e -> {
            Optional<LiveGuest> guest = lifecycle.running(e);
            Affect affect = request.resolve(e, guest.isPresent());
            Disk live = affect.live() ? find(guest.get().live(), name) : null;
            Disk stored = affect.config() ? find(e.persistent(), name) : null;
            String dev = (live != null ? live : stored).getTarget().getDev();
            boolean pending = live != null && !detachLive(guest.get(), live);
            if (stored != null) {
                lifecycle.changeStored(e, d -> d.getDevices().getDisks().removeIf(x -> dev.equals(x.getTarget().getDev())));
            }
            return result(dev, affect).put("pending", pending);
        });
    }

    /** @return the PCI address the disk was given, or null when it sits elsewhere */
    private Address attachLive(LiveGuest guest, String xml, String dev, boolean addressGiven) throws VireoError {
        requireFreeTarget(guest.live(), dev);
        Domain copy = copyLive(guest.live());
        Disk disk = devices.join(copy, xml, dev).disk();
        DiskBus bus = disk.getTarget().getBus();
        if (bus != DiskBus.VIRTIO && bus != DiskBus.SCSI) {
            throw VireoError.unsupported("disk bus '" + bus.xml() + "' cannot be hotplugged (allowed: virtio, scsi)");
        }
        insert(copy, disk);
        Address placed = null;
        // The joined definition's defaults placed the disk by the definition alone (on q35 even behind
        // a new root port, which QEMU cannot plug): unless the user chose, QEMU's free places decide.
        if (bus == DiskBus.VIRTIO && (!addressGiven || disk.getAddress() == null || disk.getAddress().getType() != AddressType.PCI)) {
            disk.setAddress(null);   // not a place taken by the disk itself
            placed = PciPlacement.free(copy, guest.qmp("query-pci", m -> m.queryPci()));
            placed.normalise();
            disk.setAddress(placed);
        }
        if (bus == DiskBus.SCSI) requireScsiController(copy, disk);
        QemuCaps qemu = Emulators.caps(caps, Emulators.of(copy));
        OpenedImages images;
        try {
            images = files.run("opening the images of disk '" + dev + "'", () -> disks.prepareAdded(copy, disk));
        } catch (IOException e) {
            throw VireoError.failed("disk '" + dev + "': " + e.getMessage(), e);
        }
        Undo undo = new Undo();
        try (images) {
            DiskFrontend device = frontend(copy, qemu, dev, disk);
            DiskPlug.addImages(guest, copy, dev, images, undo);
            DiskPlug.addDevice(guest, device, undo);
            guest.changeLive(d -> insert(d, disk));
            undo.clear();
        } catch (VireoError | RuntimeException e) {
            undo.run(e);
            throw e;
        }
        guest.rereadFdSets();
        return placed;
    }

    /**
     * Unplugs the disk and waits (bounded) for the guest to let go. As libvirt, a guest that does
     * not answer in time is no failure: QEMU deletes the device once the guest lets go, and
     * {@link UnpluggedDisks} finishes the removal then; until then the disk stays in the live definition.
     *
     * @return whether the guest released the disk (it is gone from the guest and the live definition)
     */
    private boolean detachLive(LiveGuest guest, Disk disk) throws VireoError {
        String dev = disk.getTarget().getDev();
        if (!UnpluggedDisks.pluggable(disk)) {
            throw VireoError.unsupported("disk bus '" + disk.getTarget().getBus().xml()
                    + "' cannot be hot unplugged (allowed: virtio, scsi)");
        }
        Domain live = guest.live();
        String id = frontend(live, Emulators.caps(caps, Emulators.of(live)), dev, disk).id();
        if (!DiskPlug.removeDevice(guest, id)) return false;
        UnpluggedDisks.release(guest, dev, id);
        return true;
    }

    private static DiskFrontend frontend(Domain domain, QemuCaps qemu, String dev, Disk disk) throws VireoError {
        DiskFrontend device;
        try {
            device = DiskFrontend.of(domain, qemu, dev);
        } catch (UnsupportedConfigurationException e) {
            throw VireoError.unsupported(e.getMessage());
        }
        Address a = disk.getAddress();
        if (a == null || a.getType() != AddressType.PCI) return device;
        // where the placement put it, whatever the slot plan of a start would have said
        Map<String, String> properties = new java.util.LinkedHashMap<>(device.properties());
        properties.put("bus", PciPlacement.busName(domain, a));
        properties.put("addr", PciPlacement.addr(a));
        return new DiskFrontend(device.driver(), device.id(), properties);
    }

    private static void requireScsiController(Domain d, Disk disk) throws VireoError {
        Address a = disk.getAddress();
        int index = a == null || a.getController() == null ? 0 : a.getController();
        boolean present = d.getDevices().getControllers().stream()
                .anyMatch(c -> c.getType() == ControllerType.SCSI && c.getIndex() != null && c.getIndex() == index);
        if (!present) {
            throw VireoError.unsupported("disk '" + disk.getTarget().getDev() + "': domain '" + d.getName()
                    + "' has no SCSI controller with index " + index + " to plug it into; add one to the definition first");
        }
    }

    private static void requireFreeTarget(Domain d, String dev) throws VireoError {
        for (Disk disk : d.getDevices().getDisks()) {
            if (dev.equals(disk.getTarget().getDev())) {
                throw VireoError.wrongState("target " + dev + " already exists");
            }
        }
    }

    /** The disk with this target, or whose top image has this path (as virsh lets detach-disk name it). */
    static Disk find(Domain d, String name) throws VireoError {
        for (Disk disk : d.getDevices().getDisks()) {
            if (name.equals(disk.getTarget().getDev())) return disk;
        }
        for (Disk disk : d.getDevices().getDisks()) {
            if (disk.getSource() != null && (name.equals(disk.getSource().getFile()) || name.equals(disk.getSource().getDev()))) {
                return disk;
            }
        }
        throw VireoError.invalidArgument("No disk found whose source path or target is " + name);
    }

    /** libvirt's place for a new disk: after the last disk of its bus with a lower target, else before the others of its bus, else at the end. */
    static void insert(Domain d, Disk disk) {
        List<Disk> list = d.getDevices().getDisks();
        int index = dev.vireo.conf.DiskNames.index(disk.getTarget().getDev());
        int lastLower = -1;
        int firstOfBus = -1;
        for (int i = 0; i < list.size(); i++) {
            Disk other = list.get(i);
            if (other.getTarget().getBus() != disk.getTarget().getBus()) continue;
            if (firstOfBus < 0) firstOfBus = i;
            if (dev.vireo.conf.DiskNames.index(other.getTarget().getDev()) <= index) lastLower = i;
        }
        list.add(lastLower >= 0 ? lastLower + 1 : firstOfBus >= 0 ? firstOfBus : list.size(), disk);
    }

    /** Adds the controllers of {@code from} that {@code d} lacks (same type and index). */
    private static void addControllers(Domain d, Domain from) {
        List<Controller> have = d.getDevices().getControllers();
        for (Controller c : from.getDevices().getControllers()) {
            boolean present = have.stream().anyMatch(x -> x.getType() == c.getType() && java.util.Objects.equals(x.getIndex(), c.getIndex()));
            if (!present) have.add(c);
        }
    }

    /** Puts {@code disk} in the place of the disk with its target. */
    static void replace(Domain d, Disk disk) {
        java.util.List<Disk> list = d.getDevices().getDisks();
        for (int i = 0; i < list.size(); i++) {
            if (disk.getTarget().getDev().equals(list.get(i).getTarget().getDev())) list.set(i, disk);
        }
    }

    private Domain copyLive(Domain live) throws VireoError {
        try {
            return codec.copyLive(live);
        } catch (XmlProblemsException e) {
            throw VireoError.internal("the live definition no longer parses: " + e.getMessage(), e);
        }
    }
}
