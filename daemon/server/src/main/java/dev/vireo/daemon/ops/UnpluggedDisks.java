package dev.vireo.daemon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.caps.CapsCache;
import dev.vireo.command.DiskFrontend;
import dev.vireo.command.UnsupportedConfigurationException;
import dev.vireo.command.storage.DiskStorage;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBus;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.daemon.lifecycle.Emulators;
import dev.vireo.daemon.lifecycle.EventPayload;
import dev.vireo.daemon.lifecycle.LiveGuest;
import dev.vireo.daemon.lifecycle.ReleasedDevices;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The end of a disk's unplug, once QEMU has deleted its guest device: its nodes and fd sets go,
 * the live definition drops it, and clients hear {@code device-removed}. A detach runs it at once
 * when the guest lets go within the wait; otherwise it runs when QEMU reports the deletion later
 * ({@code DEVICE_DELETED}), or when a restarted daemon finds the device gone from QEMU
 * ({@code qom-list /machine/peripheral}), as libvirt finishes an unplug its guest completes late.
 *
 * <p>Whether QEMU still has the device is always asked, never assumed from the event: by the time
 * the event is handled a new disk may have been plugged under the same id.
 */
final class UnpluggedDisks implements ReleasedDevices {
    private final CapsCache caps;

    UnpluggedDisks(CapsCache caps) {
        this.caps = caps;
    }

    /** Only these buses are unplugged ({@link HotplugOps}); other disks' devices never go away alone. */
    static boolean pluggable(Disk disk) {
        DiskBus bus = disk.getTarget().getBus();
        return bus == DiskBus.VIRTIO || bus == DiskBus.SCSI;
    }

    @Override
    public void deleted(LiveGuest guest, String id) throws VireoError {
        finish(guest, Set.of(id));
    }

    @Override
    public void recovered(LiveGuest guest) throws VireoError {
        finish(guest, null);
    }

    /** @param ids the device ids QEMU reported deleted, or null for every pluggable disk */
    private void finish(LiveGuest guest, Set<String> ids) throws VireoError {
        Domain live = guest.live();
        Map<String, String> candidates = new LinkedHashMap<>();   // device id -> target
        for (Disk disk : live.getDevices().getDisks()) {
            if (!pluggable(disk)) continue;
            String id = deviceId(live, disk);
            if (ids == null || ids.contains(id)) candidates.put(id, disk.getTarget().getDev());
        }
        if (candidates.isEmpty()) return;
        Set<String> present = devicesInQemu(guest);
        for (Map.Entry<String, String> c : candidates.entrySet()) {
            if (!present.contains(c.getKey())) release(guest, c.getValue(), c.getKey());
        }
    }

    String deviceId(Domain live, Disk disk) throws VireoError {
        try {
            return DiskFrontend.idOf(live, Emulators.caps(caps, Emulators.of(live)), disk.getTarget().getDev());
        } catch (UnsupportedConfigurationException e) {
            throw VireoError.unsupported(e.getMessage());
        }
    }

    /** The ids of the devices QEMU has now (every device Vireo plugs has one). */
    private static Set<String> devicesInQemu(LiveGuest guest) throws VireoError {
        ObjectNode command = JsonNodeFactory.instance.objectNode().put("execute", "qom-list");
        command.putObject("arguments").put("path", "/machine/peripheral");
        JsonNode reply = guest.qmp("qom-list", m -> m.passThrough(command));
        if (!reply.path("return").isArray()) {
            throw VireoError.failed("qom-list /machine/peripheral refused by QEMU: " + reply.path("error"));
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode child : reply.path("return")) {
            if (child.path("type").asText().startsWith("child<")) ids.add(child.path("name").asText());
        }
        return ids;
    }

    /**
     * Finishes the removal of disk {@code dev}, whose device {@code id} QEMU has deleted. Whatever
     * fails while its images are released, the live definition drops the disk: the guest lost it.
     */
    static void release(LiveGuest guest, String dev, String id) throws VireoError {
        DiskStorage nodes = guest.plan().disk(dev).orElse(null);
        VireoError later = null;
        try {
            if (nodes != null) DiskPlug.removeImages(guest, nodes);
        } catch (VireoError e) {
            later = e;
        }
        guest.changeLive(d -> d.getDevices().getDisks().removeIf(x -> dev.equals(x.getTarget().getDev())));
        guest.rereadFdSets();
        guest.publish(new EventPayload.DeviceRemoved(id));
        if (later != null) {
            throw VireoError.failed("disk '" + dev + "' was unplugged, but its images were not all released: "
                    + later.getMessage(), later);
        }
    }
}
