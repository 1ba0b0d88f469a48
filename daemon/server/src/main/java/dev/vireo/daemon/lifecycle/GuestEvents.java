package dev.vireo.daemon.lifecycle;

import dev.vireo.daemon.Log;
import dev.vireo.daemon.domain.DomainStatus;
import dev.vireo.daemon.domain.StateKind;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.jobs.BlockJobs;
import dev.vireo.monitor.MonitorEvent;
import dev.vireo.monitor.MonitorListener;
import dev.vireo.process.Signal;

import java.io.IOException;

/**
 * What a guest's QMP events mean for its domain. The monitor delivers them in arrival order on a
 * thread of this listener's own, so waiting here for the domain's job slot never holds up
 * the monitor's replies.
 */
final class GuestEvents implements MonitorListener {
    private final Lifecycle lifecycle;
    private final RunningGuest guest;
    /** Touched only by the single event thread: the next STOP comes from an I/O error. */
    private boolean ioErrorStop;

    GuestEvents(Lifecycle lifecycle, RunningGuest guest) {
        this.lifecycle = lifecycle;
        this.guest = guest;
    }

    @Override
    public void onEvent(MonitorEvent event) {
        String domain = guest.entry.name();
        switch (event) {
            case MonitorEvent.Shutdown s -> {
                // QEMU runs with -no-shutdown: it stays after the guest powers off, and we end it.
                if (s.guest()) guest.guestShutdown = true;
                try {
                    guest.process.kill(Signal.SIGTERM);
                } catch (IOException e) {
                    Log.warn("cannot end QEMU of " + domain + " after the guest powered off", e);
                }
            }
            case MonitorEvent.Stop ignored -> {
                // QEMU reports the I/O error that stops a guest (werror/rerror=stop) just before STOP
                boolean ioError = ioErrorStop;
                ioErrorStop = false;
                update(StateKind.RUNNING, new DomainStatus(StateKind.PAUSED, ioError ? "I/O error" : "unknown"),
                        "Suspended", ioError ? "I/O Error" : "Paused");
            }
            case MonitorEvent.Resume ignored -> {
                if (!guest.starting) update(StateKind.PAUSED, new DomainStatus(StateKind.RUNNING, "unpaused"), "Resumed", "Unpaused");
            }
            case MonitorEvent.Reset ignored -> lifecycle.events().publish(domain, new EventPayload.Reboot());
            case MonitorEvent.BlockIoError e -> {
                if ("stop".equals(e.action())) ioErrorStop = true;
                lifecycle.events().publish(domain, new EventPayload.IoError(nonNull(e.device()), e.nodeName(),
                        e.operation(), e.action(), e.nospace(), e.reason()));
            }
            case MonitorEvent.BlockWriteThreshold t -> WriteThresholds.crossed(guest, t)
                    .ifPresent(p -> lifecycle.events().publish(domain, p));
            case MonitorEvent.DeviceDeleted d -> {
                // a waiting detach hears it first; whatever it left (it gave up waiting) is finished here
                guest.removals.deleted(d.device());
                lifecycle.deviceDeleted(guest, d.device());
            }
            case MonitorEvent.DeviceTrayMoved t -> lifecycle.events().publish(domain,
                    new EventPayload.TrayChange(t.id() == null || t.id().isEmpty() ? nonNull(t.device()) : t.id(), t.trayOpen()));
            case MonitorEvent.VserportChange v -> lifecycle.withGuestLock(guest, "channel event", () -> {
                if (!GuestCharDevices.portWouldChange(guest.entry.live(), v.id(), v.open())) return;
                try {
                    lifecycle.changeLive(guest, live -> GuestCharDevices.portChanged(live, v.id(), v.open()));
                } catch (VireoError e) {
                    Log.warn("domain " + domain + ": channel " + v.id() + " is " + (v.open() ? "open" : "closed")
                            + " but the live XML cannot say so", e);
                }
            });
            case MonitorEvent.JobStatusChange c -> toJobs(c);
            case MonitorEvent.BlockJobCompleted c -> toJobs(c);
            case MonitorEvent.BlockJobCancelled c -> toJobs(c);
            case MonitorEvent.BlockJobReady r -> toJobs(r);
            case MonitorEvent.BlockJobError e -> toJobs(e);
            default -> {
            }
        }
    }

    /** The block job state machine runs under the domain's job slot, like every change to the domain. */
    private void toJobs(MonitorEvent event) {
        lifecycle.withGuestLock(guest, "block job event", () -> {
            BlockJobs jobs = guest.blockJobs;
            if (jobs != null) jobs.onEvent(event);
        });
    }

    /** A change QEMU made on its own (e.g. a pause on an I/O error); our own commands already set the status. */
    private void update(StateKind from, DomainStatus to, String event, String detail) {
        lifecycle.withGuestLock(guest, "guest event", () -> {
            if (guest.entry.status().state() != from) return;
            lifecycle.setStatus(guest, to);
            lifecycle.events().lifecycle(guest.entry.name(), event, detail);
        });
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
