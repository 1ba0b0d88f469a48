package dev.vireo.daemon.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.domain.DomainStatus;
import dev.vireo.daemon.domain.StateKind;
import dev.vireo.process.Signal;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What a guest's QMP events mean for its domain. Handled in arrival order on a virtual thread of
 * their own (the monitor's reader never waits for the domain's lock).
 */
final class GuestEvents implements GuestMonitor.Listener {
    private final Lifecycle lifecycle;
    private final RunningGuest guest;
    private final ExecutorService inOrder = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    /** Touched only by the single event thread: the next STOP comes from an I/O error. */
    private boolean ioErrorStop;

    GuestEvents(Lifecycle lifecycle, RunningGuest guest) {
        this.lifecycle = lifecycle;
        this.guest = guest;
    }

    @Override
    public void event(String name, JsonNode data) {
        inOrder.execute(() -> handle(name, data));
    }

    @Override
    public void closed() {
        inOrder.shutdown();
    }

    private void handle(String name, JsonNode data) {
        String domain = guest.entry.name();
        switch (name) {
            case "SHUTDOWN" -> {
                // QEMU runs with -no-shutdown: it stays after the guest powers off, and we end it.
                if (data.path("guest").asBoolean(false)) guest.guestShutdown = true;
                try {
                    guest.process.kill(Signal.SIGTERM);
                } catch (IOException e) {
                    Log.warn("cannot end QEMU of " + domain + " after the guest powered off", e);
                }
            }
            case "STOP" -> {
                // QEMU reports the I/O error that stops a guest (werror/rerror=stop) just before STOP
                boolean ioError = ioErrorStop;
                ioErrorStop = false;
                update(StateKind.RUNNING, new DomainStatus(StateKind.PAUSED, ioError ? "I/O error" : "unknown"),
                        "Suspended", ioError ? "I/O Error" : "Paused");
            }
            case "RESUME" -> {
                if (!guest.starting) update(StateKind.PAUSED, new DomainStatus(StateKind.RUNNING, "unpaused"), "Resumed", "Unpaused");
            }
            case "RESET" -> lifecycle.events().publish(domain, "reboot", "", "");
            case "BLOCK_IO_ERROR" -> {
                if (data.path("action").asText().equals("stop")) ioErrorStop = true;
                lifecycle.events().publish(domain, "io-error", data.path("device").asText(),
                        data.path("action").asText() + " " + data.path("operation").asText());
            }
            default -> {
                if (name.startsWith("BLOCK_JOB_")) {
                    lifecycle.events().publish(domain, "block-job", name, data.path("device").asText());
                }
            }
        }
    }

    /** A change QEMU made on its own (e.g. a pause on an I/O error); our own commands already set the status. */
    private void update(StateKind from, DomainStatus to, String event, String detail) {
        lifecycle.withGuestLock(guest, () -> {
            if (guest.entry.status().state() != from) return;
            lifecycle.setStatus(guest, to);
            lifecycle.events().lifecycle(guest.entry.name(), event, detail);
        });
    }
}
