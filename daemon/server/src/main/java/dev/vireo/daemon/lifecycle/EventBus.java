package dev.vireo.daemon.lifecycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.daemon.rpc.Session;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
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
    /** How many events published while nobody could listen are kept, and for how long. */
    static final int RETAINED_MAX = 64;
    static final Duration RETAINED_FOR = Duration.ofMinutes(10);

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Deque<Retained> retained = new ArrayDeque<>();

    private record Retained(String domain, ObjectNode event, long sinceNanos) {
    }

    /** Events for {@code domain} (every domain when null) go to {@code session} until it closes. */
    public void subscribe(Session session, String domain) {
        Subscriber s = new Subscriber(session, domain);
        synchronized (retained) {
            long now = System.nanoTime();
            retained.removeIf(r -> now - r.sinceNanos() > RETAINED_FOR.toNanos());
            for (Retained r : retained) {
                if (domain == null || domain.equals(r.domain())) s.queue.add(r.event());
            }
            subscribers.add(s);
        }
        Thread.ofVirtual().name("events-" + session.id()).start(() -> s.drain(subscribers));
    }

    public void publish(String domain, EventPayload payload) {
        ObjectNode e = EventPayload.toJson(domain, payload);
        for (Subscriber s : subscribers) {
            if (s.domain == null || s.domain.equals(domain)) s.queue.add(e);
        }
    }

    /**
     * Publishes an event that happened while no client could listen (a block job that ended while
     * the daemon was down, finished at its restart): it also goes to every client that subscribes
     * within {@link #RETAINED_FOR} (the last {@link #RETAINED_MAX} such events).
     */
    public void publishRetained(String domain, EventPayload payload) {
        synchronized (retained) {
            retained.addLast(new Retained(domain, EventPayload.toJson(domain, payload), System.nanoTime()));
            while (retained.size() > RETAINED_MAX) retained.removeFirst();
            publish(domain, payload);
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
