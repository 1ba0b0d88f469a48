package dev.vireo.daemon.lifecycle;

import dev.vireo.daemon.errors.VireoError;

/**
 * What becomes of a device QEMU deleted once its guest let go of it ({@code DEVICE_DELETED}),
 * however late: a detach waits only so long, and the guest may answer after it gave up, or while
 * the daemon was down. The hotplug commands register it ({@link Lifecycle#onDeviceReleased}).
 *
 * <p>Both run in the domain's job slot and must be idempotent: the command that waited may already
 * have finished the removal, and a daemon killed half-way runs {@link #recovered} again.
 */
public interface ReleasedDevices {
    /** QEMU reported the device with this id deleted (also when a command was waiting for it). */
    void deleted(LiveGuest guest, String id) throws VireoError;

    /** A restarted daemon found the guest again: finish what QEMU deleted while the daemon was away. */
    void recovered(LiveGuest guest) throws VireoError;
}
