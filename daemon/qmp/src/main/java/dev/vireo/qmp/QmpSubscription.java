package dev.vireo.qmp;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * One listener's share of a connection's events. Events queue here and a virtual thread of its
 * own hands them to the listener in order, so the connection's reader only ever enqueues.
 * Closing it unsubscribes; events already queued are still delivered.
 */
public final class QmpSubscription implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(QmpSubscription.class.getName());

    private final Set<String> names;
    private final QmpEventListener listener;
    private final Consumer<QmpSubscription> unsubscribe;
    private final ExecutorService delivery =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().name("vireo-qmp-events").factory());

    QmpSubscription(Set<String> names, QmpEventListener listener, Consumer<QmpSubscription> unsubscribe) {
        this.names = Set.copyOf(names);
        this.listener = listener;
        this.unsubscribe = unsubscribe;
    }

    void offer(QmpEvent event) {
        if (names.isEmpty() || names.contains(event.name())) {
            deliver(() -> listener.onEvent(event), event.name());
        }
    }

    void connectionClosed(QmpClosedException reason) {
        deliver(() -> listener.onClose(reason), "close");
        delivery.shutdown();
    }

    private void deliver(Runnable call, String what) {
        try {
            delivery.execute(() -> {
                try {
                    call.run();
                } catch (RuntimeException | Error e) {
                    LOG.log(System.Logger.Level.WARNING, "QMP event listener failed on " + what, e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException unsubscribed) {
            // closed meanwhile: the listener asked for no more events
        }
    }

    @Override
    public void close() {
        unsubscribe.accept(this);
        delivery.shutdown();
    }
}
