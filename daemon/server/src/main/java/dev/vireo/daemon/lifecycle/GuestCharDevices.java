package dev.vireo.daemon.lifecycle;

import dev.vireo.conf.model.CharDevice;
import dev.vireo.conf.model.CharSource;
import dev.vireo.conf.model.CharSourceMode;
import dev.vireo.conf.model.CharTarget;
import dev.vireo.conf.model.CharTargetType;
import dev.vireo.conf.model.CharType;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.monitor.CharDeviceInfo;
import dev.vireo.monitor.Monitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The host ends of a running guest's serial ports, consoles and channels, in its live XML as libvirt
 * 9 shows them: a pty's path ({@code <source path='/dev/pts/N'/>}, and the console's {@code tty=}),
 * a socket the daemon names for a unix channel written without a path, and whether the guest has
 * each virtio channel open ({@code <target state='connected'/>}).
 */
final class GuestCharDevices {

    private GuestCharDevices() {
    }

    /**
     * The folder of one run's channel sockets: {@code channel/domain-ID-SHORTNAME} in the runtime
     * folder (libvirt: {@code /var/lib/libvirt/qemu/channel/target/domain-ID-NAME}).
     */
    static Path channelFolder(Path runDir, int id, String name) {
        return runDir.resolve("channel").resolve("domain-" + id + "-" + RuntimePaths.shortName(name)).toAbsolutePath();
    }

    /**
     * Gives each unix channel without a path (virt-install writes the guest agent's so) a socket in
     * {@code folder}, named after its target name as libvirt does; QEMU listens on it. Creates the
     * folder only when a channel needs it.
     */
    static void nameChannelSockets(Domain live, Path folder) throws VireoError, IOException {
        Devices devices = live.getDevices();
        if (devices == null) return;
        List<CharDevice> channels = devices.getChannels();
        for (int i = 0; i < channels.size(); i++) {
            CharDevice channel = channels.get(i);
            if (channel.getType() != CharType.UNIX) continue;
            List<CharSource> sources = channel.getSources();
            if (!sources.isEmpty() && sources.getFirst().getPath() != null) continue;
            CharTarget target = channel.getTarget();
            String file = target != null && target.getName() != null ? target.getName() : "channel" + i;
            Path socket = folder.resolve(file.replace('/', '_'));
            int bytes = socket.toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > RuntimePaths.MAX_SOCKET_PATH_BYTES) {
                throw VireoError.failed("the socket " + socket + " of channel '" + file + "' would be " + bytes
                        + " bytes long, more than a Unix socket path may be (" + RuntimePaths.MAX_SOCKET_PATH_BYTES
                        + "): run vireod with a shorter --runtime-dir, or give the channel <source path='...'/>");
            }
            CharSource source = sources.isEmpty() ? new CharSource() : sources.getFirst();
            if (source.getMode() == null) source.setMode(CharSourceMode.BIND);
            source.setPath(socket.toString());
            if (sources.isEmpty()) sources.add(source);
            Files.createDirectories(folder);
        }
    }

    /** Removes one run's channel folder and the sockets QEMU left in it (and {@code channel/} once empty). */
    static void removeChannelFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
        }
        Files.deleteIfExists(folder);
        try {
            Files.deleteIfExists(folder.getParent());
        } catch (DirectoryNotEmptyException otherGuests) {
            // another guest's channels are there
        }
    }

    /**
     * Reads the host ends from QEMU ({@code query-chardev}) into the live XML: pty paths and the
     * state of virtio channels. Run at the start, before the guest runs (a restarted daemon reads
     * them with {@link #apply} through Lifecycle's changeLive).
     */
    static void refresh(Domain live, Monitor monitor) throws IOException {
        apply(live, monitor.queryChardev());
    }

    /** Writes what {@code query-chardev} said into {@code live}. */
    static void apply(Domain live, List<CharDeviceInfo> chardevs) {
        Devices devices = live.getDevices();
        if (devices == null) return;
        Map<String, CharDeviceInfo> byLabel = new HashMap<>();
        for (CharDeviceInfo info : chardevs) byLabel.put(info.label(), info);
        for (List<CharDevice> kind : List.of(devices.getSerials(), devices.getParallels(), devices.getConsoles(), devices.getChannels())) {
            for (CharDevice chr : kind) {
                CharDeviceInfo info = chr.getAlias() == null ? null : byLabel.get("char" + chr.getAlias().getName());
                if (info == null) continue;
                String pty = info.ptyPath();
                if (pty != null && (chr.getType() == null || chr.getType() == CharType.PTY)) showPty(chr, pty, kind == devices.getConsoles());
            }
        }
        for (CharDevice channel : devices.getChannels()) {
            CharDeviceInfo info = channel.getAlias() == null ? null : byLabel.get("char" + channel.getAlias().getName());
            if (info != null && isVirtio(channel)) channel.getTarget().setState(info.frontendOpen() ? "connected" : "disconnected");
        }
    }

    /**
     * A {@code VSERPORT_CHANGE}: the guest opened or closed the virtio channel with that alias.
     *
     * @return whether the live XML changed
     */
    static boolean portChanged(Domain live, String alias, boolean open) {
        CharDevice channel = virtioChannel(live, alias);
        String state = open ? "connected" : "disconnected";
        if (channel == null || state.equals(channel.getTarget().getState())) return false;
        channel.getTarget().setState(state);
        return true;
    }

    /** Whether {@link #portChanged} would change {@code live} (which it must not change in place). */
    static boolean portWouldChange(Domain live, String alias, boolean open) {
        CharDevice channel = virtioChannel(live, alias);
        return channel != null && !(open ? "connected" : "disconnected").equals(channel.getTarget().getState());
    }

    private static CharDevice virtioChannel(Domain live, String alias) {
        if (live == null || live.getDevices() == null || alias == null) return null;
        for (CharDevice channel : live.getDevices().getChannels()) {
            if (channel.getAlias() != null && alias.equals(channel.getAlias().getName()) && isVirtio(channel)) return channel;
        }
        return null;
    }

    private static boolean isVirtio(CharDevice channel) {
        CharTarget target = channel.getTarget();
        return target != null && (target.getType() == null || target.getType() == CharTargetType.VIRTIO);
    }

    private static void showPty(CharDevice chr, String pty, boolean console) {
        List<CharSource> sources = chr.getSources();
        if (sources.isEmpty()) sources.add(new CharSource());
        sources.getFirst().setPath(pty);
        if (console) chr.setTty(pty);
    }
}
