package dev.vireo.daemon.lifecycle;

import dev.vireo.daemon.errors.VireoError;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where a running guest's files go in the runtime folder. The monitor socket's path must fit a
 * Unix socket address (108 bytes with its NUL), so it is named like libvirt's per-domain folders,
 * {@code domain-ID-SHORTNAME.monitor}, with at most 20 characters of the name: any valid name
 * starts, and the id keeps two domains with the same short name apart.
 */
final class RuntimePaths {
    /** sun_path holds 108 bytes, the terminating NUL included. */
    static final int MAX_SOCKET_PATH_BYTES = 107;
    private static final int SHORT_NAME_CHARS = 20;

    private RuntimePaths() {
    }

    /** The runtime record: {@code NAME.json}, what a restarted daemon reads to find the guest again. */
    static Path record(Path runDir, String name) {
        return runDir.resolve(name + ".json");
    }

    /** The QMP socket of one run of a guest; refused when even the short form is too long for a socket. */
    static Path monitor(Path runDir, int id, String name) throws VireoError {
        Path socket = runDir.resolve("domain-" + id + "-" + shortName(name) + ".monitor").toAbsolutePath();
        int bytes = socket.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SOCKET_PATH_BYTES) {
            throw VireoError.failed("the monitor socket " + socket + " would be " + bytes
                    + " bytes long, more than a Unix socket path may be (" + MAX_SOCKET_PATH_BYTES
                    + "): run vireod with a shorter --runtime-dir");
        }
        return socket;
    }

    /** The first 20 characters of the name, anything but letters, digits, '.', '_' and '-' as '_'. */
    static String shortName(String name) {
        StringBuilder out = new StringBuilder(SHORT_NAME_CHARS);
        name.codePoints().limit(SHORT_NAME_CHARS).forEach(c -> out.append(
                c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') ? (char) c : '_'));
        return out.toString();
    }
}
