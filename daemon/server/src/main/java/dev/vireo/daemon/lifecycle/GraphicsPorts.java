package dev.vireo.daemon.lifecycle;

import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.Graphics;
import dev.vireo.conf.model.GraphicsType;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Display ports for {@code <graphics autoport='yes'>} (or {@code port='-1'}), chosen at start
 * like libvirt: the first port from 5900 that no guest of ours holds and nothing else listens on.
 * The chosen port is written into the live definition, so {@code dumpxml} shows where to connect.
 * A VNC display's {@code websocket='-1'} gets a port the same way, from 5700 (libvirt's
 * {@code websocket_port_min}).
 */
final class GraphicsPorts {
    static final int FIRST = 5900;
    /** libvirt's first VNC WebSocket port ({@code websocket_port_min}). */
    static final int FIRST_WEBSOCKET = 5700;
    private static final int LAST = 65535;

    private final Set<Integer> inUse = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Integer>> byDomain = new ConcurrentHashMap<>();

    /** Assigns ports to the live definition's automatic VNC and SPICE displays. */
    synchronized void assign(String domain, Domain live) throws IOException {
        if (live.getDevices() == null) return;
        List<Integer> mine = new ArrayList<>();
        for (Graphics g : live.getDevices().getGraphics()) {
            boolean automatic = Boolean.TRUE.equals(g.getAutoport()) || (g.getPort() != null && g.getPort() == -1);
            if ((g.getType() == GraphicsType.VNC || g.getType() == GraphicsType.SPICE) && automatic) {
                int port = freePort(FIRST);
                inUse.add(port);
                mine.add(port);
                g.setPort(port);
                g.setAutoport(true);
            }
            if (g.getType() == GraphicsType.VNC && g.getWebsocket() != null && g.getWebsocket() == -1) {
                int port = freePort(FIRST_WEBSOCKET);
                inUse.add(port);
                mine.add(port);
                g.setWebsocket(port);
            }
        }
        if (!mine.isEmpty()) byDomain.put(domain, mine);
    }

    /**
     * Builds a command line from the live definition with its chosen ports. The command builder
     * reads autoport='yes' as "port to be chosen" (0), so autoport is cleared while it runs and
     * restored after, keeping the live XML like libvirt's ({@code port='5900' autoport='yes'}).
     */
    <T, X extends Exception> T withChosenPorts(Domain live, Build<T, X> build) throws X {
        List<Graphics> automatic = new ArrayList<>();
        if (live.getDevices() != null) {
            for (Graphics g : live.getDevices().getGraphics()) {
                if (Boolean.TRUE.equals(g.getAutoport()) && g.getPort() != null && g.getPort() >= FIRST) automatic.add(g);
            }
        }
        automatic.forEach(g -> g.setAutoport(false));
        try {
            return build.run();
        } finally {
            automatic.forEach(g -> g.setAutoport(true));
        }
    }

    @FunctionalInterface
    interface Build<T, X extends Exception> {
        T run() throws X;
    }

    /** The guest stopped: its ports may be handed out again. */
    void release(String domain) {
        List<Integer> ports = byDomain.remove(domain);
        if (ports != null) inUse.removeAll(ports);
    }

    private int freePort(int first) throws IOException {
        for (int port = first; port <= LAST; port++) {
            if (!inUse.contains(port) && bindable(port)) return port;
        }
        throw new IOException("no free display port from " + first + " to " + LAST);
    }

    private static boolean bindable(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
