package dev.vireo.daemon;

import dev.vireo.client.VireoClient;

import java.io.IOException;
import java.nio.file.Path;

/** A real vireod (in-process) on a private socket and state folder. */
final class DaemonFixture implements AutoCloseable {
    final Path root;
    final DaemonOptions options;
    private Daemon daemon;

    DaemonFixture(Path root) throws IOException {
        this.root = root;
        this.options = new DaemonOptions(root.resolve("run/vireod.sock"), root.resolve("state"), root.resolve("run"));
        start();
    }

    void start() throws IOException {
        daemon = Daemon.start(options);
    }

    void restart() throws IOException {
        daemon.close();
        start();
    }

    VireoClient client() throws IOException {
        return VireoClient.connect(options.socket());
    }

    Path domainsDir() {
        return options.stateDir().resolve("domains");
    }

    static String domainXml(String name, String uuid) {
        return "<domain type='qemu'>\n"
                + "  <name>" + name + "</name>\n"
                + (uuid == null ? "" : "  <uuid>" + uuid + "</uuid>\n")
                + "  <memory unit='KiB'>65536</memory>\n"
                + "  <vcpu>1</vcpu>\n"
                + "  <os><type arch='x86_64' machine='pc'>hvm</type></os>\n"
                + "  <devices><emulator>/usr/bin/qemu-system-x86_64</emulator></devices>\n"
                + "</domain>\n";
    }

    @Override
    public void close() {
        daemon.close();
    }
}
