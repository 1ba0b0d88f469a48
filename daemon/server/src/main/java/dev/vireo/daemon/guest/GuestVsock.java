package dev.vireo.daemon.guest;

import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.Vsock;
import dev.vireo.conf.model.VsockCid;
import dev.vireo.daemon.errors.VireoError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What a guest's {@code <vsock>} needs from the host at start: the {@code /dev/vhost-vsock} device
 * (QEMU's vhost-vsock-pci opens it; without it the start is refused naming the device and the kernel
 * module that provides it), and, for {@code <cid auto='yes'/>}, a context id. The id is the lowest
 * from 3 (0-2 are reserved for the hypervisor and the host) that no other running guest of this
 * daemon holds, written into the live XML ({@code <cid auto='yes' address='N'/>}) as libvirt shows
 * it. libvirt asks the kernel for each candidate (an ioctl on the device); a cid another manager's
 * guest holds makes QEMU fail the start with its own reason ("unable to set guest cid").
 */
public final class GuestVsock {

    static final long FIRST_GUEST_CID = 3;
    /** The largest cid the kernel accepts (32-bit, the top ones reserved). */
    static final long LAST_GUEST_CID = 0xFFFF_FFFEL;

    private final Path device;

    public GuestVsock(Path device) {
        this.device = device;
    }

    public static GuestVsock host() {
        return new GuestVsock(Path.of("/dev/vhost-vsock"));
    }

    /** Checks the host device and fills in an automatic cid; a guest without {@code <vsock>} is left alone. */
    public void prepare(Domain live, Collection<Domain> othersRunning) throws VireoError {
        Vsock vsock = live.getDevices() == null ? null : live.getDevices().getVsock();
        if (vsock == null) return;
        if (!Files.exists(device)) {
            throw VireoError.unsupported("<vsock>: the host has no " + device + " (load the vhost_vsock kernel module: "
                    + "modprobe vhost_vsock); domain '" + live.getName() + "' was not started");
        }
        VsockCid cid = vsock.getCid();
        if (cid == null) {
            cid = new VsockCid();
            vsock.setCid(cid);
        }
        Set<Long> taken = new HashSet<>();
        for (Domain other : othersRunning) {
            Vsock v = other.getDevices() == null ? null : other.getDevices().getVsock();
            if (v != null && v.getCid() != null && v.getCid().getAddress() != null) taken.add(v.getCid().getAddress());
        }
        if (cid.getAddress() != null && !Boolean.TRUE.equals(cid.getAuto())) {
            if (taken.contains(cid.getAddress())) {
                throw VireoError.unsupported("<vsock><cid address='" + cid.getAddress() + "'>: running domain holds that "
                        + "context id; pick another or use <cid auto='yes'/>");
            }
            return;
        }
        if (cid.getAddress() != null && cid.getAddress() >= FIRST_GUEST_CID && !taken.contains(cid.getAddress())) return;
        for (long n = FIRST_GUEST_CID; n <= LAST_GUEST_CID; n++) {
            if (!taken.contains(n)) {
                cid.setAuto(true);
                cid.setAddress(n);
                return;
            }
        }
    }
}
