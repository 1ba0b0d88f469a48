package dev.vireo.daemon.config;

import dev.vireo.daemon.rpc.RpcLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DaemonConfigTest {
    @TempDir
    Path tmp;

    private DaemonConfig load(String text) throws Exception {
        Path file = tmp.resolve("vireod.conf");
        Files.writeString(file, text);
        return DaemonConfig.load(file);
    }

    private String refusal(String text) {
        return assertThrows(IllegalArgumentException.class, () -> load(text)).getMessage();
    }

    @Test
    void noFileMeansQemuRunsAsTheDaemonWithFdsPassed() throws Exception {
        assertEquals(DaemonConfig.defaults(), DaemonConfig.load(tmp.resolve("absent.conf")));
        assertEquals(new DaemonConfig(Optional.empty(), true, false, Duration.ofSeconds(30), RpcLimits.defaults()), DaemonConfig.defaults());
    }

    @Test
    void theExampleFileLoadsAsTheDefaults() throws Exception {
        Path example = Path.of(System.getProperty("vireo.repo", "../..")).resolve("docs/vireod.conf.example");
        assertEquals(DaemonConfig.defaults(), DaemonConfig.load(example));
    }

    @Test
    void rpcLimitsAreReadInBytesAndSeconds() throws Exception {
        RpcLimits limits = load("max_clients = 20\nmax_request_bytes = 1048576\nmax_buffered_bytes = 0\n"
                + "idle_timeout = 60\nrequest_timeout = 5\n").rpcLimits();
        assertEquals(new RpcLimits(20, 1 << 20, 0, Duration.ofSeconds(60), Duration.ofSeconds(5)), limits);
    }

    @Test
    void aUserNameGivesItsUidAndPrimaryGroup() throws Exception {
        DaemonConfig config = load("# QEMU's identity\nqemu_user = \"nobody\"   # unprivileged\n\npass_disk_fds = 1\n");
        assertEquals(Optional.of(new QemuIdentity("nobody", 65534, 65534)), config.qemuIdentity());
        assertEquals(true, config.passDiskFds());
    }

    @Test
    void groupsAndNumbersAreTakenAsWritten() throws Exception {
        assertEquals(Optional.of(new QemuIdentity("nobody", 65534, 0)), load("qemu_user = \"nobody\"\nqemu_group = \"root\"\n").qemuIdentity());
        assertEquals(Optional.of(new QemuIdentity("+107", 107, 108)), load("qemu_user = \"+107\"\nqemu_group = \"+108\"\n").qemuIdentity());
        assertEquals(false, load("pass_disk_fds = 0").passDiskFds());
    }

    @Test
    void networkBackingsAreRefusedUnlessAllowed() throws Exception {
        assertEquals(false, DaemonConfig.defaults().allowNetworkBacking());
        assertEquals(false, DaemonConfig.defaults().chainPolicy().allowNetwork());
        assertEquals(false, load("allow_network_backing = 0").chainPolicy().allowNetwork());
        assertEquals(true, load("allow_network_backing = 1").chainPolicy().allowNetwork());
        assertEquals(tmp.resolve("vireod.conf") + ":1: allow_network_backing is 0 or 1, not 2",
                refusal("allow_network_backing = 2"));
    }

    @Test
    void theJobWaitIsBoundedSeconds() throws Exception {
        assertEquals(Duration.ofSeconds(30), DaemonConfig.defaults().jobWait());
        assertEquals(Duration.ofSeconds(5), load("job_wait_seconds = 5").jobWait());
        String file = tmp.resolve("vireod.conf").toString();
        assertEquals(file + ":1: job_wait_seconds is a whole number from 1 to 3600, not 0", refusal("job_wait_seconds = 0"));
        assertEquals(file + ":1: job_wait_seconds is a whole number from 1 to 3600, not 5", refusal("job_wait_seconds = \"5\""));
    }

    @Test
    void everyMistakeNamesTheFileTheLineAndWhatIsAllowed() {
        String file = tmp.resolve("vireod.conf").toString();
        assertEquals(file + ":2: unknown setting 'user'; allowed: qemu_user, qemu_group, pass_disk_fds, allow_network_backing, job_wait_seconds, "
                + "max_clients, max_request_bytes, max_buffered_bytes, idle_timeout, request_timeout", refusal("\nuser = \"nobody\"\n"));
        assertEquals(file + ":1: max_clients is a whole number from 1 to 100000, not 0", refusal("max_clients = 0"));
        assertEquals(file + ":1: idle_timeout is a whole number from 1 to 31536000, not 60", refusal("idle_timeout = \"60\""));
        assertEquals(file + ":1: qemu_user 'no-such-user-here' is not a user in /etc/passwd (a number is written '+N')",
                refusal("qemu_user = \"no-such-user-here\""));
        assertEquals(file + ":2: qemu_group 'no-such-group' is not a group in /etc/group (a number is written '+N')",
                refusal("qemu_user = \"nobody\"\nqemu_group = \"no-such-group\""));
        assertEquals(file + ":1: qemu_user needs a quoted string, e.g. qemu_user = \"107\"", refusal("qemu_user = 107"));
        assertEquals(file + ":1: pass_disk_fds is 0 or 1, not 2", refusal("pass_disk_fds = 2"));
        assertEquals(file + ":1: qemu_group needs qemu_user", refusal("qemu_group = \"kvm\""));
        assertEquals(file + ":1: expected 'key = value', got 'qemu_user'", refusal("qemu_user"));
        assertEquals(file + ":1: qemu_user: string has no closing '\"'", refusal("qemu_user = \"nobody"));
        assertEquals(file + ":2: qemu_user is set twice (first on line 1)", refusal("qemu_user = \"a\"\nqemu_user = \"b\""));
        assertEquals(file + ":1: qemu_user: value 'nobody' is neither a quoted string nor a number", refusal("qemu_user = nobody"));
        assertEquals(file + ":1: qemu_user '+x' is not '+' followed by a number", refusal("qemu_user = \"+x\"\nqemu_group = \"+1\""));
    }
}
