package dev.vireo.daemon.lifecycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.daemon.rpc.Session;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Domain events ({@link EventPayload}s) to the clients that subscribed. Each subscriber has its own queue drained by its
 * own virtual thread, so a client that reads slowly delays only itself, and whoever publishes
 * (the monitor's reader, a process reaper) never waits on a socket.
 */
public final class EventBus {
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    /** Events for {@code domain} (every domain when null) go to {@code session} until it closes. */
    public void subscribe(Session session, String domain) {
        Subscriber s = new Subscriber(session, domain);
        subscribers.add(s);
        Thread.ofVirtual().name("events-" + session.id()).start(() -> s.drain(subscribers));
    }

    public void publish(String domain, EventPayload payload) {
        ObjectNode e = EventPayload.toJson(domain, payload);
        for (Subscriber s : subscribers) {
            if (s.domain == null || s.domain.equals(domain)) s.queue.add(e);
        }
    }

    /**
     * @param event  virsh's event word, e.g. {@code Started}, {@code Stopped}
     * @param detail virsh's detail word, e.g. {@code Booted}, {@code Destroyed}
     */
    public void lifecycle(String domain, String event, String detail) {
        publish(domain, new EventPayload.Lifecycle(event, detail));
    }

    private static final class Subscriber {
        final Session session;
        final String domain;
        final LinkedBlockingQueue<ObjectNode> queue = new LinkedBlockingQueue<>();

        Subscriber(Session session, String domain) {
            this.session = session;
            this.domain = domain;
        }

        void drain(Set<Subscriber> all) {
            try {
                while (session.isOpen()) {
                    ObjectNode e = queue.poll(1, TimeUnit.SECONDS);
                    if (e != null && !session.push(e)) break;
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            } finally {
                all.remove(this);
            }
        }
    }
}
