package dev.vireo.daemon.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The unprivileged user and group QEMU runs as ({@code qemu_user} / {@code qemu_group} in
 * vireod.conf). Names are looked up in /etc/passwd and /etc/group; {@code +N} is a number taken
 * as is (libvirt's spelling for ids without a name).
 *
 * @param user the name as configured, for messages
 */
public record QemuIdentity(String user, int uid, int gid) {

    private static final Path PASSWD = Path.of("/etc/passwd");
    private static final Path GROUP = Path.of("/etc/group");

    /**
     * @param group null: the user's primary group
     * @throws IllegalArgumentException naming the unknown user or group
     */
    public static QemuIdentity resolve(String user, String group) throws IOException {
        int uid;
        Integer primaryGid = null;
        if (user.startsWith("+")) {
            uid = number(user, "qemu_user");
        } else {
            List<String> entry = lookup(PASSWD, user).orElseThrow(() -> new IllegalArgumentException(
                    "qemu_user '" + user + "' is not a user in " + PASSWD + " (a number is written '+N')"));
            uid = Integer.parseInt(entry.get(2));
            primaryGid = Integer.parseInt(entry.get(3));
        }
        int gid;
        if (group != null) {
            gid = group.startsWith("+") ? number(group, "qemu_group")
                    : Integer.parseInt(lookup(GROUP, group).orElseThrow(() -> new IllegalArgumentException(
                            "qemu_group '" + group + "' is not a group in " + GROUP + " (a number is written '+N')")).get(2));
        } else if (primaryGid != null) {
            gid = primaryGid;
        } else {
            throw new IllegalArgumentException("qemu_user '" + user + "' is a number: set qemu_group too");
        }
        return new QemuIdentity(user, uid, gid);
    }

    private static int number(String value, String key) {
        try {
            return Integer.parseInt(value.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + value + "' is not '+' followed by a number");
        }
    }

    /** The colon-separated fields of the entry named {@code name} in a passwd/group style file. */
    private static Optional<List<String>> lookup(Path file, String name) throws IOException {
        for (String line : Files.readAllLines(file)) {
            List<String> fields = List.of(line.split(":", -1));
            if (fields.size() >= 4 && fields.getFirst().equals(name)) {
                return Optional.of(fields);
            }
        }
        return Optional.empty();
    }
}
