package dev.vireo.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where vireod listens: {@code unix:PATH} URIs and the per-user defaults shared by the daemon and
 * its clients (root: {@code /run/vireo/vireod.sock}; others: {@code $XDG_RUNTIME_DIR/vireo/vireod.sock},
 * or {@code /tmp/vireo-UID/vireod.sock} without an XDG runtime dir).
 */
public final class Endpoint {
    public static final String ENV_DEFAULT_URI = "VIREO_DEFAULT_URI";
    private static final String SCHEME = "unix:";

    private Endpoint() {
    }

    /** The socket of a {@code unix:PATH} URI. */
    public static Path parse(String uri) {
        if (uri == null || !uri.startsWith(SCHEME) || uri.length() == SCHEME.length()) {
            throw new IllegalArgumentException(
                    "unsupported connection URI '" + uri + "': expected unix:PATH (a vireod socket)");
        }
        return Path.of(uri.substring(SCHEME.length()));
    }

    /** {@code $VIREO_DEFAULT_URI} when set, else the per-user default socket. */
    public static Path defaultSocket() {
        String uri = System.getenv(ENV_DEFAULT_URI);
        if (uri != null && !uri.isBlank()) return parse(uri.strip());
        return defaultRuntimeDir().resolve("vireod.sock");
    }

    /** The daemon's runtime folder when none is given: monitor sockets, pid files, the RPC socket. */
    public static Path defaultRuntimeDir() {
        if (currentUid() == 0) return Path.of("/run/vireo");
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "vireo");
        return Path.of("/tmp", "vireo-" + currentUid());
    }

    /** The process's real uid, read from the owner of {@code /proc/self} (no native code needed). */
    public static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the current uid from /proc/self", e);
        }
    }
}
