package dev.vireo.daemon.lifecycle;

import dev.vireo.conf.model.CharDevice;
import dev.vireo.conf.model.CharSource;
import dev.vireo.conf.model.CharSourceMode;
import dev.vireo.conf.model.CharType;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.domain.DomainRegistry;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.process.TtyChannel;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * {@code console}: attaches a client to a running guest's serial port, console or channel, like
 * {@code virsh console}. The daemon opens the host end itself (the guest's pty, or the Unix socket
 * QEMU listens on), so the client needs no rights on it; one session per device at a time, unless
 * the new one forces the old one off.
 */
public final class GuestConsoles {
    private final DomainRegistry registry;
    /** The session on each device, by domain name and alias. */
    private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();

    public GuestConsoles(DomainRegistry registry) {
        this.registry = registry;
    }

    /**
     * Opens a session on the device with alias {@code devname} (null: the first console, else the
     * first serial port, as virsh).
     *
     * @param force take the device over from the session that has it
     */
    public ConsoleSession open(String key, String devname, boolean force) throws VireoError {
        return registry.withJob(key, "console", e -> {
            Domain live = e.live();
            if (live == null || !e.status().active()) throw VireoError.wrongState("domain '" + e.name() + "' is not running");
            CharDevice device = find(live, devname, e.name());
            String alias = device.getAlias().getName();
            String held = e.name() + "\u0000" + alias;
            ConsoleSession old = sessions.get(held);
            if (old != null && !old.ended()) {
                if (!force) {
                    throw VireoError.failed("Active console session exists for domain '" + e.name() + "' on " + alias
                            + " (--force takes it over)");
                }
                old.takenOver("the console of domain '" + e.name() + "' was taken over by another session (--force)");
            }
            ConsoleSession session = new ConsoleSession(e.name() + " " + alias, open(device, alias),
                    s -> sessions.remove(held, s));
            sessions.put(held, session);
            Log.info("domain " + e.name() + ": console session on " + alias + (old != null && force ? " (forced)" : ""));
            return session;
        });
    }

    private static CharDevice find(Domain live, String devname, String name) throws VireoError {
        Devices d = live.getDevices();
        List<CharDevice> consoles = d == null ? List.of() : d.getConsoles();
        List<CharDevice> serials = d == null ? List.of() : d.getSerials();
        if (devname == null) {
            if (!consoles.isEmpty()) return consoles.getFirst();
            if (!serials.isEmpty()) return serials.getFirst();
            throw VireoError.failed("cannot find a default console device of domain '" + name
                    + "': it has neither a <console> nor a <serial>");
        }
        List<CharDevice> all = Stream.of(consoles, serials, d == null ? List.<CharDevice>of() : d.getParallels(),
                d == null ? List.<CharDevice>of() : d.getChannels()).flatMap(List::stream).toList();
        for (CharDevice chr : all) {
            if (chr.getAlias() != null && devname.equals(chr.getAlias().getName())) return chr;
        }
        throw VireoError.invalidArgument("cannot find character device " + devname + " of domain '" + name + "' (aliases: "
                + String.join(", ", all.stream().filter(c -> c.getAlias() != null).map(c -> c.getAlias().getName())
                .distinct().toList()) + ")");
    }

    /** The host end: a pty, or a Unix socket QEMU listens on. */
    private static ConsoleSession.Target open(CharDevice device, String alias) throws VireoError {
        CharType type = device.getType() == null ? CharType.PTY : device.getType();
        CharSource source = device.getSources().isEmpty() ? null : device.getSources().getFirst();
        String path = source == null ? null : source.getPath();
        try {
            if (type == CharType.PTY && path != null) return new ConsoleSession.PtyTarget(TtyChannel.open(Path.of(path)));
            if (type == CharType.UNIX && path != null && source.getMode() == CharSourceMode.BIND) {
                SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    socket.connect(UnixDomainSocketAddress.of(path));
                } catch (IOException ex) {
                    socket.close();
                    throw ex;
                }
                return new ConsoleSession.SocketTarget(socket);
            }
        } catch (IOException ex) {
            throw VireoError.failed("cannot open character device " + alias + ": " + ex.getMessage(), ex);
        }
        throw VireoError.unsupported("character device " + alias + " is of type '" + type.xml()
                + "': a console attaches to a pty, or to a Unix socket QEMU listens on (mode='bind')");
    }
}
