package dev.vireo.storage;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interprets a backing name the way QEMU does: a prefix such as {@code nbd:} before any slash
 * names a protocol; anything else is a file name, relative to the directory of the overlay.
 */
final class BackingNames {

    /** Protocols QEMU opens by itself; the daemon reports them and never opens them as files. */
    static final Set<String> NETWORK_PROTOCOLS = Set.of(
            "nbd", "nbd+tcp", "nbd+unix", "http", "https", "ftp", "ftps", "rbd", "gluster", "gluster+tcp",
            "gluster+unix", "gluster+rdma", "iscsi", "sheepdog", "ssh", "nfs", "vxhs");

    private static final Pattern PROTOCOL_PREFIX = Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*):.*", Pattern.DOTALL);
    private static final String FILE_PROTOCOL = "file";

    private BackingNames() {
    }

    /** What {@code name}, written in {@code overlay}'s header, refers to. */
    static Target interpret(Path overlay, String name) throws StorageException {
        Optional<String> protocol = protocolOf(name);
        if (protocol.isEmpty()) {
            return new Target.LocalFile(resolve(overlay, name));
        }
        String scheme = protocol.get();
        if (scheme.equals(FILE_PROTOCOL)) {
            return new Target.LocalFile(resolve(overlay, name.substring(FILE_PROTOCOL.length() + 1)));
        }
        if (NETWORK_PROTOCOLS.contains(scheme)) {
            return new Target.Remote(scheme);
        }
        // json: lets a name choose any driver and any file; QEMU would follow it, we refuse it
        throw new UnsupportedImageException(overlay, overlay + ": backing name '" + name + "' uses protocol '"
                + scheme + ":', which is refused; allowed: a file name, file:, or a network protocol ("
                + String.join(", ", NETWORK_PROTOCOLS.stream().sorted().toList()) + ")");
    }

    /**
     * The name as qemu-img shows it resolved ("full-backing-filename"): a local name resolved
     * against the overlay's directory, anything with a protocol prefix unchanged. Judges nothing:
     * this is for describing an image, not for opening its backing file.
     */
    static String fullName(Path overlay, String name) {
        Optional<String> protocol = protocolOf(name);
        if (protocol.isPresent() && !protocol.get().equals(FILE_PROTOCOL)) {
            return name;
        }
        String local = protocol.isPresent() ? name.substring(FILE_PROTOCOL.length() + 1) : name;
        try {
            return resolve(overlay, local).toString();
        } catch (UnsupportedImageException e) {
            return name;
        }
    }

    private static Optional<String> protocolOf(String name) {
        Matcher m = PROTOCOL_PREFIX.matcher(name);
        int slash = name.indexOf('/');
        if (!m.matches() || (slash >= 0 && slash < m.end(1))) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).toLowerCase(Locale.ROOT));
    }

    /** Relative names are relative to the directory of the image naming them, not to the cwd. */
    private static Path resolve(Path overlay, String name) throws UnsupportedImageException {
        try {
            Path named = Path.of(name);
            Path directory = overlay.getParent();
            return directory == null ? named : directory.resolve(named);
        } catch (InvalidPathException e) {
            throw new UnsupportedImageException(overlay, overlay + ": backing name '" + name
                    + "' is not a valid path: " + e.getReason());
        }
    }

    sealed interface Target {
        record LocalFile(Path path) implements Target {
        }

        record Remote(String protocol) implements Target {
        }
    }
}
