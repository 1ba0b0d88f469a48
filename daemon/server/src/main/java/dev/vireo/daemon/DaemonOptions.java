package dev.vireo.daemon;

import dev.vireo.protocol.Endpoint;

import java.nio.file.Path;

/**
 * vireod's command line: {@code [--listen unix:PATH] [--state-dir DIR] [--runtime-dir DIR]}.
 *
 * <p>Defaults: root keeps state in {@code /var/lib/vireo} and listens on
 * {@code /run/vireo/vireod.sock}; other users use {@code ~/.local/share/vireo} and
 * {@code $XDG_RUNTIME_DIR/vireo/vireod.sock} (or {@code /tmp/vireo-UID/}).
 *
 * @param socket     the RPC socket
 * @param stateDir   what survives a reboot: definitions, capability cache, logs
 * @param runtimeDir what lives while guests run: monitor sockets, runtime state
 */
public record DaemonOptions(Path socket, Path stateDir, Path runtimeDir) {

    public static final String USAGE =
            "usage: vireod [--listen unix:PATH] [--state-dir DIR] [--runtime-dir DIR]";

    public static DaemonOptions parse(String... args) {
        Path socket = null;
        Path state = null;
        Path runtime = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (option) {
                case "--listen", "--state-dir", "--runtime-dir" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length) throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
                        value = args[++i];
                    }
                    switch (option) {
                        case "--listen" -> socket = Endpoint.parse(value);
                        case "--state-dir" -> state = Path.of(value);
                        default -> runtime = Path.of(value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
            }
        }
        boolean root = Endpoint.currentUid() == 0;
        if (state == null) {
            state = root ? Path.of("/var/lib/vireo") : Path.of(System.getProperty("user.home"), ".local", "share", "vireo");
        }
        if (runtime == null) runtime = Endpoint.defaultRuntimeDir();
        if (socket == null) socket = Endpoint.defaultRuntimeDir().resolve("vireod.sock");
        return new DaemonOptions(socket.toAbsolutePath(), state.toAbsolutePath(), runtime.toAbsolutePath());
    }
}
