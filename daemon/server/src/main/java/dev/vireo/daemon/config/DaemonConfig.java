package dev.vireo.daemon.config;

import dev.vireo.daemon.rpc.RpcLimits;
import dev.vireo.jobs.DomainJobs;
import dev.vireo.protocol.Endpoint;
import dev.vireo.storage.ChainPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The daemon's settings from {@code vireod.conf} in its state dir (see docs/vireod.conf.example).
 * The file is optional; without it QEMU runs as the daemon's user and gets its disks as fds.
 *
 * @param qemuIdentity who QEMU runs as, when {@code qemu_user} is set
 * @param passDiskFds  whether the daemon opens disk images and hands QEMU fds
 *                     ({@code pass_disk_fds = 1}, the default); 0 lets QEMU open the paths itself,
 *                     which only works when QEMU's user can read them (kept to compare and measure)
 * @param allowNetworkBacking whether a local image's header may name a network backing (nbd:,
 *                     http:, ...), which QEMU then connects to itself ({@code allow_network_backing},
 *                     default 0: such a chain is refused at start and by image-info)
 * @param jobWait      how long an operation waits for a domain that another one keeps busy before
 *                     it fails naming that one ({@code job_wait_seconds}, default 30 like libvirt)
 * @param rpcLimits    what RPC clients may hold: connections, buffered bytes, time
 */
public record DaemonConfig(Optional<QemuIdentity> qemuIdentity, boolean passDiskFds, boolean allowNetworkBacking,
                           Duration jobWait, RpcLimits rpcLimits) {

    public static final String FILE_NAME = "vireod.conf";
    private static final int MAX_JOB_WAIT_SECONDS = 3600;

    /** Network backings refused and the default job wait, as without the settings. */
    public DaemonConfig(Optional<QemuIdentity> qemuIdentity, boolean passDiskFds) {
        this(qemuIdentity, passDiskFds, false, DomainJobs.DEFAULT_WAIT, RpcLimits.defaults());
    }

    public static DaemonConfig defaults() {
        return new DaemonConfig(Optional.empty(), true);
    }

    /** The rules every backing-chain walk of this daemon follows (start and image-info alike). */
    public ChainPolicy chainPolicy() {
        return ChainPolicy.defaults().withAllowNetwork(allowNetworkBacking);
    }

    /**
     * Reads {@code file}; a missing file gives the defaults.
     *
     * @throws IllegalArgumentException naming the file, the line and what is wrong
     */
    public static DaemonConfig load(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return defaults();
        }
        Map<String, ConfFile.Value> values = ConfFile.parse(file.toString(), text);
        Map<String, ConfFile.Value> unknown = new LinkedHashMap<>(values);
        ConfFile.Value user = unknown.remove("qemu_user");
        ConfFile.Value group = unknown.remove("qemu_group");
        ConfFile.Value pass = unknown.remove("pass_disk_fds");
        ConfFile.Value networkBacking = unknown.remove("allow_network_backing");
        ConfFile.Value wait = unknown.remove("job_wait_seconds");
        RpcLimits rpc = rpcLimits(unknown);
        if (!unknown.isEmpty()) {
            ConfFile.Value first = unknown.values().iterator().next();
            throw new IllegalArgumentException(file + ":" + first.line() + ": unknown setting '" + first.key()
                    + "'; allowed: qemu_user, qemu_group, pass_disk_fds, allow_network_backing, job_wait_seconds, "
                    + "max_clients, max_request_bytes, max_buffered_bytes, idle_timeout, request_timeout");
        }
        if (group != null && user == null) {
            throw new IllegalArgumentException(file + ":" + group.line() + ": qemu_group needs qemu_user");
        }
        Optional<QemuIdentity> identity = Optional.empty();
        if (user != null) {
            String userName = user.string();
            String groupName = group == null ? null : group.string();
            try {
                identity = Optional.of(QemuIdentity.resolve(userName, groupName));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (group != null && e.getMessage().startsWith("qemu_group")
                        ? group.line() : user.line()) + ": " + e.getMessage(), e);
            }
        }
        int daemonUid = Endpoint.currentUid();
        if (identity.isPresent() && daemonUid != 0 && identity.get().uid() != daemonUid) {
            throw new IllegalArgumentException(file + ":" + user.line() + ": qemu_user needs vireod to run as root "
                    + "(QEMU's user is changed with setpriv); this daemon runs as uid " + daemonUid);
        }
        Duration jobWait = wait == null ? DomainJobs.DEFAULT_WAIT : Duration.ofSeconds(wait.number(1, MAX_JOB_WAIT_SECONDS));
        return new DaemonConfig(identity, pass == null || pass.flag(), networkBacking != null && networkBacking.flag(), jobWait,
                rpc);
    }

    /** The RPC's limits: each setting taken out of {@code values}, the default where it is absent. */
    private static RpcLimits rpcLimits(Map<String, ConfFile.Value> values) {
        RpcLimits limits = RpcLimits.defaults();
        ConfFile.Value v;
        if ((v = values.remove("max_clients")) != null) limits = limits.withMaxClients((int) v.number(1, 100_000));
        if ((v = values.remove("max_request_bytes")) != null) {
            limits = limits.withMaxRequestBytes((int) v.number(1024, Integer.MAX_VALUE - 1));
        }
        if ((v = values.remove("max_buffered_bytes")) != null) limits = limits.withMaxBufferedBytes(v.number(0, Long.MAX_VALUE));
        if ((v = values.remove("idle_timeout")) != null) limits = limits.withIdleTimeout(Duration.ofSeconds(v.number(1, 86_400 * 365)));
        if ((v = values.remove("request_timeout")) != null) limits = limits.withRequestTimeout(Duration.ofSeconds(v.number(1, 86_400)));
        return limits;
    }
}
