package dev.vireo.monitor;

/**
 * Receives a guest's events in the order QEMU sent them, on a thread of the monitor's own: a slow
 * listener delays only itself, never the monitor's replies.
 */
public interface MonitorListener {

    void onEvent(MonitorEvent event);

    /** The connection ended (QEMU exited, or it was closed); no event follows. Called once. */
    default void onClose(String reason) {
    }
}
