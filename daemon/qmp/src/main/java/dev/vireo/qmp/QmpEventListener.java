package dev.vireo.qmp;

/**
 * Receives a connection's events, in order, on a thread of its own subscription: a slow listener
 * delays only itself, never the connection's reader or other listeners.
 */
public interface QmpEventListener {

    void onEvent(QmpEvent event);

    /**
     * The connection closed; no event follows. Called once, after every earlier event.
     *
     * @param reason why, e.g. "QEMU closed the monitor connection" or "closed by the client"
     */
    default void onClose(QmpClosedException reason) {
    }
}
